import type { Connection } from 'mongoose';
import {
  insertAggregateOnce,
  modelOf,
  nextAuditEntry,
  systemActor,
  updateAggregate,
  type OutboxHandoff,
} from '@gov/platform';
import type { StoredAuditEntry, SupervisionItems } from '../../app/ports';
import type { SupervisionItem } from '../../domain/supervision-item';
import { toOutboxEntries } from '../kafka/supervision-events.mapper';
import { supervisionItemSchema, type SupervisionItemRecord } from './supervision-item.schema';

export function createSupervisionItemRepository(conn: Connection, opts: { handoff: OutboxHandoff }) {
  const model = modelOf(conn, 'SupervisionItem', supervisionItemSchema);
  const toItem = (rec: SupervisionItemRecord): SupervisionItem => {
    const { _id, version: _v, outbox: _o, outboxPending: _p, audit: _a, ...state } = rec;
    return { id: _id, ...state };
  };
  const repo: SupervisionItems = {
    async create(item, events, note) {
      const { id, ...state } = item;
      const audit = nextAuditEntry(undefined, { ...note, actor: systemActor, role: 'SYSTEM' });
      const outbox = toOutboxEntries(events);
      const created = await insertAggregateOnce<SupervisionItemRecord>(model, {
        _id: id,
        ...state,
        outbox,
        audit: [audit],
      });
      // sent from memory right away; the stored outbox is the fallback if this process dies first
      if (created) opts.handoff(model as never, { id, version: 1, entries: outbox });
      return created;
    },
    async get(id) {
      const rec = (await model.findById(id).lean()) as SupervisionItemRecord | null;
      return rec ? { item: toItem(rec), audit: rec.audit as StoredAuditEntry[], version: rec.version } : undefined;
    },
    async update(read, next, events, note) {
      const { id, ...state } = next;
      const audit = nextAuditEntry(read.audit[read.audit.length - 1], note);
      const outbox = toOutboxEntries(events);
      await updateAggregate<SupervisionItemRecord>(model, {
        id,
        expectedVersion: read.version,
        set: state as never,
        events: outbox,
        audit: [audit],
      });
      if (outbox.length > 0) opts.handoff(model as never, { id, version: read.version + 1, entries: outbox });
    },
    async list(q) {
      const filter: Record<string, unknown> = {};
      if (q.sourceId) filter.sourceId = q.sourceId;
      if (q.after) filter._id = { $gt: q.after };
      const recs = await model.find(filter).sort({ _id: 1 }).limit(q.pageSize).lean();
      return recs.map((r) => toItem(r as SupervisionItemRecord));
    },
  };
  return { ...repo, model };
}
