import { commonV1 } from '@gov/contracts';
import type { AuditRecordJson, ClassificationName, OrgUnitJson } from './common.schema';

/** Wire name for proto values nobody maps yet (a newer service, or a field left unset). */
export const unspecified = 'UNSPECIFIED';

/** Turns a name → proto table around; tables stay explicit, so a renamed proto value fails to compile. */
export function reverse<N extends string, P extends number>(table: Record<N, P>): (value: P) => N | typeof unspecified {
  const byValue = new Map<number, N>(Object.entries(table).map(([name, value]) => [value as P, name as N]));
  return (value) => byValue.get(value) ?? unspecified;
}

export const classificationToProto: Record<ClassificationName, commonV1.Classification> = {
  PUBLIC: commonV1.Classification.CLASSIFICATION_PUBLIC,
  INTERNAL: commonV1.Classification.CLASSIFICATION_INTERNAL,
  SECRET: commonV1.Classification.CLASSIFICATION_SECRET,
  CONFIDENTIAL: commonV1.Classification.CLASSIFICATION_CONFIDENTIAL,
  TOP_SECRET: commonV1.Classification.CLASSIFICATION_TOP_SECRET,
};
export const classificationToJson = reverse(classificationToProto);

export const orgUnitToJson = (unit: commonV1.OrgUnit | undefined): OrgUnitJson | null =>
  unit ? { id: unit.id, name: unit.name } : null;

/** proto3 leaves unset strings empty; JSON clients get an explicit null instead. */
export const orNull = (value: string): string | null => (value === '' ? null : value);

export function auditRecordToJson(record: commonV1.AuditRecord): AuditRecordJson {
  const actor = record.actor;
  return {
    seq: Number(record.seq),
    action: record.action,
    actor: actor
      ? {
          userId: actor.userId,
          name: actor.displayName,
          orgUnitId: actor.orgUnitId,
          roles: [...actor.roles],
          clearance: classificationToJson(actor.clearance),
        }
      : null,
    reason: record.reason,
    at: record.at,
    hash: record.hash,
  };
}

/** A response field the contract promises; its absence is a service defect, reported as INTERNAL. */
export function present<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`service response lacks ${what}`);
  return value;
}
