import type { Actor } from '@gov/platform/auth';
import type { IncomingDocument, StoredIncoming } from '../domain/incoming-document';

/** A domain event the repository turns into an outbox entry in the same write as the state change. */
export type DocumentEvent = { type: 'IncomingRegistered'; document: IncomingDocument };

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

export interface IncomingDocuments {
  /** Inserts the document with its events and first audit entry; returns false when the id exists (a retry). */
  create(doc: StoredIncoming, events: DocumentEvent[], audit: AuditNote): Promise<boolean>;
  get(id: string): Promise<{ document: StoredIncoming; audit: StoredAuditEntry[] } | undefined>;
}

/** Gap-free per-year counters for 收文号. */
export interface ReceiptNumbers {
  next(year: number): Promise<number>;
}

/** Runs a command once per idempotency key and replays its first result to retries. */
export interface Idempotency {
  run<T>(scope: string, key: string, request: unknown, fn: () => Promise<T>): Promise<T>;
}
