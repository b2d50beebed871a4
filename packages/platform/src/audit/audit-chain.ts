import { createHash } from 'node:crypto';
import type { Actor } from '../auth';

/**
 * One state transition of an aggregate: who (actor and the role they acted in), what, why, when.
 * Entries are chained by hash per aggregate, so editing or deleting one breaks every later hash.
 */
export interface AuditEntry {
  seq: number;
  action: string;
  actor: { userId: string; name: string; orgUnitId: string; role: string };
  reason: string;
  at: Date;
  /** Anything the action changed that a reviewer needs; keep personal data out. */
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export const genesisHash = '0'.repeat(64);

/** Canonical JSON (sorted keys) so the hash does not depend on property order after a database round trip. */
function canonical(v: unknown): string {
  if (v instanceof Date) return JSON.stringify(v.toISOString());
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

function hashOf(e: Omit<AuditEntry, 'hash'>): string {
  const { seq, action, actor, reason, at, details, prevHash } = e;
  return createHash('sha256').update(canonical({ seq, action, actor, reason, at, details, prevHash })).digest('hex');
}

/** The next entry after `prev` (or the first one when there is none). */
export function nextAuditEntry(
  prev: Pick<AuditEntry, 'seq' | 'hash'> | undefined,
  e: { action: string; actor: Actor; role?: string; reason?: string; at: Date; details?: Record<string, unknown> },
): AuditEntry {
  const base = {
    seq: (prev?.seq ?? 0) + 1,
    action: e.action,
    actor: {
      userId: e.actor.userId,
      name: e.actor.name,
      orgUnitId: e.actor.orgUnitId,
      role: e.role ?? e.actor.roles[0] ?? '',
    },
    reason: e.reason ?? '',
    at: e.at,
    details: e.details ?? {},
    prevHash: prev?.hash ?? genesisHash,
  };
  return { ...base, hash: hashOf(base) };
}

/** Checks a whole chain; returns the first broken sequence number, or undefined when it is intact. */
export function verifyAuditChain(
  entries: readonly AuditEntry[],
): { ok: true } | { ok: false; brokenAt: number; why: string } {
  let prevHash = genesisHash;
  for (const [i, e] of entries.entries()) {
    if (e.seq !== i + 1) return { ok: false, brokenAt: e.seq, why: 'sequence gap' };
    if (e.prevHash !== prevHash) return { ok: false, brokenAt: e.seq, why: 'previous hash does not match' };
    if (hashOf(e) !== e.hash) return { ok: false, brokenAt: e.seq, why: 'content does not match its hash' };
    prevHash = e.hash;
  }
  return { ok: true };
}
