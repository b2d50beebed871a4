import type { Model } from 'mongoose';
import {
  insertAggregateOnce,
  nextAuditEntry,
  updateAggregate,
  type AggregateDocument,
  type AuditEntry,
  type OutboxHandoff,
} from '@gov/platform';
import type {
  AuditNote,
  CallStore,
  DeskAggregateStore,
  DeskDocumentStore,
  PetitionVisitStore,
  PostLeaveStore,
  Stored,
  VisitorStore,
} from '../../app/desk-ports';
import type { DeskDocument } from '../../domain/desk-document';
import type { PublicCall } from '../../domain/call';
import type { PetitionVisit, PostLeave, VisitorEntry } from '../../domain/security';
import { toDeskOutbox } from '../kafka/desk-events.mapper';
import type { DeskModels } from './desk.schema';

const audit = (prev: Pick<AuditEntry, 'seq' | 'hash'> | undefined, n: AuditNote) =>
  nextAuditEntry(prev, { action: n.action, actor: n.actor, reason: n.reason, at: n.at, details: n.details });

type Rec = AggregateDocument & Record<string, unknown>;

function toStored<T>(rec: Rec): Stored<T> {
  const { _id, version, outbox: _o, outboxPending: _p, audit: trail, ...state } = rec;
  const last = trail.at(-1);
  return {
    value: { id: _id, ...state } as T,
    version,
    auditTail: last ? { seq: last.seq, hash: last.hash } : undefined,
  };
}

/**
 * One desk aggregate per document: state, outbox and hash-chained audit written together through the kit's
 * insertAggregateOnce / updateAggregate (the relay relies on the version bump). Unset optional fields are
 * $unset-free: they are written as null and read back as absent.
 */
function aggregateStore<T extends { id: string }>(
  model: Model<AggregateDocument>,
  handoff: OutboxHandoff,
): DeskAggregateStore<T> & { read(rec: unknown): Stored<T> } {
  const read = (rec: unknown): Stored<T> => {
    const s = toStored<T>(rec as Rec);
    for (const [k, v] of Object.entries(s.value)) if (v === null) delete (s.value as Record<string, unknown>)[k];
    return s;
  };
  return {
    read,
    async create(value, events, note) {
      const { id, ...state } = value;
      const outbox = toDeskOutbox(events);
      const created = await insertAggregateOnce(model, {
        _id: id,
        ...state,
        outbox,
        audit: [audit(undefined, note)],
      } as never);
      if (created) handoff(model as never, { id, version: 1, entries: outbox });
      return created;
    },
    async get(id) {
      const rec = await model.findById(id).lean();
      return rec ? read(rec) : undefined;
    },
    async update(prev, value, events, note) {
      const { id, ...state } = value;
      // fields the new state dropped (e.g. a stopped timer) are cleared with null: one $set, no $unset
      const cleared = Object.fromEntries(
        Object.keys(prev.value)
          .filter((k) => k !== 'id' && !(k in state))
          .map((k) => [k, null]),
      );
      const outbox = toDeskOutbox(events);
      await updateAggregate(model, {
        id,
        expectedVersion: prev.version,
        set: { ...cleared, ...state } as never,
        events: outbox,
        audit: [audit(prev.auditTail, note)],
      });
      handoff(model as never, { id, version: prev.version + 1, entries: outbox });
    },
  };
}

export function createDeskDocumentRepository(models: DeskModels, handoff: OutboxHandoff): DeskDocumentStore {
  const base = aggregateStore<DeskDocument>(models.documents, handoff);
  const { read: _r, ...store } = base;
  return {
    ...store,
    async registrationQueue() {
      const recs = await models.documents.find({ status: 'WITH_GENERAL_SECTION' } as never).lean();
      return recs.map((r) => base.read(r).value).sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
    },
    async timersDue(now, limit) {
      const recs = await models.documents
        .find({ timerDueAt: { $lte: now } } as never)
        .limit(limit)
        .lean();
      return recs.map((r) => base.read(r));
    },
  };
}

export const createCallRepository = (m: DeskModels, h: OutboxHandoff): CallStore =>
  aggregateStore<PublicCall>(m.calls, h);
export const createVisitorRepository = (m: DeskModels, h: OutboxHandoff): VisitorStore =>
  aggregateStore<VisitorEntry>(m.visitors, h);
export const createPostLeaveRepository = (m: DeskModels, h: OutboxHandoff): PostLeaveStore =>
  aggregateStore<PostLeave>(m.leaves, h);
export const createPetitionVisitRepository = (m: DeskModels, h: OutboxHandoff): PetitionVisitStore =>
  aggregateStore<PetitionVisit>(m.petitions, h);
