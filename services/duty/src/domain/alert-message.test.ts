import { alertText, signReminderText } from './alert-message';

describe('alertText', () => {
  it('never puts classified details into the message body (ARCHITECTURE §7, spec duty §9.7 WR-3)', () => {
    const text = alertText({ id: 'inc-1', title: '某地燃气爆炸', severity: 'II', classified: true, location: '北街' });
    expect(text).not.toContain('燃气');
    expect(text).not.toContain('北街');
    expect(text).not.toContain('重大');
    expect(text).toContain('inc-1');
  });

  it('names severity, title and place of an unclassified incident', () => {
    const text = alertText({ id: 'inc-2', title: '某地燃气爆炸', severity: 'II', classified: false, location: '北街' });
    expect(text).toContain('重大：某地燃气爆炸，地点：北街');
  });

  it('a signing reminder names only the reference of a classified incident (spec duty §9.7 WR-1, WR-3)', () => {
    expect(signReminderText({ id: 'inc-9', title: '某涉密事项', classified: true })).not.toContain('某涉密事项');
    expect(signReminderText({ id: 'inc-9', title: '燃气爆炸', classified: false })).toContain('燃气爆炸');
  });
});
