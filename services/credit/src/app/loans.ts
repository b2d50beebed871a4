import type { Actor } from '@gov/platform/auth';
import { shanghaiDate } from '../domain/calendar';
import { drawLoan, repayLoan, type CreditLine } from '../domain/credit-line';
import { CreditError, rejectInvalid } from '../domain/credit-error';
import { roleFor } from '../domain/permissions';
import type { LendingPolicy } from '../domain/policy';
import { derivedId } from './households';
import { once, type CheckJurisdiction } from './jurisdiction';
import type { Clock, CreditEvent, CreditLines, Idempotency, Stored } from './ports';

export interface DrawInput {
  creditLineId: string;
  bankLoanNo: string;
  principalFen: number;
  termMonths: number;
  rateBp: number;
  contractDate: string;
}
export interface RepayInput {
  creditLineId: string;
  loanId: string;
  principalFen: number;
  paidAt: Date;
  onTime: boolean;
}

function validateDraw(i: DrawInput): void {
  rejectInvalid([
    ...(Number.isSafeInteger(i.principalFen) && i.principalFen > 0
      ? []
      : [{ field: 'principalFen', message: 'a positive whole number of fen' }]),
    ...(Number.isInteger(i.termMonths) && i.termMonths > 0
      ? []
      : [{ field: 'termMonths', message: 'a positive whole number' }]),
    ...(Number.isInteger(i.rateBp) && i.rateBp > 0
      ? []
      : [{ field: 'rateBp', message: 'a positive whole number of bp' }]),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(i.contractDate) ? [] : [{ field: 'contractDate', message: 'YYYY-MM-DD' }]),
    ...(i.bankLoanNo?.trim() ? [] : [{ field: 'bankLoanNo', message: 'required' }]),
  ]);
}

/**
 * Loans on a line (spec credit §11, R8.3): draws within the available limit, repayments that revolve the
 * line. Each is applied once: the operation id (command key or bank event id) is recorded on the line in
 * the same write, so a retry or a redelivered bank event finds it there and changes nothing.
 */
export function createLoanUseCases(deps: {
  lines: CreditLines;
  jurisdiction: CheckJurisdiction;
  idempotency: Idempotency;
  clock: Clock;
  lending: LendingPolicy;
  /**
   * After a repayment is stored, and again when a retry finds it stored (so a crash in between is repaired):
   * closes the loan's collection tasks once it is out of arrears (R15.4).
   */
  afterRepay?: (line: CreditLine, loanId: string, actor: Actor, role: string) => Promise<unknown>;
}) {
  const load = async (id: string) => {
    const l = await deps.lines.get(id);
    if (!l) throw new CreditError('CREDIT_LINE_NOT_FOUND', `credit line ${id} does not exist`);
    return l;
  };
  /**
   * A line the command may act on. Only district roles report loans today; the check keeps a village or township
   * role, or a household login, given the permission later to its own lines (§2.4).
   */
  const loadFor = async (id: string, actor: Actor) => {
    const l = await load(id);
    await deps.jurisdiction(actor, `credit line ${id}`, {
      villageId: l.value.villageId,
      householdId: l.value.householdId,
    });
    return l;
  };

  async function applyDraw(l: Stored<CreditLine>, i: DrawInput, opId: string, actor: Actor, role: string) {
    if (l.value.appliedEvents.includes(opId) || l.value.loans.some((x) => x.bankLoanNo === i.bankLoanNo))
      return l.value;
    const loanId = derivedId('ln', l.value.id, i.bankLoanNo);
    const drawn = drawLoan(l.value, { ...i, loanId }, deps.lending);
    const next = { ...drawn, appliedEvents: [...drawn.appliedEvents, opId] };
    const loan = next.loans.at(-1)!;
    await deps.lines.update(
      next,
      l.version,
      [{ type: 'LoanDrawn', line: next, loan }],
      {
        action: 'loan.drawn',
        actor,
        role,
        at: deps.clock.now(),
        details: {
          loanId,
          bankLoanNo: i.bankLoanNo,
          principalFen: i.principalFen,
          rateBp: i.rateBp,
          termMonths: i.termMonths,
        },
      },
      l,
    );
    return next;
  }

  async function applyRepay(l: Stored<CreditLine>, i: RepayInput, opId: string, actor: Actor, role: string) {
    if (l.value.appliedEvents.includes(opId)) {
      await deps.afterRepay?.(l.value, i.loanId, actor, role);
      return l.value;
    }
    const paidOn = shanghaiDate(i.paidAt);
    const { line, loan } = repayLoan(l.value, {
      loanId: i.loanId,
      principalFen: i.principalFen,
      onTime: i.onTime,
      paidOn,
      paidAt: i.paidAt,
    });
    const next = { ...line, appliedEvents: [...line.appliedEvents, opId] };
    const events: CreditEvent[] = [
      { type: 'LoanRepaid', line: next, loan, principalFen: i.principalFen, paidAt: i.paidAt, onTime: i.onTime },
      { type: 'RepaymentBehaviourUpdated', line: next, behaviour: i.onTime ? 'ON_TIME' : 'LATE', at: i.paidAt },
    ];
    await deps.lines.update(
      next,
      l.version,
      events,
      {
        action: 'loan.repaid',
        actor,
        role,
        at: deps.clock.now(),
        details: { loanId: i.loanId, principalFen: i.principalFen, onTime: i.onTime },
      },
      l,
    );
    await deps.afterRepay?.(next, i.loanId, actor, role);
    return next;
  }

  return {
    async drawLoan(cmd: { idempotencyKey: string; input: DrawInput }, actor: Actor) {
      const role = roleFor(actor, 'reportLoan');
      validateDraw(cmd.input);
      const scope = `credit.drawLoan:${actor.userId}`;
      await deps.idempotency.run(scope, cmd.idempotencyKey, cmd.input, async () => {
        await applyDraw(
          await loadFor(cmd.input.creditLineId, actor),
          cmd.input,
          `${scope}:${cmd.idempotencyKey}`,
          actor,
          role,
        );
        return { ok: true };
      });
      const line = (await load(cmd.input.creditLineId)).value;
      return { line, loanId: line.loans.find((x) => x.bankLoanNo === cmd.input.bankLoanNo)?.id ?? '' };
    },
    async repayLoan(cmd: { idempotencyKey: string; input: RepayInput }, actor: Actor) {
      const role = roleFor(actor, 'reportLoan');
      rejectInvalid(
        Number.isSafeInteger(cmd.input.principalFen) && cmd.input.principalFen > 0
          ? []
          : [{ field: 'principalFen', message: 'a positive whole number of fen' }],
      );
      const scope = `credit.repayLoan:${actor.userId}`;
      await deps.idempotency.run(scope, cmd.idempotencyKey, cmd.input, async () => {
        await applyRepay(
          await loadFor(cmd.input.creditLineId, actor),
          cmd.input,
          `${scope}:${cmd.idempotencyKey}`,
          actor,
          role,
        );
        return { ok: true };
      });
      return (await load(cmd.input.creditLineId)).value;
    },
    /** Used by the bank-event consumer: the event id is the operation id. */
    applyDraw,
    applyRepay,
    /**
     * The household's line and certificate, if the caller's jurisdiction covers the line's village (§2.4); for a
     * household login, if it is its own. That login is refused before the lookup, so it does not learn whether
     * another household has a line.
     */
    async getByHousehold(householdId: string, actor: Actor) {
      roleFor(actor, 'readHouseholdFile');
      const find = once(async () => {
        const l = await deps.lines.findByHousehold(householdId);
        if (!l) throw new CreditError('CREDIT_LINE_NOT_FOUND', `household ${householdId} has no credit line`);
        return l;
      });
      await deps.jurisdiction(actor, `the credit line of household ${householdId}`, {
        villageId: async () => (await find()).value.villageId,
        householdId,
      });
      return (await find()).value;
    },
  };
}
