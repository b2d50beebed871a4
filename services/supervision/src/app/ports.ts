import type { Actor } from '@gov/platform/auth';
import type { SupervisionItem } from '../domain/supervision-item';

/** ItemOpened at registration, ItemCompleted at acceptance (FB-4), ItemClosed at closure or cancellation. */
export type SupervisionEvent = { type: 'ItemOpened' | 'ItemCompleted' | 'ItemClosed'; item: SupervisionItem };

/** An item as read, with the version a later write is conditioned on. */
export interface ReadItem {
  item: SupervisionItem;
  audit: StoredAuditEntry[];
  version: number;
}

/** An audit line of a command: who, in which role, why. */
export interface CommandNote {
  action: string;
  actor: Actor;
  role: string;
  reason: string;
  at: Date;
  details: Record<string, unknown>;
}

export interface StoredAuditEntry {
  seq: number;
  action: string;
  actor: { userId: string; name: string; orgUnitId: string; role: string };
  reason: string;
  at: Date;
  hash: string;
}

export interface SupervisionItems {
  /** Inserts with events and the first audit entry; false when an item for this source already exists. */
  create(
    item: SupervisionItem,
    events: SupervisionEvent[],
    audit: { action: string; reason: string; at: Date; details: Record<string, unknown> },
  ): Promise<boolean>;
  get(id: string): Promise<ReadItem | undefined>;
  /** Writes the changed item, its events and audit line in one update; CONCURRENT_MODIFICATION if it moved. */
  update(read: ReadItem, next: SupervisionItem, events: SupervisionEvent[], note: CommandNote): Promise<void>;
  list(q: { sourceId?: string; pageSize: number; after?: string }): Promise<SupervisionItem[]>;
}

export interface LedgerNumbers {
  next(year: number): Promise<number>;
}

/** Runs a command once per caller key; a retry with the same key and request gets the first answer. */
export interface Idempotency {
  run<T>(scope: string, key: string, request: unknown, fn: () => Promise<T>): Promise<T>;
}

export interface Clock {
  now(): Date;
}
