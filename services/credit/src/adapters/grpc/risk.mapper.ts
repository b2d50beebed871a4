import { creditV1 } from '@gov/contracts';
import { ValidationError } from '@gov/platform/errors';
import type { Entity } from '../../domain/entity';
import type { ClaimPayout } from '../../domain/insurance';
import type { ConfirmingParty, LossRecovery, SettledLossCase, ShareConfirmation } from '../../domain/loss-case';
import type { FundTransactionType, RiskFundTransaction } from '../../domain/risk-fund';
import type { SubsidyPeriod } from '../../domain/subsidy';
import type { BreakerState, LossCase } from '../../app/ports';

const K = creditV1.EntityKind;
const kindOut: Record<Entity['kind'], creditV1.EntityKind> = {
  LEADING_ENTERPRISE: K.ENTITY_KIND_LEADING_ENTERPRISE,
  COOPERATIVE: K.ENTITY_KIND_COOPERATIVE,
  FAMILY_FARM: K.ENTITY_KIND_FAMILY_FARM,
  OTHER: K.ENTITY_KIND_OTHER,
};
const kindIn: Record<number, Entity['kind']> = Object.fromEntries(
  Object.entries(kindOut).map(([k, v]) => [v, k as Entity['kind']]),
);
const U = creditV1.BreakerUnit;
const unitOut: Record<BreakerState['unitType'], creditV1.BreakerUnit> = {
  VILLAGE: U.BREAKER_UNIT_VILLAGE,
  TOWNSHIP: U.BREAKER_UNIT_TOWNSHIP,
};
const unitIn: Record<number, BreakerState['unitType']> = {
  [U.BREAKER_UNIT_VILLAGE]: 'VILLAGE',
  [U.BREAKER_UNIT_TOWNSHIP]: 'TOWNSHIP',
};

const F = creditV1.FundTransactionType;
const fundTypeOut: Record<FundTransactionType, creditV1.FundTransactionType> = {
  CAPITAL_IN: F.FUND_TRANSACTION_TYPE_CAPITAL_IN,
  COMPENSATION_OUT: F.FUND_TRANSACTION_TYPE_COMPENSATION_OUT,
  RECOVERY_IN: F.FUND_TRANSACTION_TYPE_RECOVERY_IN,
  INTEREST_IN: F.FUND_TRANSACTION_TYPE_INTEREST_IN,
  ADJUSTMENT: F.FUND_TRANSACTION_TYPE_ADJUSTMENT,
};
const fundTypeIn: Record<number, FundTransactionType> = Object.fromEntries(
  Object.entries(fundTypeOut).map(([k, v]) => [v, k as FundTransactionType]),
);
const partyIn: Record<number, ConfirmingParty> = {
  [creditV1.LossParty.LOSS_PARTY_BANK]: 'BANK',
  [creditV1.LossParty.LOSS_PARTY_INSURER]: 'INSURER',
};

export function toEntityKind(v: creditV1.EntityKind): Entity['kind'] {
  const k = kindIn[v];
  if (!k) throw new ValidationError([{ field: 'kind', message: 'must be set' }]);
  return k;
}
export function toBreakerUnit(v: creditV1.BreakerUnit): BreakerState['unitType'] {
  const u = unitIn[v];
  if (!u) throw new ValidationError([{ field: 'unit_type', message: 'must be set' }]);
  return u;
}

export function toFundTransactionType(v: creditV1.FundTransactionType): FundTransactionType {
  const t = fundTypeIn[v];
  if (!t) throw new ValidationError([{ field: 'type', message: 'must be set' }]);
  return t;
}
export function toLossParty(v: creditV1.LossParty): ConfirmingParty {
  const p = partyIn[v];
  if (!p) throw new ValidationError([{ field: 'party', message: 'BANK or INSURER' }]);
  return p;
}

/** Fields that must be non-empty strings, listed all at once. */
export function requireFields(values: Record<string, string>): void {
  const v = Object.entries(values)
    .filter(([, s]) => !s.trim())
    .map(([field]) => ({ field, message: 'required' }));
  if (v.length > 0) throw new ValidationError(v);
}

/** A calendar date as the bank writes it (YYYY-MM-DD, Asia/Shanghai). */
export function dateIn(field: string, s: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(new Date(`${s}T00:00:00Z`).getTime()))
    throw new ValidationError([{ field, message: 'YYYY-MM-DD' }]);
  return s;
}

export function positiveInt(field: string, n: number): number {
  if (!Number.isInteger(n) || n <= 0) throw new ValidationError([{ field, message: 'a positive whole number' }]);
  return n;
}

/** A signed int64 fen (a fund ADJUSTMENT may take money out); the use case decides which signs it accepts. */
export function signedFenIn(field: string, s: string): number {
  const n = Number(s || '0');
  if (!/^-?\d*$/.test(s) || !Number.isSafeInteger(n))
    throw new ValidationError([{ field, message: 'a whole number of fen' }]);
  return n;
}

const instant = (d: Date) => new Date(d).toISOString();

export const toProtoEntity = (e: Entity): creditV1.Entity => ({
  id: e.id,
  name: e.name,
  kind: kindOut[e.kind],
  registrationNo: e.registrationNo,
  townshipId: e.townshipId,
  inGovBankInsurerAgreement: e.inGovBankInsurerAgreement,
  mutualFundPaidFen: String(e.mutualFundPaidFen),
  // receipts are kept beside the requests with a negative amount (see entities.ts); only requests go out
  contributionsRequired: e.contributionRequests
    .filter((r) => r.requiredFen > 0)
    .map((r) => ({ bankLoanNo: r.bankLoanNo, requiredFen: String(r.requiredFen) })),
  loans: e.loans.map((l) => ({
    id: l.id,
    bankLoanNo: l.bankLoanNo,
    principalFen: String(l.principalFen),
    rateBp: l.rateBp,
    termMonths: l.termMonths,
    contractDate: l.contractDate,
    maturityDate: l.maturityDate,
    outstandingPrincipalFen: String(l.outstandingPrincipalFen),
    status: l.status,
  })),
});

export const toProtoBreaker = (b: BreakerState): creditV1.Breaker => ({
  unitId: b.id,
  unitType: unitOut[b.unitType],
  tripped: b.tripped,
  trippedAt: b.trippedAt ? new Date(b.trippedAt).toISOString() : '',
});

export const toProtoLossCase = (c: LossCase): creditV1.LossCase => ({
  id: c.id,
  loanId: c.loanId,
  creditLineId: c.creditLineId,
  householdId: c.householdId,
  lossBaseFen: String(c.lossBaseFen),
  govShareFen: String(c.govShareFen),
  bankShareFen: String(c.bankShareFen),
  insurerShareFen: String(c.insurerShareFen),
  govRatioBp: c.ratiosBp.gov,
  bankRatioBp: c.ratiosBp.bank,
  insurerRatioBp: c.ratiosBp.insurer,
  status: c.status,
  triggeredAt: new Date(c.triggeredAt).toISOString(),
  recoveries: [],
  recoveriesFen: '0',
  closeReason: '',
  history: [],
});

/**
 * AllocateLoss answers stored under a key before the settlement fields existed lack them, and the encoder
 * iterates the lists: a retry under such a key gets them empty.
 */
export const withSettlementFields = (c: creditV1.LossCase): creditV1.LossCase => {
  const stored: Partial<creditV1.LossCase> = c;
  return {
    ...c,
    recoveries: stored.recoveries ?? [],
    recoveriesFen: stored.recoveriesFen ?? '0',
    closeReason: stored.closeReason ?? '',
    history: stored.history ?? [],
  };
};

const toProtoConfirmation = (x: ShareConfirmation | undefined): creditV1.ShareConfirmation | undefined =>
  x && {
    amountFen: String(x.amountFen),
    reference: x.reference,
    confirmedBy: x.confirmedBy,
    confirmedAt: instant(x.confirmedAt),
  };

export const toProtoRecovery = (r: LossRecovery): creditV1.LossRecovery => ({
  id: r.id,
  reference: r.reference,
  amountFen: String(r.amountFen),
  govFen: String(r.govFen),
  bankFen: String(r.bankFen),
  insurerFen: String(r.insurerFen),
  fundTransactionId: r.fundTransactionId ?? '',
  recordedBy: r.recordedBy,
  recordedAt: instant(r.recordedAt),
});

/** A loss case through settlement: confirmations, the fund's payout, recoveries and every step (R15.4). */
export const toProtoSettledLossCase = (c: SettledLossCase): creditV1.LossCase => ({
  ...toProtoLossCase(c),
  bankConfirmation: toProtoConfirmation(c.bankConfirmation),
  insurerConfirmation: toProtoConfirmation(c.insurerConfirmation),
  compensation: c.compensation && {
    fundTransactionId: c.compensation.fundTransactionId ?? '',
    amountFen: String(c.compensation.amountFen),
    fundBalanceAfterFen: String(c.compensation.fundBalanceAfterFen),
    approvedBy: c.compensation.approvedBy,
    paidAt: instant(c.compensation.paidAt),
  },
  recoveries: c.recoveries.map(toProtoRecovery),
  recoveriesFen: String(c.recoveriesFen),
  closeReason: c.closeReason ?? '',
  history: c.history.map((s) => ({ step: s.step, actorId: s.actorId, role: s.role, at: instant(s.at) })),
});

export const toProtoFundTransaction = (t: RiskFundTransaction): creditV1.RiskFundTransaction => ({
  id: t.id,
  seq: String(t.seq),
  type: fundTypeOut[t.type],
  amountFen: String(t.amountFen),
  loanId: t.loanId ?? '',
  lossCaseId: t.lossCaseId ?? '',
  approvedBy: t.approvedBy,
  reason: t.reason ?? '',
  postings: t.postings.map((p) => ({
    account: p.account,
    debitFen: String(p.debitFen),
    creditFen: String(p.creditFen),
  })),
  balanceAfterFen: String(t.balanceAfterFen),
  recordedBy: t.recordedBy,
  recordedAt: instant(t.recordedAt),
});

/** The payout as stored: the card number only masked, the full number never leaves the repository (R14.3). */
export const toProtoClaimPayout = (p: ClaimPayout): creditV1.ClaimPayout => ({
  id: p.id,
  insurerId: p.insurerId,
  claimNo: p.claimNo,
  policyNo: p.policyNo,
  householdId: p.householdId,
  amountFen: String(p.amountFen),
  payeeType: p.payeeType,
  bankCardNoMasked: p.bankCardNoMasked,
  paidAt: instant(p.paidAt),
  recordedBy: p.recordedBy,
  recordedAt: instant(p.recordedAt),
});

/** `subsidyPaymentId`: the payment the period opened, empty when nothing was due (R12.4). */
export const toProtoSubsidyPeriod = (p: SubsidyPeriod, subsidyPaymentId = ''): creditV1.SubsidyPeriod => ({
  id: p.id,
  periodStart: p.periodStart,
  periodEnd: p.periodEnd,
  eligiblePrincipalFen: String(p.eligiblePrincipalFen),
  amountFen: String(p.amountFen),
  subsidyPaymentId: p.amountFen > 0 ? subsidyPaymentId : '',
});
