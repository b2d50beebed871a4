import type { Model } from 'mongoose';
import {
  insertAggregate,
  isDuplicateKey,
  nextAuditEntry,
  updateAggregate,
  type AggregateDocument,
  type AuditEntry,
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
  nudge: () => void,
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
      try {
        await insertAggregate(model, {
          _id: id,
          ...codec.toDoc(state),
          outbox: toOutboxEntries(events),
          audit: [audit(undefined, note)],
        } as never);
      } catch (e) {
        if (isDuplicateKey(e)) return false;
        throw e;
      }
      if (events.length > 0) nudge();
      return true;
    },
    async get(id) {
      const rec = await model.findById(id).lean();
      return rec ? toStored(rec) : undefined;
    },
    async update(value: T, expectedVersion: number, events: CreditEvent[], note: AuditNote, prev: Stored<T>) {
      const { id, ...state } = value;
      await updateAggregate(model, {
        id,
        expectedVersion,
        set: codec.toDoc(state) as never,
        events: toOutboxEntries(events),
        audit: [audit(prev.audit.at(-1), note)],
      });
      if (events.length > 0) nudge();
    },
  };
}
