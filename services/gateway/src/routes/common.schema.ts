import { clearanceLevels } from '@gov/platform';
import { z } from 'zod';

/** 密级 names on the wire; the same list, lowest first, as the kit's clearance levels. */
export const classification = z.enum(clearanceLevels);
export type ClassificationName = z.infer<typeof classification>;

/** Ids in paths and filters: generous enough for ObjectIds, UUIDs and ULIDs, closed to path tricks. */
export const resourceId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, 'not a valid id');

export const idParams = z.object({ id: resourceId });

export const orgUnitInput = z.strictObject({
  id: z.string().trim().min(1).max(128),
  name: z.string().trim().min(1).max(200),
});

export const orgUnitJson = z.object({ id: z.string(), name: z.string() });
export type OrgUnitJson = z.infer<typeof orgUnitJson>;

/** RFC 3339 instant as services write it; null where the service left it unset. */
export const instantJson = z.iso.datetime({ offset: true });

export const auditRecordJson = z
  .object({
    seq: z.int(),
    action: z.string(),
    actor: z
      .object({
        userId: z.string(),
        name: z.string(),
        orgUnitId: z.string(),
        roles: z.array(z.string()),
        clearance: z.enum([...clearanceLevels, 'UNSPECIFIED']),
      })
      .nullable(),
    reason: z.string(),
    at: instantJson,
    hash: z.string().meta({ description: 'hex SHA-256 chaining this record to the previous one' }),
  })
  .meta({ description: 'One audit-trail entry: who did what, why and when.' });
export type AuditRecordJson = z.infer<typeof auditRecordJson>;
