import type { Actor } from '@gov/platform/auth';
import { CreditError } from '../domain/credit-error';
import { roleFor } from '../domain/permissions';
import type { LendingPolicy } from '../domain/policy';
import { accrueSubsidy, type SubsidyPeriod } from '../domain/subsidy';
import type { SubsidyBorrower } from '../domain/subsidy-payment';
import { derivedId } from './households';
import type { Clock, CreditLines, Entities } from './ports';
import type { SubsidyPaymentUseCases } from './subsidy-payments';

/** One bank interest statement for a loan and period, as the accruals take it (R12.4). */
export interface StatementPeriod {
  loanId: string;
  periodStart: string;
  periodEnd: string;
  interestPaidFen: number;
  /** The statement reports the loan in arrears at some point of the period (no subsidy then, R12.4 [config]). */
  overdueInPeriod?: boolean;
  /** The bank's interest statement the period comes from, when it arrived as an event (R12.4). */
  statementNo?: string;
}

/** The period's ledger id: one record per (loan, period), whichever way the statement arrives (R12.5). */
const periodId = (c: StatementPeriod) => derivedId('sb', c.loanId, c.periodStart, c.periodEnd);

const accrualNote = (
  actor: Actor,
  role: string,
  at: Date,
  loanId: string,
  period: SubsidyPeriod,
  c: StatementPeriod,
) => ({
  action: 'subsidy.accrued',
  actor,
  role,
  at,
  details: {
    loanId,
    ...period,
    ...(c.overdueInPeriod ? { overdueInPeriod: true } : {}),
    ...(c.statementNo ? { statementNo: c.statementNo } : {}),
  },
});

/**
 * 贴息 ledger per period (spec credit §12): the center accrues a loan's subsidy for a period from the bank's
 * interest statement — a registered poor household's loan in full on capped principal (R12.2), an entity's at 3%
 * a year on its daily balance (R12.3); both through the one ledger of domain/subsidy.ts, capped at the interest
 * paid. A period with money due opens its SubsidyPayment (R12.4). A repeated call returns the first result.
 */
export function createAccrueSubsidy(deps: {
  lines: CreditLines;
  entities: Entities;
  clock: Clock;
  lending: LendingPolicy;
  payments: SubsidyPaymentUseCases;
}) {
  async function forHousehold(cmd: StatementPeriod & { creditLineId: string }, actor: Actor) {
    const role = roleFor(actor, 'evaluateRisk');
    const line = await deps.lines.get(cmd.creditLineId);
    const loan = line?.value.loans.find((l) => l.id === cmd.loanId);
    if (!line || !loan)
      throw new CreditError('LOAN_NOT_FOUND', `loan ${cmd.loanId} is not on line ${cmd.creditLineId}`);
    const borrower: SubsidyBorrower = { type: 'HOUSEHOLD', id: line.value.householdId, creditLineId: line.value.id };
    const r = accrueSubsidy(loan, { ...cmd, id: periodId(cmd), entity: false }, deps.lending);
    if (!r.duplicate) {
      const next = {
        ...line.value,
        loans: line.value.loans.map((l) => (l.id === loan.id ? { ...l, subsidy: r.subsidy } : l)),
      };
      await deps.lines.update(
        next,
        line.version,
        [{ type: 'SubsidyAccrued', borrower, loanId: loan.id, period: r.period }],
        accrualNote(actor, role, deps.clock.now(), loan.id, r.period, cmd),
        line,
      );
    }
    await deps.payments.open(r.period, loan, borrower, actor, role);
    return r.period;
  }

  /** R12.3: an entity loan's period at the entity rate (300 bp [config]) on the daily balance. */
  async function forEntity(cmd: StatementPeriod & { entityId: string }, actor: Actor) {
    const role = roleFor(actor, 'evaluateRisk');
    const e = await deps.entities.get(cmd.entityId);
    const loan = e?.value.loans.find((l) => l.id === cmd.loanId);
    if (!e || !loan)
      throw new CreditError('LOAN_NOT_FOUND', `loan ${cmd.loanId} is not a loan of entity ${cmd.entityId}`);
    const borrower: SubsidyBorrower = { type: 'ENTITY', id: e.value.id };
    const r = accrueSubsidy(loan, { ...cmd, id: periodId(cmd), entity: true }, deps.lending);
    if (!r.duplicate) {
      const next = {
        ...e.value,
        loans: e.value.loans.map((l) => (l.id === loan.id ? { ...l, subsidy: r.subsidy } : l)),
      };
      await deps.entities.update(
        next,
        e.version,
        [{ type: 'SubsidyAccrued', borrower, loanId: loan.id, period: r.period }],
        accrualNote(actor, role, deps.clock.now(), loan.id, r.period, cmd),
        e,
      );
    }
    await deps.payments.open(r.period, loan, borrower, actor, role);
    return r.period;
  }

  return Object.assign(forHousehold, { forEntity });
}
