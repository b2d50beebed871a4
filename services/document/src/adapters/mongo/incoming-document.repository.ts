import type { Connection } from 'mongoose';
import { insertAggregateOnce, modelOf, type OutboxHandoff, nextAuditEntry, updateAggregate } from '@gov/platform';
import type { AuditNote, DocumentEvent, IncomingDocuments, ReadIncoming, StoredAuditEntry } from '../../app/ports';
import type { SignedInDocument, StoredIncoming } from '../../domain/incoming-document';
import { toOutboxEntries } from '../kafka/document-events.mapper';
import { incomingDocumentSchema, type IncomingDocumentRecord } from './incoming-document.schema';

/** IncomingDocuments port on Mongo: state, events and audit go in one insert, then the events go to the relay. */
export function createIncomingDocumentRepository(
  conn: Connection,
  opts: { handoff: OutboxHandoff },
): IncomingDocuments & { model: ReturnType<typeof modelFor> } {
  const model = modelFor(conn);
  return {
    model,
    async create(doc: StoredIncoming, events: DocumentEvent[], note: AuditNote): Promise<boolean> {
      const { id, ...state } = doc;
      const audit = nextAuditEntry(undefined, note);
      const outbox = toOutboxEntries(events);
      const created = await insertAggregateOnce<IncomingDocumentRecord>(model, {
        _id: id,
        ...state,
        outbox,
        audit: [audit],
      });
      // sent from memory right away; the stored outbox is the fallback if this process dies first
      if (created) opts.handoff(model as never, { id, version: 1, entries: outbox });
      return created;
    },
    async get(id: string) {
      const rec = await model.findById(id).lean();
      return rec ? read(rec) : undefined;
    },
    async update(prev: ReadIncoming, next: StoredIncoming, events: DocumentEvent[], note: AuditNote): Promise<void> {
      const { id, ...state } = next;
      // fields the new state no longer has are cleared with null (read back as absent): one $set, no $unset
      const cleared = Object.fromEntries(
        Object.keys(prev.document)
          .filter((k) => k !== 'id' && !(k in state))
          .map((k) => [k, null]),
      );
      const last = prev.audit.at(-1);
      const outbox = toOutboxEntries(events);
      await updateAggregate<IncomingDocumentRecord>(model, {
        id,
        expectedVersion: prev.version,
        set: { ...cleared, ...state } as never,
        events: outbox,
        audit: [nextAuditEntry(last && { seq: last.seq, hash: last.hash }, note)],
      });
      opts.handoff(model as never, { id, version: prev.version + 1, entries: outbox });
    },
    async listSignedIn(q) {
      const filter: Record<string, unknown> = { state: 'SIGNED_IN', classification: { $in: q.classifications } };
      if (q.after)
        filter.$or = [
          { receivedAt: { $gt: q.after.receivedAt } },
          { receivedAt: q.after.receivedAt, _id: { $gt: q.after.id } },
        ];
      const recs = await model
        .find(filter as never)
        .sort({ receivedAt: 1, _id: 1 })
        .limit(q.limit)
        .lean();
      return recs.map((r) => read(r).document as SignedInDocument);
    },
  };
}

/** Stored record → domain object; nulls left by an update mean "absent". */
function read(rec: IncomingDocumentRecord): ReadIncoming {
  const { _id, version, outbox: _o, outboxPending: _p, audit, ...state } = rec;
  const document = { id: _id, ...state } as Record<string, unknown>;
  for (const [k, v] of Object.entries(document)) if (v === null) delete document[k];
  return { document: document as unknown as StoredIncoming, audit: audit as StoredAuditEntry[], version };
}

const modelFor = (conn: Connection) => modelOf(conn, 'IncomingDocument', incomingDocumentSchema);
