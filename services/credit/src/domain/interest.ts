/**
 * Interest and subsidy arithmetic in integer fen (spec credit §0.3, §12).
 *
 * Day count actual/360. Each accrual slice contributes the exact rational amount
 * principal × rateBp × days / (10000 × 360); the running total is kept exact (as a BigInt numerator over
 * 3,600,000) and rounded half-up to the fen only when a period is reported. A period's amount is the
 * rounded running total at its end minus the rounded running total at its start, so the periods of a loan
 * always add up, to the fen, to the rounded amount over the whole term: nothing is lost or made up by rounding.
 */
const DENOMINATOR = 10000n * 360n;

/** Half-up division of a non-negative numerator by a positive denominator. */
export function divRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (numerator < 0n) return -divRoundHalfUp(-numerator, denominator);
  return (numerator * 2n + denominator) / (denominator * 2n);
}

/** A span of days at one principal balance. */
export interface AccrualSlice {
  principalFen: number;
  days: number;
}

/** Exact accrual numerator (over 3,600,000) of slices at a rate. */
export const accrualNumerator = (slices: AccrualSlice[], rateBp: number): bigint =>
  slices.reduce((s, x) => s + BigInt(x.principalFen) * BigInt(rateBp) * BigInt(x.days), 0n);

/** Interest of slices at a rate, rounded half-up once. */
export const interestFen = (slices: AccrualSlice[], rateBp: number): number =>
  Number(divRoundHalfUp(accrualNumerator(slices, rateBp), DENOMINATOR));

/** Splits accruals into per-period fen amounts that add up exactly to the rounded total (see above). */
export function periodAmounts(periods: AccrualSlice[][], rateBp: number): number[] {
  let running = 0n;
  let reported = 0n;
  return periods.map((slices) => {
    running += accrualNumerator(slices, rateBp);
    const upTo = divRoundHalfUp(running, DENOMINATOR);
    const amount = upTo - reported;
    reported = upTo;
    return Number(amount);
  });
}

const DAY = 86400000;
/** Whole calendar days between two YYYY-MM-DD dates. */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

/** Adds calendar months to a YYYY-MM-DD date, clamping to the month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/** One instalment: principal and interest due at `dueDate` for the period that ends there. */
export interface Instalment {
  seq: number;
  periodStart: string;
  dueDate: string;
  principalFen: number;
  interestFen: number;
  balanceAfterFen: number;
}

/**
 * 等额本金 repayment schedule with monthly instalments [standard]: principal split evenly, the fen
 * remainder of the split falls on the last instalment; interest per month on the opening balance,
 * actual days, reported with the running-total rounding above.
 */
export function repaymentSchedule(loan: {
  principalFen: number;
  rateBp: number;
  termMonths: number;
  contractDate: string;
}): Instalment[] {
  const n = loan.termMonths;
  const even = Math.floor(loan.principalFen / n);
  let balance = loan.principalFen;
  const rows: { periodStart: string; dueDate: string; principal: number; slice: AccrualSlice; after: number }[] = [];
  for (let k = 1; k <= n; k++) {
    const periodStart = addMonths(loan.contractDate, k - 1);
    const dueDate = addMonths(loan.contractDate, k);
    const principal = k === n ? balance : even;
    rows.push({
      periodStart,
      dueDate,
      principal,
      slice: { principalFen: balance, days: daysBetween(periodStart, dueDate) },
      after: balance - principal,
    });
    balance -= principal;
  }
  const interest = periodAmounts(
    rows.map((r) => [r.slice]),
    loan.rateBp,
  );
  return rows.map((r, i) => ({
    seq: i + 1,
    periodStart: r.periodStart,
    dueDate: r.dueDate,
    principalFen: r.principal,
    interestFen: interest[i]!,
    balanceAfterFen: r.after,
  }));
}

/** Who the subsidy is for: full subsidy for registered poor households, a fixed rate for entities (R12.2, R12.3). */
export type SubsidyBasis = { kind: 'POOR_HOUSEHOLD'; loanRateBp: number } | { kind: 'ENTITY'; subsidyBp: number };

/**
 * Interest subsidy per period, in fen (spec credit §12): on eligible principal min(outstanding, cap) for poor
 * households at the loan rate, or on outstanding at the entity subsidy rate; each period capped at the
 * interest actually paid for it. Rounding as above, per loan over its periods.
 */
export function subsidyLedger(
  periods: { slices: AccrualSlice[]; interestPaidFen: number }[],
  basis: SubsidyBasis,
  subsidisedPrincipalCapFen: number,
): { eligiblePrincipalFen: number; amountFen: number }[] {
  const capped = periods.map((p) =>
    p.slices.map((s) => ({
      days: s.days,
      principalFen:
        basis.kind === 'POOR_HOUSEHOLD' ? Math.min(s.principalFen, subsidisedPrincipalCapFen) : s.principalFen,
    })),
  );
  const rate = basis.kind === 'POOR_HOUSEHOLD' ? basis.loanRateBp : basis.subsidyBp;
  const due = periodAmounts(capped, rate);
  return periods.map((p, i) => ({
    eligiblePrincipalFen: Math.max(0, ...capped[i]!.map((s) => s.principalFen)),
    amountFen: Math.min(due[i]!, p.interestPaidFen),
  }));
}
