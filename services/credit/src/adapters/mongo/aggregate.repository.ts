import type { Model } from 'mongoose';
import {
  insertAggregateOnce,
  nextAuditEntry,
  updateAggregate,
  type AggregateDocument,
  type AuditEntry,
  type OutboxEntry,
  type OutboxHandoff,
} from '@gov/platform';
import type { AggregateStore, AuditNote, Stored } from '../../app/ports';
import { toOutboxEntries } from '../kafka/credit-events.mapper';

export const auditAfter = (prev: AuditEntry | undefined, note: AuditNote) =>
  nextAuditEntry(prev, {
    action: note.action,
    actor: note.actor,
    role: note.role,
    reason: note.reason,
    at: note.at,
    details: note.details,
  });

/** How a repository's state maps to its document; `fromDoc` also sees the audit trail (for older documents). */
export interface DocCodec<T extends { id: string }> {
  toDoc(state: Omit<T, 'id'>): object;
  fromDoc(doc: Record<string, unknown>, audit: AuditEntry[]): Omit<T, 'id'>;
}

const plain = <T extends { id: string }>(): DocCodec<T> => ({
  toDoc: (s) => s,
  fromDoc: (d) => d as Omit<T, 'id'>,
});

/**
 * The shared shape of the credit service's aggregate repositories: one document per aggregate, state plus
 * outbox plus hash-chained audit, every write through the kit's insertAggregate / updateAggregate. `encode`
 * turns the domain events of a write into its outbox entries (credit events or risk events).
 */
export function eventAggregateRepository<T extends { id: string }, E>(
  model: Model<AggregateDocument>,
  handoff: OutboxHandoff,
  encode: (events: E[]) => OutboxEntry[],
  codec: DocCodec<T> = plain<T>(),
) {
  const toStored = (rec: unknown): Stored<T> => {
    const {
      _id,
      version,
      outbox: _o,
      outboxPending: _p,
      audit: trail,
      ...state
    } = rec as AggregateDocument & Record<string, unknown>;
    return { value: { id: _id, ...codec.fromDoc(state, trail) } as unknown as T, version, audit: trail };
  };
  return {
    toStored,
    /** `extra` is stored beside the state but is not part of it (e.g. a field only an index needs). */
    async create(value: T, events: E[], note: AuditNote, extra: object = {}) {
      const { id, ...state } = value;
      const outbox = encode(events);
      const created = await insertAggregateOnce(model, {
        _id: id,
        ...codec.toDoc(state),
        ...extra,
        outbox,
        audit: [auditAfter(undefined, note)],
      } as never);
      if (created) handoff(model as never, { id, version: 1, entries: outbox });
      return created;
    },
    async get(id: string) {
      const rec = await model.findById(id).lean();
      return rec ? toStored(rec) : undefined;
    },
    async update(value: T, expectedVersion: number, events: E[], note: AuditNote, prev: Stored<T>) {
      const { id, ...state } = value;
      const outbox = encode(events);
      await updateAggregate(model, {
        id,
        expectedVersion,
        set: codec.toDoc(state) as never,
        events: outbox,
        audit: [auditAfter(prev.audit.at(-1), note)],
      });
      handoff(model as never, { id, version: expectedVersion + 1, entries: outbox });
    },
  };
}

/** An aggregate repository publishing credit events (gov.credit.events.v1 through credit-events.mapper). */
export function aggregateRepository<T extends { id: string }>(
  model: Model<AggregateDocument>,
  handoff: OutboxHandoff,
  codec: DocCodec<T> = plain<T>(),
): AggregateStore<T> & { toStored(rec: unknown): Stored<T> } {
  return eventAggregateRepository<T, Parameters<typeof toOutboxEntries>[0][number]>(
    model,
    handoff,
    toOutboxEntries,
    codec,
  );
}
