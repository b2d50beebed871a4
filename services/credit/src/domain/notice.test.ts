import { CreditError } from './credit-error';
import { checkNoticeWindow, closeNotice, fileObjection, resolveObjection, type Notice } from './notice';

const start = new Date('2026-11-01T00:00:00+08:00');
const days = (n: number) => new Date(start.getTime() + n * 86400000);
const notice = (o: Partial<Notice> = {}): Notice => ({
  id: 'n1',
  kind: 'MERGED',
  villageId: 'v1',
  startAt: start,
  endAt: days(7),
  postedLocation: '村委会公示栏',
  status: 'OPEN',
  entries: ['h1', 'h2'].map((householdId) => ({
    householdId,
    headName: '张三',
    maskedIdNumber: '411202********1234',
    score: 90,
    grade: 'AA',
    capFen: 10_000_000,
    policyVersion: '2017-33-v1',
    outcome: 'PENDING' as const,
  })),
  objections: [],
  decisions: [],
  ...o,
});
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as CreditError).code;
  }
  return 'none';
};

describe('public notice', () => {
  it('§22-10: a 6-day notice is NOTICE_TOO_SHORT, 7 days is accepted (spec credit §9.1 N1)', () => {
    expect(codeOf(() => checkNoticeWindow(start, days(6), 7))).toBe('NOTICE_TOO_SHORT');
    expect(codeOf(() => checkNoticeWindow(start, new Date(days(7).getTime() - 1), 7))).toBe('NOTICE_TOO_SHORT');
    expect(codeOf(() => checkNoticeWindow(start, days(7), 7))).toBe('none');
  });
  it('§22-11: an objection open at the end holds that household only; the other becomes certifiable (N5, §9.2)', () => {
    const withObjection = fileObjection(
      notice(),
      { id: 'o1', householdId: 'h2', content: '收入情况不实', status: 'OPEN', filedAt: days(3) },
      days(3),
    );
    const closed = closeNotice(withObjection, days(7));
    expect(closed.status).toBe('CLOSED');
    expect(closed.entries.map((e) => [e.householdId, e.outcome])).toEqual([
      ['h1', 'CERTIFIABLE'],
      ['h2', 'HELD_BY_OBJECTION'],
    ]);
  });
  it('a dismissed objection holds nobody', () => {
    const n = notice({
      objections: [{ id: 'o1', householdId: 'h2', content: 'x', status: 'DISMISSED', filedAt: days(1) }],
    });
    expect(closeNotice(n, days(8)).entries.every((e) => e.outcome === 'CERTIFIABLE')).toBe(true);
  });
  it('refuses objections after the end (NOTICE_CLOSED) and against households not on the notice', () => {
    const o = { id: 'o1', householdId: 'h1', content: 'x', status: 'OPEN' as const, filedAt: days(8) };
    expect(codeOf(() => fileObjection(notice(), o, days(8)))).toBe('NOTICE_CLOSED');
    expect(codeOf(() => fileObjection(notice(), { ...o, householdId: 'h9' }, days(2)))).toBe('NOT_ON_NOTICE');
  });
  it('does not close before the end (certificates only after the notice, N5)', () => {
    expect(codeOf(() => closeNotice(notice(), days(6)))).toBe('NOTICE_STILL_RUNNING');
  });
  it('an objection holds its household until resolved: dismissed → certifiable, upheld → rejected (spec credit §9.2)', () => {
    const filed = fileObjection(
      notice(),
      { id: 'o1', householdId: 'h2', content: 'x', status: 'OPEN', filedAt: days(1) },
      days(1),
    );
    const closed = closeNotice(filed, days(7));
    const outcomeOf = (n: Notice) => n.entries.find((e) => e.householdId === 'h2')!.outcome;
    expect(outcomeOf(closed)).toBe('HELD_BY_OBJECTION');
    const resolution = { objectionId: 'o1', resolution: '经核实', resolvedBy: 'panel' };
    expect(outcomeOf(resolveObjection(closed, { ...resolution, outcome: 'DISMISSED' }, days(8)))).toBe('CERTIFIABLE');
    expect(outcomeOf(resolveObjection(closed, { ...resolution, outcome: 'UPHELD' }, days(8)))).toBe(
      'REJECTED_BY_OBJECTION',
    );
    const dismissed = resolveObjection(closed, { ...resolution, outcome: 'DISMISSED' }, days(8));
    expect(codeOf(() => resolveObjection(dismissed, { ...resolution, outcome: 'UPHELD' }, days(9)))).toBe(
      'ALREADY_DECIDED',
    );
  });
  it('an objection upheld before the end keeps the household off the list when the notice closes', () => {
    const filed = fileObjection(
      notice(),
      { id: 'o1', householdId: 'h1', content: 'x', status: 'OPEN', filedAt: days(1) },
      days(1),
    );
    const upheld = resolveObjection(
      filed,
      { objectionId: 'o1', outcome: 'UPHELD', resolution: '属实', resolvedBy: 'p' },
      days(2),
    );
    expect(closeNotice(upheld, days(7)).entries.map((e) => e.outcome)).toEqual([
      'REJECTED_BY_OBJECTION',
      'CERTIFIABLE',
    ]);
  });
});
