import { CreditError } from './credit-error';
import { checkEntityRate } from './credit-line';
import { addMonths } from './interest';
import type { LendingPolicy } from './policy';
import { mutualFundRequiredFen } from './risk';

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
  loans: {
    id: string;
    bankLoanNo: string;
    principalFen: number;
    rateBp: number;
    termMonths: number;
    contractDate: string;
    maturityDate: string;
  }[];
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
) => ({
  id,
  ...l,
  maturityDate: addMonths(l.contractDate, l.termMonths),
});
