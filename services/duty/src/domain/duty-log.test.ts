import { amendEntry, appendEntry, refuseEdit, verifyLog, type LogEntry, type LogInput } from './duty-log';
import { sh } from './duty.fixtures';

const entry = (o: Partial<LogInput> = {}): LogInput => ({
  at: sh('2024-10-03 14:03'),
  type: 'INCIDENT',
  source: '城关镇 / 电话',
  summary: '某化工厂燃气爆炸',
  actionTaken: '报告带班领导',
  handledBy: 'o1',
  relatedIds: ['inc-1'],
  ...o,
});

function logOf(n: number): LogEntry[] {
  const log: LogEntry[] = [];
  for (let i = 0; i < n; i++) log.push(appendEntry(log, entry({ summary: `第${i + 1}条` })));
  return log;
}

describe('duty log', () => {
  it('chains every entry to the one before and verifies (spec duty §6 LG-4)', () => {
    const log = logOf(3);
    expect(log.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(log[1]?.prevHash).toBe(log[0]?.hash);
    expect(verifyLog(log)).toEqual({ ok: true });
  });

  it('detects an entry whose text was changed in the store (spec duty §6 LG-4, tamper evidence)', () => {
    const log = logOf(3);
    const tampered = log.map((e) => (e.seq === 2 ? { ...e, summary: '改过的内容' } : e));
    expect(verifyLog(tampered)).toEqual({ ok: false, brokenAt: 2 });
  });

  it('detects a deleted entry', () => {
    const log = logOf(3);
    expect(verifyLog([log[0]!, log[2]!])).toEqual({ ok: false, brokenAt: 3 });
  });

  it('refuses edits and records an AMENDMENT with a reason, both visible (spec duty §19 scenario 6)', () => {
    const log = logOf(2);
    expect(() => refuseEdit()).toThrow(expect.objectContaining({ code: 'LOG_ENTRY_IMMUTABLE' }));
    const amendment = amendEntry(log, 1, {
      at: sh('2024-10-03 15:00'),
      summary: '更正：燃气泄漏，未爆炸',
      handledBy: 'o1',
      reason: '核实后更正',
    });
    const after = [...log, amendment];
    expect(amendment).toMatchObject({ type: 'AMENDMENT', amends: 1, reason: '核实后更正' });
    expect(after[0]?.summary).toBe('第1条');
    expect(verifyLog(after)).toEqual({ ok: true });
  });

  it('refuses an amendment without a reason and an entry missing its elements (spec duty §6 LG-2)', () => {
    const log = logOf(1);
    expect(() =>
      amendEntry(log, 1, { at: sh('2024-10-03 15:00'), summary: 'x', handledBy: 'o1', reason: ' ' }),
    ).toThrow(expect.objectContaining({ code: 'LOG_INVALID' }));
    expect(() => appendEntry(log, entry({ handledBy: '' }))).toThrow(expect.objectContaining({ code: 'LOG_INVALID' }));
  });
});
