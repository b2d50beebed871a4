import type { Connection } from 'mongoose';
import { insertAggregateOnce, modelOf, type OutboxHandoff, nextAuditEntry } from '@gov/platform';
import type { AuditNote, DocumentEvent, IncomingDocuments, StoredAuditEntry } from '../../app/ports';
import type { StoredIncoming } from '../../domain/incoming-document';
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
      if (!rec) return undefined;
      const { _id, version: _v, outbox: _o, outboxPending: _p, audit, ...state } = rec;
      const document = { id: _id, ...state } as StoredIncoming;
      return { document, audit: audit as StoredAuditEntry[] };
    },
  };
}

const modelFor = (conn: Connection) => modelOf(conn, 'IncomingDocument', incomingDocumentSchema);
