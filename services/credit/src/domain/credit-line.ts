import { shanghaiDate } from './calendar';
import { CreditError } from './credit-error';
import { addMonths } from './interest';
import type { Grade, LendingPolicy } from './policy';
import { emptySubsidyLedger, type SubsidyLedger } from './subsidy';

/** EXPIRED: the certificate's validity ran out (§9.3); like REVOKED it is final, loans already drawn run on. */
export type LineStatus = 'ACTIVE' | 'FROZEN' | 'SUSPENDED' | 'REVOKED' | 'EXPIRED';
export type LoanStatus = 'REPAYING' | 'SETTLED' | 'OVERDUE' | 'NON_PERFORMING';

/** A loan drawn on a line; the bank is the system of record, this is its mirror (spec credit §11.3). */
export interface Loan {
  id: string;
  bankLoanNo: string;
  principalFen: number;
  outstandingPrincipalFen: number;
  rateBp: number;
  termMonths: number;
  contractDate: string;
  maturityDate: string;
  subsidyEligible: boolean;
  status: LoanStatus;
  /** Balance after each draw or repayment, by date (YYYY-MM-DD, Asia/Shanghai): the subsidy's day count. */
  movements: { date: string; outstandingAfterFen: number }[];
  subsidy: SubsidyLedger;
}

/** 贷款信用证 and its revolving line: 一次授信、随用随贷、周转使用 (spec credit §8.3, §9.3-9.4). */
export interface CreditLine {
  id: string;
  householdId: string;
  villageId: string;
  townshipId: string;
  certificateNo: string;
  grade: Grade;
  limitFen: number;
  outstandingPrincipalFen: number;
  status: LineStatus;
  issuedAt: Date;
  validUntil: Date;
  policyVersion: string;
  registeredPoor: boolean;
  loans: Loan[];
  onTimeCount: number;
  lateCount: number;
  /** Ids of bank events and commands already applied: a redelivery finds itself here and changes nothing. */
  appliedEvents: string[];
  /**
   * Annual review (年审, §9.3, R17.1 d [inferred]): when the next one falls due, since when it is overdue (null or
   * absent: not flagged), and when the last one was completed. Lines issued before reviews existed have none of
   * these; their first review falls a year after issue.
   */
  nextReviewAt?: Date;
  reviewDueSince?: Date | null;
  lastReviewedAt?: Date;
  /**
   * A re-score above the certificate's grade waiting for the bank's confirmation (R16.2, R17.3); null or absent:
   * none. Nothing about the limit changes until the bank confirms.
   */
  pendingUpgrade?: PendingUpgrade | null;
  /** The last time a loan of the line fell overdue or was repaid late (R16.2: no upgrade within 12 months). */
  lastOverdueAt?: Date;
}

/** A higher grade a re-score reached, with the cap the bank may raise the limit to (R8.2, R16.2). */
export interface PendingUpgrade {
  grade: Grade;
  capFen: number;
  ratingId: string;
  proposedAt: Date;
}

/** Never negative: a downgraded line with more outstanding than its limit has nothing available (R17.2). */
export const availableFen = (l: CreditLine): number => Math.max(0, l.limitFen - l.outstandingPrincipalFen);

/** R17.2: a downgrade may leave more outstanding than the new limit; the line is then flagged OVER_LIMIT. */
export const overLimit = (l: Pick<CreditLine, 'limitFen' | 'outstandingPrincipalFen'>): boolean =>
  l.outstandingPrincipalFen > l.limitFen;

/** Past its validity: `validUntil` is the last valid instant (§9.3, default 3 years from issue [inferred]). */
export const validityEnded = (line: Pick<CreditLine, 'validUntil'>, at: Date): boolean =>
  at.getTime() > new Date(line.validUntil).getTime();

/**
 * The line once its certificate has expired (spec credit §9.3): ACTIVE, FROZEN and SUSPENDED lines become
 * EXPIRED; a revoked or already expired line, or one still valid, gives undefined (nothing to write).
 */
export function expireLine(line: CreditLine, at: Date): CreditLine | undefined {
  if (line.status === 'REVOKED' || line.status === 'EXPIRED' || !validityEnded(line, at)) return undefined;
  return { ...line, status: 'EXPIRED' };
}

/** The draw request as the bank or the center reports it. */
export interface DrawRequest {
  loanId: string;
  bankLoanNo: string;
  principalFen: number;
  termMonths: number;
  rateBp: number;
  contractDate: string;
}

/**
 * Draws on the line (spec credit §11.2-11.3, R8.3): only an ACTIVE line, within the available limit,
 * term ≤ max, and for registered poor households at the benchmark rate (then fully subsidised).
 */
export function drawLoan(line: CreditLine, d: DrawRequest, p: LendingPolicy): CreditLine {
  if (d.termMonths > p.maxTermMonths)
    throw new CreditError('TERM_EXCEEDS_MAX', `term ${d.termMonths} months exceeds ${p.maxTermMonths}`);
  // a contract dated after the certificate's last valid day is refused even before the expiry job has run
  if (line.status === 'EXPIRED' || d.contractDate > shanghaiDate(new Date(line.validUntil)))
    throw new CreditError(
      'CERTIFICATE_EXPIRED',
      `the certificate of line ${line.id} was valid until ${new Date(line.validUntil).toISOString()}`,
    );
  if (line.status !== 'ACTIVE')
    throw new CreditError('CREDIT_LINE_NOT_ACTIVE', `credit line ${line.id} is ${line.status}`);
  if (d.principalFen > availableFen(line))
    throw new CreditError(
      'INSUFFICIENT_LIMIT',
      `draw of ${d.principalFen} fen exceeds the available ${availableFen(line)} fen`,
    );
  if (line.registeredPoor && d.rateBp !== p.benchmarkBp)
    throw new CreditError('RATE_NOT_BENCHMARK', `registered poor households borrow at ${p.benchmarkBp} bp`);
  const loan: Loan = {
    id: d.loanId,
    bankLoanNo: d.bankLoanNo,
    principalFen: d.principalFen,
    outstandingPrincipalFen: d.principalFen,
    rateBp: d.rateBp,
    termMonths: d.termMonths,
    contractDate: d.contractDate,
    maturityDate: addMonths(d.contractDate, d.termMonths),
    subsidyEligible: line.registeredPoor,
    status: 'REPAYING',
    movements: [{ date: d.contractDate, outstandingAfterFen: d.principalFen }],
    subsidy: emptySubsidyLedger(),
  };
  return {
    ...line,
    outstandingPrincipalFen: line.outstandingPrincipalFen + d.principalFen,
    loans: [...line.loans, loan],
  };
}

/** Entity loans: rate ≤ benchmark × cap%, rounded down in bp (spec credit §11.2; 475 bp → 522 bp). */
export function checkEntityRate(rateBp: number, p: LendingPolicy): void {
  const cap = Math.floor((p.benchmarkBp * p.entityRateCapPct) / 100);
  if (rateBp > cap) throw new CreditError('RATE_ABOVE_CAP', `rate ${rateBp} bp is above the entity cap ${cap} bp`);
}

/** Repays principal; the available limit revolves back (R8.3). On-time and late repayments are counted (§13.5). */
export function repayLoan(
  line: CreditLine,
  r: { loanId: string; principalFen: number; onTime: boolean; paidOn: string; paidAt?: Date },
): { line: CreditLine; loan: Loan } {
  const loan = line.loans.find((l) => l.id === r.loanId);
  if (!loan) throw new CreditError('LOAN_NOT_FOUND', `loan ${r.loanId} is not on line ${line.id}`);
  if (r.principalFen > loan.outstandingPrincipalFen)
    throw new CreditError(
      'REPAYMENT_EXCEEDS_OUTSTANDING',
      `repayment ${r.principalFen} fen exceeds the outstanding ${loan.outstandingPrincipalFen} fen`,
    );
  const outstanding = loan.outstandingPrincipalFen - r.principalFen;
  const updated: Loan = {
    ...loan,
    outstandingPrincipalFen: outstanding,
    status: outstanding === 0 ? 'SETTLED' : loan.status,
    movements: [...loan.movements, { date: r.paidOn, outstandingAfterFen: outstanding }],
  };
  return {
    loan: updated,
    line: {
      ...line,
      outstandingPrincipalFen: line.outstandingPrincipalFen - r.principalFen,
      loans: line.loans.map((l) => (l.id === loan.id ? updated : l)),
      onTimeCount: line.onTimeCount + (r.onTime ? 1 : 0),
      lateCount: line.lateCount + (r.onTime ? 0 : 1),
      // a repayment after its due date means the loan was overdue until then (R16.2)
      ...(r.onTime ? {} : { lastOverdueAt: r.paidAt ?? new Date(`${r.paidOn}T00:00:00+08:00`) }),
    },
  };
}

/** Outstanding and NPL principal of a set of lines (for the village book of the breaker). */
export function bookOf(lines: CreditLine[]): { outstandingFen: number; nplFen: number } {
  let outstandingFen = 0;
  let nplFen = 0;
  for (const l of lines)
    for (const loan of l.loans) {
      outstandingFen += loan.outstandingPrincipalFen;
      if (loan.status === 'NON_PERFORMING') nplFen += loan.outstandingPrincipalFen;
    }
  return { outstandingFen, nplFen };
}

/** Validates the bank's approval against the computed grade (R8.2, §5.2). */
export function checkApproval(a: {
  grantedGrade: Grade;
  computedGrade: Grade;
  limitFen: number;
  capFen: number;
  atMost: boolean;
}): void {
  if (a.computedGrade === 'NONE' || a.grantedGrade === 'NONE')
    throw new CreditError('GRADE_NONE', '无信用不予授信: no credit for grade NONE');
  if (!a.atMost)
    throw new CreditError('GRADE_ABOVE_SCORE', `grade ${a.grantedGrade} is above the computed ${a.computedGrade}`);
  if (a.limitFen <= 0 || a.limitFen > a.capFen)
    throw new CreditError(
      'LIMIT_EXCEEDS_GRADE_CAP',
      `limit ${a.limitFen} fen is outside (0, ${a.capFen}] for ${a.grantedGrade}`,
    );
}
