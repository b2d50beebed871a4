import type { commonV1 } from '@gov/contracts';

/** An audit entry as repositories read it back (the hash chain's stored fields). */
export interface StoredAudit {
  seq: number;
  action: string;
  actor: { userId: string; name: string; orgUnitId: string; role: string };
  reason: string;
  at: Date;
  hash: string;
}

/** The audit trail entry on the wire (gov.common.v1.AuditRecord); the same for every service. */
export function toProtoAuditRecord(a: StoredAudit): commonV1.AuditRecord {
  return {
    seq: String(a.seq),
    action: a.action,
    // the role the actor acted in at the time; clearance is not part of an audit line
    actor: {
      userId: a.actor.userId,
      displayName: a.actor.name,
      orgUnitId: a.actor.orgUnitId,
      roles: [a.actor.role],
      clearance: 0,
    },
    reason: a.reason,
    at: a.at.toISOString(),
    hash: a.hash,
  };
}
