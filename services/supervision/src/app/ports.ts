import type { SupervisionItem } from '../domain/supervision-item';

export type SupervisionEvent = { type: 'ItemOpened'; item: SupervisionItem };

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
  get(id: string): Promise<{ item: SupervisionItem; audit: StoredAuditEntry[] } | undefined>;
  list(q: { sourceId?: string; pageSize: number; after?: string }): Promise<SupervisionItem[]>;
}

export interface LedgerNumbers {
  next(year: number): Promise<number>;
}
