import { AppError } from '@gov/platform/errors';
import type { StoredIncoming } from '../domain/incoming-document';
import type { AuditNote, DocumentEvent, IncomingDocuments, ReceiptNumbers } from './ports';

/**
 * In-memory IncomingDocuments and ReceiptNumbers ports for unit tests (fakes of our own ports, not of a library).
 * They keep what a test asserts on: the documents, every audit note and every event, in write order.
 */
export function fakeDocuments(): IncomingDocuments & {
  all: StoredIncoming[];
  notes: AuditNote[];
  events: DocumentEvent[];
  versions: Map<string, number>;
} {
  const all: StoredIncoming[] = [];
  const notes: AuditNote[] = [];
  const events: DocumentEvent[] = [];
  const versions = new Map<string, number>();
  return {
    all,
    notes,
    events,
    versions,
    async create(doc, evs, note) {
      if (all.some((d) => d.id === doc.id)) return false;
      all.push(doc);
      notes.push(note);
      events.push(...evs);
      versions.set(doc.id, 1);
      return true;
    },
    async get(id) {
      const document = all.find((d) => d.id === id);
      return document ? { document, audit: [], version: versions.get(id)! } : undefined;
    },
    async update(prev, next, evs, note) {
      const i = all.findIndex((d) => d.id === next.id);
      if (i < 0 || versions.get(next.id) !== prev.version)
        // what the kit's updateAggregate throws when the version moved
        throw new AppError('CONCURRENT_MODIFICATION', 'conflict', `${next.id} was changed by someone else`);
      all[i] = next;
      notes.push(note);
      events.push(...evs);
      versions.set(next.id, prev.version + 1);
    },
    async listSignedIn(q) {
      const after = q.after;
      return all
        .filter((d) => d.state === 'SIGNED_IN' && q.classifications.includes(d.classification))
        .filter(
          (d) =>
            !after ||
            d.receivedAt > after.receivedAt ||
            (d.receivedAt.getTime() === after.receivedAt.getTime() && d.id > after.id),
        )
        .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || (a.id < b.id ? -1 : 1))
        .slice(0, q.limit)
        .map((d) => d as Extract<StoredIncoming, { state: 'SIGNED_IN' }>);
    },
  };
}

/** A counter per year, as the sequence store keeps it: a released number steps it back or is recorded as voided. */
export function fakeReceiptNumbers(): ReceiptNumbers & {
  taken: number[];
  voided: { year: number; seq: number; reason: string }[];
} {
  const byYear = new Map<number, number>();
  const taken: number[] = [];
  const voided: { year: number; seq: number; reason: string }[] = [];
  return {
    taken,
    voided,
    async next(year) {
      const n = (byYear.get(year) ?? 0) + 1;
      byYear.set(year, n);
      taken.push(n);
      return n;
    },
    async release(year, seq, reason) {
      if (byYear.get(year) === seq) byYear.set(year, seq - 1);
      else if (!voided.some((v) => v.year === year && v.seq === seq)) voided.push({ year, seq, reason });
    },
  };
}
