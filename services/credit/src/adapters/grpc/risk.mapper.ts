import { creditV1 } from '@gov/contracts';
import { ValidationError } from '@gov/platform/errors';
import type { Entity } from '../../domain/entity';
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
});

export const toProtoSubsidyPeriod = (p: SubsidyPeriod): creditV1.SubsidyPeriod => ({
  id: p.id,
  periodStart: p.periodStart,
  periodEnd: p.periodEnd,
  eligiblePrincipalFen: String(p.eligiblePrincipalFen),
  amountFen: String(p.amountFen),
});
