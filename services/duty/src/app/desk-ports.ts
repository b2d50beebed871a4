import type { Actor } from '@gov/platform/auth';
import type { DeskDocument } from '../domain/desk-document';
import type { DeskEvent } from '../domain/desk-events';
import type { PublicCall } from '../domain/call';
import type { PetitionVisit, PostLeave, VisitorEntry } from '../domain/security';

export type { Actor };

/** Who did what, for the aggregate's hash-chained audit trail (written in the same document write). */
export interface AuditNote {
  action: string;
  actor: Actor;
  at: Date;
  reason?: string;
  details?: Record<string, unknown>;
}

/** An aggregate as read, with what an update needs: the version (optimistic concurrency) and the audit tail. */
export interface Stored<T> {
  value: T;
  version: number;
  auditTail?: { seq: number; hash: string };
}

/**
 * One kind of desk aggregate: state, outbox events and audit in ONE document write. `create` is false when the
 * id exists (a retried command); `update` throws CONCURRENT_MODIFICATION when the version moved on.
 */
export interface DeskAggregateStore<T extends { id: string }> {
  create(value: T, events: DeskEvent[], note: AuditNote): Promise<boolean>;
  get(id: string): Promise<Stored<T> | undefined>;
  update(prev: Stored<T>, value: T, events: DeskEvent[], note: AuditNote): Promise<void>;
}

export interface DeskDocumentStore extends DeskAggregateStore<DeskDocument> {
  /** The 综合股 registration list: off-hours documents not registered yet, oldest first (DK-4). */
  registrationQueue(): Promise<DeskDocument[]>;
  /** Urgent documents whose timer is due at `now` (the sweep's query), oldest due first. */
  timersDue(now: Date, limit: number): Promise<Stored<DeskDocument>[]>;
}

export type CallStore = DeskAggregateStore<PublicCall>;
export type VisitorStore = DeskAggregateStore<VisitorEntry>;
export type PostLeaveStore = DeskAggregateStore<PostLeave>;
export type PetitionVisitStore = DeskAggregateStore<PetitionVisit>;
