import { addDays, endOfShanghaiDay, shanghaiDate } from './calendar';
import type { CreditLine, Loan } from './credit-line';

/** Who visits the borrower: the village collection group (村级信息采集服务组) first, then the township station. */
export type OverdueTaskStage = 'VILLAGE_GROUP' | 'TOWNSHIP_STATION';
export type OverdueTaskOutcome = 'SETTLED' | 'CURED' | 'ESCALATED';

/**
 * 逾期催收任务 — a collection task for an overdue loan (spec credit R15.2-R15.4 [inferred]): one per loan and stage,
 * its id derived from both, so a redelivered bank report or a re-run sweep finds the task it made before.
 */
export interface OverdueTask {
  id: string;
  stage: OverdueTaskStage;
  loanId: string;
  bankLoanNo: string;
  creditLineId: string;
  householdId: string;
  villageId: string;
  townshipId: string;
  assigneeOrg: string;
  status: 'OPEN' | 'CLOSED';
  createdAt: Date;
  dueAt: Date;
  escalatedFromTaskId?: string;
  outcome?: OverdueTaskOutcome;
  closedAt?: Date;
}

/** The organisation a stage's task goes to (one collection group per village, one station per township, §2.3). */
export const assigneeOrg = (stage: OverdueTaskStage, line: Pick<CreditLine, 'villageId' | 'townshipId'>): string =>
  stage === 'VILLAGE_GROUP' ? `${line.villageId}/collection-group` : `${line.townshipId}/service-station`;

/** Due at the end of the Shanghai day `days` calendar days after `from` ("within 7 days" includes the 7th day). */
export const taskDueAt = (from: Date, days: number): Date => endOfShanghaiDay(addDays(shanghaiDate(from), days));

/** Still in arrears: overdue or non-performing with principal left (R15.4 escalates only such a loan). */
export const inArrears = (loan: Pick<Loan, 'status' | 'outstandingPrincipalFen'>): boolean =>
  (loan.status === 'OVERDUE' || loan.status === 'NON_PERFORMING') && loan.outstandingPrincipalFen > 0;

/** Why an open task of a loan that is no longer in arrears is closed. */
export const outcomeOf = (loan: Pick<Loan, 'status' | 'outstandingPrincipalFen'>): OverdueTaskOutcome =>
  loan.status === 'SETTLED' || loan.outstandingPrincipalFen === 0 ? 'SETTLED' : 'CURED';

/** A new task of `stage` for the loan on the line, due `days` days after `at`. */
export function newOverdueTask(
  x: { id: string; stage: OverdueTaskStage; line: CreditLine; loan: Loan; at: Date; days: number },
  escalatedFromTaskId?: string,
): OverdueTask {
  return {
    id: x.id,
    stage: x.stage,
    loanId: x.loan.id,
    bankLoanNo: x.loan.bankLoanNo,
    creditLineId: x.line.id,
    householdId: x.line.householdId,
    villageId: x.line.villageId,
    townshipId: x.line.townshipId,
    assigneeOrg: assigneeOrg(x.stage, x.line),
    status: 'OPEN',
    createdAt: x.at,
    dueAt: taskDueAt(x.at, x.days),
    ...(escalatedFromTaskId ? { escalatedFromTaskId } : {}),
  };
}

/** Closes an open task; a closed one stays as it was (undefined: nothing to write). */
export const closeOverdueTask = (t: OverdueTask, outcome: OverdueTaskOutcome, at: Date): OverdueTask | undefined =>
  t.status === 'OPEN' ? { ...t, status: 'CLOSED', outcome, closedAt: at } : undefined;
