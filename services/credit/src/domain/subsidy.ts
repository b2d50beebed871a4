import { CreditError } from './credit-error';
import type { Loan } from './credit-line';
import { accrualNumerator, daysBetween, divRoundHalfUp, type AccrualSlice } from './interest';
import type { LendingPolicy } from './policy';

const DENOMINATOR = 10000n * 360n;

/** One 贴息 period of a loan (spec credit §12); one per (loan, periodStart, periodEnd), R12.5. */
export interface SubsidyPeriod {
  id: string;
  periodStart: string;
  periodEnd: string;
  eligiblePrincipalFen: number;
  amountFen: number;
}

/** The loan's subsidy ledger: the exact running accrual and what has been reported, so periods reconcile. */
export interface SubsidyLedger {
  accruedNumerator: string;
  reportedFen: number;
  periods: SubsidyPeriod[];
}

export const emptySubsidyLedger = (): SubsidyLedger => ({ accruedNumerator: '0', reportedFen: 0, periods: [] });

/** Principal balance per day span in [from, to), from the loan's balance movements (dates YYYY-MM-DD). */
export function balanceSlices(
  movements: { date: string; outstandingAfterFen: number }[],
  from: string,
  to: string,
): AccrualSlice[] {
  const sorted = [...movements].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const slices: AccrualSlice[] = [];
  let balance = 0;
  let cursor = from;
  for (const m of sorted) {
    if (m.date <= from) {
      balance = m.outstandingAfterFen;
      continue;
    }
    if (m.date >= to) break;
    slices.push({ principalFen: balance, days: daysBetween(cursor, m.date) });
    balance = m.outstandingAfterFen;
    cursor = m.date;
  }
  slices.push({ principalFen: balance, days: daysBetween(cursor, to) });
  return slices.filter((s) => s.days > 0 && s.principalFen > 0);
}

/** What the accrual reads of a loan: a household loan on a line and an entity loan both carry these. */
export type SubsidisedLoan = Pick<Loan, 'id' | 'subsidyEligible' | 'status' | 'rateBp' | 'movements' | 'subsidy'>;

/**
 * Accrues one period of interest subsidy (spec credit §12 R12.2-R12.5): registered poor households get the
 * interest on min(balance, cap) at the loan rate, entities 300 bp on the balance; each period is capped at the
 * interest actually paid, and a loan overdue or NPL gets nothing for the period [standard, local practice] unless
 * the district switches that off (`subsidyExcludesArrears`); the forfeited accrual is not carried forward.
 * The running accrual is rounded half-up once per period end, so the periods sum to the whole to the fen.
 */
export function accrueSubsidy(
  loan: SubsidisedLoan,
  p: {
    id: string;
    periodStart: string;
    periodEnd: string;
    interestPaidFen: number;
    entity: boolean;
    /** The bank's statement says the loan fell into arrears during the period (interest or principal late). */
    overdueInPeriod?: boolean;
  },
  policy: Pick<LendingPolicy, 'subsidisedPrincipalCapFen' | 'entitySubsidyBp' | 'subsidyExcludesArrears'>,
): { subsidy: SubsidyLedger; period: SubsidyPeriod; duplicate: boolean } {
  const same = loan.subsidy.periods.find((x) => x.id === p.id);
  if (same) return { subsidy: loan.subsidy, period: same, duplicate: true };
  if (p.periodEnd <= p.periodStart)
    throw new CreditError('CREDIT_INPUT_INVALID', 'the period must end after it starts');
  const last = loan.subsidy.periods.at(-1);
  if (last && p.periodStart < last.periodEnd)
    throw new CreditError('CREDIT_INPUT_INVALID', `the period overlaps the one ending ${last.periodEnd}`);
  if (!loan.subsidyEligible && !p.entity)
    throw new CreditError('NOT_PERMITTED', `loan ${loan.id} is not subsidy-eligible`);
  const slices = balanceSlices(loan.movements, p.periodStart, p.periodEnd).map((s) => ({
    days: s.days,
    principalFen: p.entity ? s.principalFen : Math.min(s.principalFen, policy.subsidisedPrincipalCapFen),
  }));
  const running =
    BigInt(loan.subsidy.accruedNumerator) + accrualNumerator(slices, p.entity ? policy.entitySubsidyBp : loan.rateBp);
  const upTo = Number(divRoundHalfUp(running, DENOMINATOR));
  const due = upTo - loan.subsidy.reportedFen;
  const inArrears =
    policy.subsidyExcludesArrears &&
    (p.overdueInPeriod === true || loan.status === 'OVERDUE' || loan.status === 'NON_PERFORMING');
  const period: SubsidyPeriod = {
    id: p.id,
    periodStart: p.periodStart,
    periodEnd: p.periodEnd,
    eligiblePrincipalFen: Math.max(0, ...slices.map((s) => s.principalFen)),
    amountFen: inArrears ? 0 : Math.max(0, Math.min(due, p.interestPaidFen)),
  };
  return {
    subsidy: { accruedNumerator: running.toString(), reportedFen: upTo, periods: [...loan.subsidy.periods, period] },
    period,
    duplicate: false,
  };
}
