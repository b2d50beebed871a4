import type { CreditLine, Loan } from './credit-line';
import { assigneeOrg, closeOverdueTask, inArrears, newOverdueTask, outcomeOf, taskDueAt } from './overdue-task';
import { defaultLendingPolicy as p } from './policy';

const line = { id: 'cl-1', householdId: 'h1', villageId: 'v1', townshipId: 't1' } as CreditLine;
const loan = (o: Partial<Loan> = {}) =>
  ({ id: 'ln-1', bankLoanNo: 'B-1', status: 'OVERDUE', outstandingPrincipalFen: 1000, ...o }) as Loan;

describe('overdue collection tasks (spec credit R15.4)', () => {
  it('R15.4 [config]: the village group has 7 days and the station 15, each to the end of the Shanghai day', () => {
    expect([p.overdueVillageTaskDays, p.overdueStationTaskDays]).toEqual([7, 15]);
    // reported at 01:00 Shanghai on 11-02: due at the end of 11-09
    expect(taskDueAt(new Date('2026-11-01T17:00:00Z'), 7).toISOString()).toBe('2026-11-09T15:59:59.999Z');
    // reported at 23:30 Shanghai on 11-02 (still 11-02 in UTC 15:30): the same due day
    expect(taskDueAt(new Date('2026-11-02T15:30:00Z'), 7).toISOString()).toBe('2026-11-09T15:59:59.999Z');
  });
  it('R15.4: assigns the first stage to the village collection group and the second to the township station', () => {
    expect(assigneeOrg('VILLAGE_GROUP', line)).toBe('v1/collection-group');
    expect(assigneeOrg('TOWNSHIP_STATION', line)).toBe('t1/service-station');
    const t = newOverdueTask(
      { id: 'ot-2', stage: 'TOWNSHIP_STATION', line, loan: loan(), at: new Date('2026-11-10T00:00:00Z'), days: 15 },
      'ot-1',
    );
    expect(t).toMatchObject({ status: 'OPEN', loanId: 'ln-1', escalatedFromTaskId: 'ot-1', villageId: 'v1' });
  });
  it('R15.4: only an overdue or non-performing loan with principal left is still in arrears', () => {
    expect(inArrears(loan())).toBe(true);
    expect(inArrears(loan({ status: 'NON_PERFORMING' }))).toBe(true);
    expect(inArrears(loan({ outstandingPrincipalFen: 0 }))).toBe(false);
    expect(inArrears(loan({ status: 'SETTLED', outstandingPrincipalFen: 0 }))).toBe(false);
    expect(inArrears(loan({ status: 'REPAYING' }))).toBe(false);
    expect([
      outcomeOf(loan({ status: 'SETTLED', outstandingPrincipalFen: 0 })),
      outcomeOf(loan({ status: 'REPAYING' })),
    ]).toEqual(['SETTLED', 'CURED']);
  });
  it('closes an open task once; a closed task is left as it was', () => {
    const open = newOverdueTask({ id: 'ot-1', stage: 'VILLAGE_GROUP', line, loan: loan(), at: new Date(), days: 7 });
    const closed = closeOverdueTask(open, 'SETTLED', new Date('2026-11-05T00:00:00Z'));
    expect(closed).toMatchObject({ status: 'CLOSED', outcome: 'SETTLED' });
    expect(closeOverdueTask(closed!, 'ESCALATED', new Date())).toBeUndefined();
  });
});
