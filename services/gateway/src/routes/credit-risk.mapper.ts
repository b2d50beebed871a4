import { creditV1 } from '@gov/contracts';
import { orNull, reverse } from './common.mapper';
import type {
  BreakerUnitName,
  ConfirmLossShareBody,
  EntityKindName,
  FundTransactionBody,
  FundTransactionTypeName,
  LiftBreakerBody,
  LossPartyName,
  RegisterEntityBody,
} from './credit-risk.schema';

const K = creditV1.EntityKind;
export const entityKindToProto: Record<EntityKindName, creditV1.EntityKind> = {
  LEADING_ENTERPRISE: K.ENTITY_KIND_LEADING_ENTERPRISE,
  COOPERATIVE: K.ENTITY_KIND_COOPERATIVE,
  FAMILY_FARM: K.ENTITY_KIND_FAMILY_FARM,
  OTHER: K.ENTITY_KIND_OTHER,
};
const U = creditV1.BreakerUnit;
export const breakerUnitToProto: Record<BreakerUnitName, creditV1.BreakerUnit> = {
  VILLAGE: U.BREAKER_UNIT_VILLAGE,
  TOWNSHIP: U.BREAKER_UNIT_TOWNSHIP,
};
const F = creditV1.FundTransactionType;
export const fundTransactionTypeToProto: Record<FundTransactionTypeName, creditV1.FundTransactionType> = {
  CAPITAL_IN: F.FUND_TRANSACTION_TYPE_CAPITAL_IN,
  COMPENSATION_OUT: F.FUND_TRANSACTION_TYPE_COMPENSATION_OUT,
  RECOVERY_IN: F.FUND_TRANSACTION_TYPE_RECOVERY_IN,
  INTEREST_IN: F.FUND_TRANSACTION_TYPE_INTEREST_IN,
  ADJUSTMENT: F.FUND_TRANSACTION_TYPE_ADJUSTMENT,
};
export const lossPartyToProto: Record<LossPartyName, creditV1.LossParty> = {
  BANK: creditV1.LossParty.LOSS_PARTY_BANK,
  INSURER: creditV1.LossParty.LOSS_PARTY_INSURER,
};
const fundTransactionTypeToJson = reverse(fundTransactionTypeToProto);
const entityKindToJson = reverse(entityKindToProto);
const breakerUnitToJson = reverse(breakerUnitToProto);

export const toRegisterEntityRequest = (b: RegisterEntityBody, idempotencyKey: string) => ({
  idempotencyKey,
  ...b,
  kind: entityKindToProto[b.kind],
});

export const toLiftBreakerRequest = (unitId: string, b: LiftBreakerBody, idempotencyKey: string) => ({
  idempotencyKey,
  unitId,
  ...b,
  unitType: breakerUnitToProto[b.unitType],
});

export const entityToJson = (e: creditV1.Entity) => ({ ...e, kind: entityKindToJson(e.kind) });

export const breakerToJson = (b: creditV1.Breaker) => ({
  ...b,
  unitType: breakerUnitToJson(b.unitType),
  trippedAt: orNull(b.trippedAt),
});

export const toFundTransactionRequest = (b: FundTransactionBody, idempotencyKey: string) => ({
  idempotencyKey,
  ...b,
  type: fundTransactionTypeToProto[b.type],
});

export const toConfirmLossShareRequest = (lossCaseId: string, b: ConfirmLossShareBody, idempotencyKey: string) => ({
  idempotencyKey,
  lossCaseId,
  ...b,
  party: lossPartyToProto[b.party],
});

export const fundTransactionToJson = (t: creditV1.RiskFundTransaction) => ({
  ...t,
  seq: Number(t.seq),
  type: fundTransactionTypeToJson(t.type),
  loanId: orNull(t.loanId),
  lossCaseId: orNull(t.lossCaseId),
  reason: orNull(t.reason),
});

const recoveryToJson = (r: creditV1.LossRecovery) => ({ ...r, fundTransactionId: orNull(r.fundTransactionId) });

/** A loss case with what settlement added: absent confirmations and payout as null (R15.4). */
export const lossCaseToJson = (c: creditV1.LossCase) => ({
  ...c,
  bankConfirmation: c.bankConfirmation ?? null,
  insurerConfirmation: c.insurerConfirmation ?? null,
  compensation: c.compensation
    ? { ...c.compensation, fundTransactionId: orNull(c.compensation.fundTransactionId) }
    : null,
  recoveries: c.recoveries.map(recoveryToJson),
  closeReason: orNull(c.closeReason),
});

export const lossRecoveredToJson = (c: creditV1.LossCase, r: creditV1.LossRecovery) => ({
  lossCase: lossCaseToJson(c),
  recovery: recoveryToJson(r),
});

/** 贴息 period: the payment id is null when the period had nothing to pay (R12.4). */
export const subsidyPeriodToJson = (p: creditV1.SubsidyPeriod) => ({
  ...p,
  subsidyPaymentId: orNull(p.subsidyPaymentId),
});

export const subsidyPaymentToJson = (p: creditV1.SubsidyPayment) => ({
  ...p,
  borrowerType: p.borrowerType as 'HOUSEHOLD' | 'ENTITY',
  status: p.status as 'ACCRUED' | 'APPROVED' | 'PAID',
  creditLineId: orNull(p.creditLineId),
  payee: orNull(p.payee) as 'BORROWER' | 'BANK' | null,
  approvedBy: orNull(p.approvedBy),
  approvedAt: orNull(p.approvedAt),
  paymentRef: orNull(p.paymentRef),
  paidAt: orNull(p.paidAt),
});
