import { creditV1 } from '@gov/contracts';
import { orNull, reverse } from './common.mapper';
import type { BreakerUnitName, EntityKindName, LiftBreakerBody, RegisterEntityBody } from './credit-risk.schema';

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
