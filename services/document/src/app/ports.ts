import type { Actor } from '@gov/platform/auth';
import type { Clearance } from '@gov/platform/auth';
import type { IncomingDocument, SignedInDocument, StoredIncoming } from '../domain/incoming-document';

/**
 * A domain event the repository turns into an outbox entry in the same write as the state change.
 * IncomingRegistered routes any registered document on (supervision); HandoverRegistered tells the duty desk
 * that a document it handed over has been registered.
 */
export type DocumentEvent =
  | { type: 'IncomingRegistered'; document: IncomingDocument }
  | { type: 'HandoverRegistered'; document: IncomingDocument };

/** One audit line for a transition (ARCHITECTURE §6). */
export interface AuditNote {
  action: string;
  actor: Actor;
  role: string;
  reason?: string;
  at: Date;
  details?: Record<string, unknown>;
}

export interface StoredAuditEntry {
  seq: number;
  action: string;
  actor: { userId: string; name: string; orgUnitId: string; role: string };
  reason: string;
  at: Date;
  hash: string;
}

/** A document as read, with the version a later update is conditioned on. */
export interface ReadIncoming {
  document: StoredIncoming;
  audit: StoredAuditEntry[];
  version: number;
}

/** Where a page of the awaiting-registration list starts: after this document in (receivedAt, id) order. */
export interface ListCursor {
  receivedAt: Date;
  id: string;
}

export interface IncomingDocuments {
  /** Inserts the document with its events and first audit entry; returns false when the id exists (a retry). */
  create(doc: StoredIncoming, events: DocumentEvent[], audit: AuditNote): Promise<boolean>;
  get(id: string): Promise<ReadIncoming | undefined>;
  /**
   * Replaces the document read as `prev` with `next`, appending its events and one audit entry in the same
   * write. Fails with CONCURRENT_MODIFICATION when someone changed it since `prev` was read.
   */
  update(prev: ReadIncoming, next: StoredIncoming, events: DocumentEvent[], audit: AuditNote): Promise<void>;
  /** SIGNED_IN documents of the given classifications, oldest receipt first (then by id). */
  listSignedIn(q: { classifications: Clearance[]; after?: ListCursor; limit: number }): Promise<SignedInDocument[]>;
}

/** Gap-free per-year counters for 收文号. */
export interface ReceiptNumbers {
  next(year: number): Promise<number>;
  /**
   * Gives back a 收文号 taken for a registration that certainly wrote nothing: the year's counter steps back, or,
   * when a later number is already out, this one is recorded as voided with the reason (no silent gap).
   */
  release(year: number, seq: number, reason: string): Promise<void>;
}

/** Runs a command once per idempotency key and replays its first result to retries. */
export interface Idempotency {
  run<T>(scope: string, key: string, request: unknown, fn: () => Promise<T>): Promise<T>;
}
