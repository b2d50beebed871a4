import type { Actor } from '@gov/platform/auth';
import { CreditError } from '../domain/credit-error';
import { roleFor } from '../domain/permissions';
import type { LendingPolicy } from '../domain/policy';
import { accrueSubsidy } from '../domain/subsidy';
import { derivedId } from './households';
import type { Clock, CreditLines } from './ports';

/**
 * 贴息 ledger per period (spec credit §12): the center accrues a loan's subsidy for a period from the bank's
 * interest statement; one record per (loan, period) — a repeated call returns the first result.
 */
export function createAccrueSubsidy(deps: { lines: CreditLines; clock: Clock; lending: LendingPolicy }) {
  return async function accrue(
    cmd: {
      creditLineId: string;
      loanId: string;
      periodStart: string;
      periodEnd: string;
      interestPaidFen: number;
      /** The bank's interest statement the period comes from, when it arrived as an event (R12.4). */
      statementNo?: string;
    },
    actor: Actor,
  ) {
    const role = roleFor(actor, 'evaluateRisk');
    const line = await deps.lines.get(cmd.creditLineId);
    const loan = line?.value.loans.find((l) => l.id === cmd.loanId);
    if (!line || !loan)
      throw new CreditError('LOAN_NOT_FOUND', `loan ${cmd.loanId} is not on line ${cmd.creditLineId}`);
    const id = derivedId('sb', cmd.loanId, cmd.periodStart, cmd.periodEnd);
    const r = accrueSubsidy(loan, { ...cmd, id, entity: false }, deps.lending);
    if (r.duplicate) return r.period;
    const next = {
      ...line.value,
      loans: line.value.loans.map((l) => (l.id === loan.id ? { ...l, subsidy: r.subsidy } : l)),
    };
    await deps.lines.update(
      next,
      line.version,
      [{ type: 'SubsidyAccrued', line: next, loanId: loan.id, period: r.period }],
      {
        action: 'subsidy.accrued',
        actor,
        role,
        at: deps.clock.now(),
        details: { loanId: loan.id, ...r.period, ...(cmd.statementNo ? { statementNo: cmd.statementNo } : {}) },
      },
      line,
    );
    return r.period;
  };
}
