import { CreditError } from './credit-error';
import { checkEntityRate, type LoanStatus } from './credit-line';
import { addMonths } from './interest';
import type { LendingPolicy } from './policy';
import { mutualFundRequiredFen } from './risk';
import { emptySubsidyLedger, type SubsidyLedger } from './subsidy';

/**
 * A loan the bank reported for an entity, mirrored like a household's loan: its balance by date is the day count
 * of the 3% subsidy (R12.3). Entity loans never draw on a credit line, so there is no limit to revolve.
 */
export interface EntityLoan {
  id: string;
  bankLoanNo: string;
  principalFen: number;
  rateBp: number;
  termMonths: number;
  contractDate: string;
  maturityDate: string;
  outstandingPrincipalFen: number;
  status: LoanStatus;
  /** Balance after the disbursement and each repayment, by date (YYYY-MM-DD, Asia/Shanghai). */
  movements: { date: string; outstandingAfterFen: number }[];
  subsidy: SubsidyLedger;
  /** Every entity loan is subsidised at the entity rate (R10.3, R12.3); kept for the shared accrual. */
  subsidyEligible: boolean;
}

/** 带贫经营主体 — a poverty-driving business entity (spec credit §3.3); rated by the bank's own model. */
export interface Entity {
  id: string;
  name: string;
  kind: 'LEADING_ENTERPRISE' | 'COOPERATIVE' | 'FAMILY_FARM' | 'OTHER';
  registrationNo: string;
  townshipId: string;
  /** Joined the 政银保 agreement: its losses are shared 30/20/50 (R13.2). */
  inGovBankInsurerAgreement: boolean;
  /** 互助担保基金 paid in, fen (R13.6). */
  mutualFundPaidFen: number;
  /** Contributions the center asked for, by bank loan number, so each is asked once. */
  contributionRequests: { bankLoanNo: string; requiredFen: number }[];
  loans: EntityLoan[];
  /** Ids of repayment reports already applied, so a retried report changes nothing (absent on older entities). */
  appliedOps?: string[];
}

/** The mutual fund must hold 10% of every outstanding entity loan including the new one (R13.6 [inferred]). */
export function fundShortfallFen(e: Entity, principalFen: number, p: LendingPolicy): number {
  const required = [...e.loans.map((l) => l.principalFen), principalFen].reduce(
    (s, x) => s + mutualFundRequiredFen(x, p),
    0,
  );
  return Math.max(0, required - e.mutualFundPaidFen);
}

/**
 * A loan the bank reports for an entity (spec credit §11.2, §13.6): term ≤ 36 months, rate ≤ benchmark + 10%,
 * and the mutual fund covering 10% of it, else MUTUAL_FUND_CONTRIBUTION_MISSING.
 */
export function checkEntityLoan(
  e: Entity,
  l: { principalFen: number; rateBp: number; termMonths: number },
  p: LendingPolicy,
): void {
  if (l.termMonths > p.maxTermMonths)
    throw new CreditError('TERM_EXCEEDS_MAX', `term ${l.termMonths} months exceeds ${p.maxTermMonths}`);
  checkEntityRate(l.rateBp, p);
  const short = fundShortfallFen(e, l.principalFen, p);
  if (short > 0)
    throw new CreditError(
      'MUTUAL_FUND_CONTRIBUTION_MISSING',
      `the mutual guarantee fund is ${short} fen short of 10% of the loans`,
    );
}

export const entityLoanOf = (
  id: string,
  l: { bankLoanNo: string; principalFen: number; rateBp: number; termMonths: number; contractDate: string },
): EntityLoan => ({
  id,
  ...l,
  maturityDate: addMonths(l.contractDate, l.termMonths),
  outstandingPrincipalFen: l.principalFen,
  status: 'REPAYING',
  movements: [{ date: l.contractDate, outstandingAfterFen: l.principalFen }],
  subsidy: emptySubsidyLedger(),
  subsidyEligible: true,
});

/** An entity loan stored before balances were mirrored: fully outstanding since its contract date. */
export const withLoanBalance = (l: Partial<EntityLoan> & Pick<EntityLoan, 'id' | 'bankLoanNo'>): EntityLoan => ({
  ...entityLoanOf(l.id, {
    bankLoanNo: l.bankLoanNo,
    principalFen: l.principalFen ?? 0,
    rateBp: l.rateBp ?? 0,
    termMonths: l.termMonths ?? 0,
    contractDate: l.contractDate ?? '',
  }),
  ...l,
});

/**
 * The bank reports principal repaid on an entity loan (R12.3: the subsidy follows the daily balance). A repeat of
 * the same repayment is the caller's to detect (by its operation id); here only the arithmetic and its guards.
 */
export function repayEntityLoan(e: Entity, r: { loanId: string; principalFen: number; paidOn: string }): Entity {
  const loan = e.loans.find((l) => l.id === r.loanId);
  if (!loan) throw new CreditError('LOAN_NOT_FOUND', `loan ${r.loanId} is not a loan of entity ${e.id}`);
  if (r.principalFen > loan.outstandingPrincipalFen)
    throw new CreditError(
      'REPAYMENT_EXCEEDS_OUTSTANDING',
      `repayment ${r.principalFen} fen exceeds the outstanding ${loan.outstandingPrincipalFen} fen`,
    );
  const last = loan.movements.at(-1);
  if (last && r.paidOn < last.date)
    throw new CreditError('CREDIT_INPUT_INVALID', `the repayment is dated before the last movement ${last.date}`);
  const outstanding = loan.outstandingPrincipalFen - r.principalFen;
  const updated: EntityLoan = {
    ...loan,
    outstandingPrincipalFen: outstanding,
    status: outstanding === 0 ? 'SETTLED' : loan.status,
    movements: [...loan.movements, { date: r.paidOn, outstandingAfterFen: outstanding }],
  };
  return { ...e, loans: e.loans.map((l) => (l.id === loan.id ? updated : l)) };
}
