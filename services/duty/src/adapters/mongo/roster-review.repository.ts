import type { Model } from 'mongoose';
import {
  insertAggregateOnce,
  nextAuditEntry,
  updateAggregate,
  type AggregateDocument,
  type AuditEntry,
  type OutboxHandoff,
} from '@gov/platform';
import type { RosterAuditNote, RosterDraftStore, StoredRosterDraft } from '../../app/roster-review-ports';
import type { RosterDraft } from '../../domain/roster-review';
import { toRosterOutbox } from '../kafka/roster-review-events.mapper';

const audit = (prev: Pick<AuditEntry, 'seq' | 'hash'> | undefined, n: RosterAuditNote) =>
  nextAuditEntry(prev, { action: n.action, actor: n.actor, at: n.at, details: n.details });

type Rec = AggregateDocument & Record<string, unknown>;

/** A stored document as the domain reads it: `_id` → id, kit fields dropped, nulls (cleared fields) removed. */
function read(rec: unknown): StoredRosterDraft {
  const { _id, version, outbox: _o, outboxPending: _p, audit: trail, ...state } = rec as Rec;
  for (const [k, v] of Object.entries(state)) if (v === null) delete state[k];
  const last = trail.at(-1);
  return {
    value: { id: _id, ...state } as unknown as RosterDraft,
    version,
    auditTail: last ? { seq: last.seq, hash: last.hash } : undefined,
  };
}

/** Drops undefined fields, which would otherwise change the audit details' canonical form. */
const defined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/**
 * Rosters under review, one aggregate per document written through the kit's insertAggregateOnce /
 * updateAggregate (the relay relies on the version bump). Fields a new state drops are written as null.
 */
export function createRosterDraftRepository(model: Model<AggregateDocument>, handoff: OutboxHandoff): RosterDraftStore {
  return {
    async create(value, events, note) {
      const { id, ...state } = value;
      const outbox = toRosterOutbox(events);
      const created = await insertAggregateOnce(model, {
        _id: id,
        ...defined(state),
        outbox,
        audit: [audit(undefined, defined(note))],
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
      const cleared = Object.fromEntries(
        Object.keys(prev.value)
          .filter((k) => k !== 'id' && (state as Record<string, unknown>)[k] === undefined)
          .map((k) => [k, null]),
      );
      const outbox = toRosterOutbox(events);
      await updateAggregate(model, {
        id,
        expectedVersion: prev.version,
        set: { ...cleared, ...defined(state) } as never,
        events: outbox,
        audit: [audit(prev.auditTail, defined(note))],
      });
      handoff(model as never, { id, version: prev.version + 1, entries: outbox });
    },
    async publishedEndedBy(at) {
      // equality on the indexed status, then the few published ones filtered by their period end
      const recs = await model.find({ status: 'PUBLISHED' } as never).lean();
      return recs.map((r) => read(r).value).filter((d) => d.periodEnd.getTime() <= at.getTime());
    },
    async settledOverlapping(start, end) {
      // equality on the indexed status, then the period filtered here (the store does not push ranges down)
      const recs = await model.find({ status: { $in: ['APPROVED', 'PUBLISHED', 'LOCKED'] } } as never).lean();
      return recs
        .map((r) => read(r).value)
        .filter((d) => d.periodStart.getTime() < end.getTime() && d.periodEnd.getTime() > start.getTime());
    },
    async publishedEndingAfter(after) {
      const recs = await model.find({ status: 'PUBLISHED', periodEnd: { $gt: after } } as never).lean();
      return recs.map((r) => read(r).value);
    },
  };
}
