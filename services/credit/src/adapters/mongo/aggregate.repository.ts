import type { Model } from 'mongoose';
import {
  insertAggregateOnce,
  nextAuditEntry,
  updateAggregate,
  type AggregateDocument,
  type AuditEntry,
  type OutboxHandoff,
} from '@gov/platform';
import type { AggregateStore, AuditNote, CreditEvent, Stored } from '../../app/ports';
import { toOutboxEntries } from '../kafka/credit-events.mapper';

const audit = (prev: AuditEntry | undefined, note: AuditNote) =>
  nextAuditEntry(prev, {
    action: note.action,
    actor: note.actor,
    role: note.role,
    reason: note.reason,
    at: note.at,
    details: note.details,
  });

/**
 * The shared shape of the credit service's aggregate repositories: one document per aggregate, state plus
 * outbox plus hash-chained audit, every write through the kit's insertAggregate / updateAggregate.
 */
export function aggregateRepository<T extends { id: string }>(
  model: Model<AggregateDocument>,
  handoff: OutboxHandoff,
  codec: { toDoc(state: Omit<T, 'id'>): object; fromDoc(doc: Record<string, unknown>): Omit<T, 'id'> } = {
    toDoc: (s) => s,
    fromDoc: (d) => d as Omit<T, 'id'>,
  },
): AggregateStore<T> & { toStored(rec: unknown): Stored<T> } {
  const toStored = (rec: unknown): Stored<T> => {
    const {
      _id,
      version,
      outbox: _o,
      outboxPending: _p,
      audit: trail,
      ...state
    } = rec as AggregateDocument & Record<string, unknown>;
    return { value: { id: _id, ...codec.fromDoc(state) } as unknown as T, version, audit: trail };
  };
  return {
    toStored,
    async create(value, events, note) {
      const { id, ...state } = value;
      const outbox = toOutboxEntries(events);
      const created = await insertAggregateOnce(model, {
        _id: id,
        ...codec.toDoc(state),
        outbox,
        audit: [audit(undefined, note)],
      } as never);
      if (created) handoff(model as never, { id, version: 1, entries: outbox });
      return created;
    },
    async get(id) {
      const rec = await model.findById(id).lean();
      return rec ? toStored(rec) : undefined;
    },
    async update(value: T, expectedVersion: number, events: CreditEvent[], note: AuditNote, prev: Stored<T>) {
      const { id, ...state } = value;
      const outbox = toOutboxEntries(events);
      await updateAggregate(model, {
        id,
        expectedVersion,
        set: codec.toDoc(state) as never,
        events: outbox,
        audit: [audit(prev.audit.at(-1), note)],
      });
      handoff(model as never, { id, version: expectedVersion + 1, entries: outbox });
    },
  };
}
