import type { Actor } from '@gov/platform/auth';
import type { CreditLine, Loan } from '../domain/credit-line';
import {
  closeOverdueTask,
  inArrears,
  newOverdueTask,
  outcomeOf,
  type OverdueTask,
  type OverdueTaskOutcome,
  type OverdueTaskStage,
} from '../domain/overdue-task';
import { roleFor } from '../domain/permissions';
import type { LendingPolicy } from '../domain/policy';
import { derivedId } from './households';
import type { Clock, CreditLines, OverdueTasks, Stored } from './ports';

type Note = { actor: Actor; role: string };

/**
 * 逾期催收 (spec credit R15.4 [inferred]): an overdue report opens a task for the village collection group; a
 * loan still in arrears when that task falls due goes to the township station; a repayment that ends the arrears
 * closes whatever is open. Task ids derive from loan and stage, so every step can be repeated safely.
 */
export function createOverdueTasks(deps: {
  lines: CreditLines;
  tasks: OverdueTasks;
  clock: Clock;
  lending: LendingPolicy;
}) {
  const taskId = (loanId: string, stage: OverdueTaskStage) => derivedId('ot', loanId, stage);

  async function create(task: OverdueTask, note: Note, cause: string): Promise<OverdueTask> {
    const created = await deps.tasks.create(task, [{ type: 'OverdueTaskCreated', task }], {
      ...note,
      action: 'overdue-task.created',
      at: task.createdAt,
      reason: cause,
      details: { loanId: task.loanId, stage: task.stage, assigneeOrg: task.assigneeOrg, dueAt: task.dueAt },
    });
    return created ? task : (await deps.tasks.get(task.id))!.value;
  }

  async function close(t: Stored<OverdueTask>, outcome: OverdueTaskOutcome, note: Note): Promise<boolean> {
    const at = deps.clock.now();
    const next = closeOverdueTask(t.value, outcome, at);
    if (!next) return false;
    await deps.tasks.update(
      next,
      t.version,
      [{ type: 'OverdueTaskClosed', task: next }],
      { ...note, action: 'overdue-task.closed', at, reason: outcome, details: { loanId: next.loanId } },
      t,
    );
    return true;
  }

  /** First step: the village group's task, due in `overdueVillageTaskDays`; the existing one on a repeat. */
  async function openForLoan(line: CreditLine, loan: Loan, note: Note, cause: string) {
    if (!inArrears(loan)) return undefined;
    const id = taskId(loan.id, 'VILLAGE_GROUP');
    const existing = await deps.tasks.get(id);
    if (existing) return existing.value;
    const at = deps.clock.now();
    const days = deps.lending.overdueVillageTaskDays;
    return create(newOverdueTask({ id, stage: 'VILLAGE_GROUP', line, loan, at, days }), note, cause);
  }

  /** After a repayment: a loan no longer in arrears has its open tasks closed (SETTLED or CURED). */
  async function closeForLoan(line: CreditLine, loanId: string, note: Note): Promise<number> {
    const loan = line.loans.find((l) => l.id === loanId);
    if (!loan || inArrears(loan)) return 0;
    let closed = 0;
    for (const t of await deps.tasks.listOpenByLoan(loanId)) if (await close(t, outcomeOf(loan), note)) closed++;
    return closed;
  }

  /**
   * The sweep (a job in main.ts; tests call it with their clock): each village-group task due by now is escalated
   * to the township station, due in `overdueStationTaskDays`, when its loan is still in arrears, else closed.
   * The station task is written before the village task is closed: a crash between the two leaves the village
   * task open, and the next pass finds the station task there and only closes it.
   */
  async function escalateDue(actor: Actor) {
    const role = roleFor(actor, 'sweepOverdueTasks');
    const note = { actor, role };
    const result = { escalated: 0, closed: 0 };
    for (const t of await deps.tasks.listOpenDue('VILLAGE_GROUP', deps.clock.now())) {
      const line = await deps.lines.get(t.value.creditLineId);
      const loan = line?.value.loans.find((l) => l.id === t.value.loanId);
      // lines and loans are never deleted; should one be missing, the task stays open for a person to look at
      if (!line || !loan) continue;
      if (!inArrears(loan)) {
        if (await close(t, outcomeOf(loan), note)) result.closed++;
        continue;
      }
      const id = taskId(loan.id, 'TOWNSHIP_STATION');
      if (!(await deps.tasks.get(id))) {
        const at = deps.clock.now();
        const days = deps.lending.overdueStationTaskDays;
        const task = newOverdueTask({ id, stage: 'TOWNSHIP_STATION', line: line.value, loan, at, days }, t.value.id);
        await create(task, note, `village task ${t.value.id} fell due with the loan ${loan.status}`);
      }
      if (await close(t, 'ESCALATED', note)) result.escalated++;
    }
    return result;
  }

  /** The loan's tasks as stored, village group first (for the supervision views and the tests). */
  async function forLoan(loanId: string): Promise<OverdueTask[]> {
    const all = await Promise.all(
      (['VILLAGE_GROUP', 'TOWNSHIP_STATION'] as const).map((s) => deps.tasks.get(taskId(loanId, s))),
    );
    return all.filter((t): t is Stored<OverdueTask> => t !== undefined).map((t) => t.value);
  }

  return { openForLoan, closeForLoan, escalateDue, forLoan };
}
export type OverdueTaskUseCases = ReturnType<typeof createOverdueTasks>;
