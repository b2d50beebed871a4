import { randomUUID } from 'node:crypto';
import { context, propagation } from '@opentelemetry/api';
import { Schema } from 'mongoose';

/**
 * One pending event stored inside the aggregate document it belongs to, written in the same single
 * document write as the state change (ARCHITECTURE §6: an outbox without transactions).
 */
export interface OutboxEntry {
  /** Event id; becomes ce_id. Stable across re-publication, so consumers can drop duplicates. */
  _id: string;
  topic: string;
  /** Kafka key: the aggregate id, which keeps each aggregate's events in order. */
  key: string;
  /** CloudEvents type, e.g. gov.document.incoming.registered. */
  type: string;
  /** Protobuf-encoded message. */
  payload: Buffer;
  time: Date;
  /** W3C trace context of the command that produced the event, so the trace continues through Kafka. */
  traceparent?: string;
}

export const outboxEntrySchema = new Schema<OutboxEntry>(
  {
    _id: { type: String, required: true },
    topic: { type: String, required: true },
    key: { type: String, required: true },
    type: { type: String, required: true },
    payload: { type: Buffer, required: true },
    time: { type: Date, required: true },
    traceparent: { type: String },
  },
  { _id: false },
);

/**
 * Fields to add to every aggregate schema that publishes events. `outboxPending` is a plain flag
 * (indexed) because the relay's query must be cheap and the Mongo-wire server has no partial indexes.
 */
export const outboxFields = {
  outbox: { type: [outboxEntrySchema], default: [] },
  // serves the relay's query for aggregates with unpublished events
  outboxPending: { type: Boolean, default: false, index: true },
};

const auditEntrySchema = new Schema(
  {
    seq: Number,
    action: String,
    actor: { userId: String, name: String, orgUnitId: String, role: String },
    reason: String,
    at: Date,
    details: { type: Schema.Types.Mixed, default: {} },
    prevHash: String,
    hash: String,
  },
  { _id: false, minimize: false },
);

/**
 * Everything an event-publishing aggregate stores besides its own state: the version (optimistic
 * concurrency, and the relay's guard), the outbox, and the hash-chained audit trail.
 */
export const aggregateFields = {
  version: { type: Number, required: true },
  ...outboxFields,
  audit: { type: [auditEntrySchema], default: [] },
};

/**
 * The bytes of a Buffer field read with `.lean()`, which yields the driver's BSON Binary rather than a Buffer.
 * `Buffer.from(binary)` does not throw: it returns an EMPTY buffer, so lean reads of payloads go through this.
 */
export const bytesOf = (v: Uint8Array | { value(): Uint8Array }): Buffer =>
  v instanceof Uint8Array ? Buffer.from(v) : Buffer.from(v.value());

/** Builds an entry for an event produced now, capturing the active trace context. */
export function outboxEntry(e: {
  topic: string;
  key: string;
  type: string;
  payload: Uint8Array;
  time?: Date;
  id?: string;
}): OutboxEntry {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return {
    _id: e.id ?? randomUUID(),
    topic: e.topic,
    key: e.key,
    type: e.type,
    payload: Buffer.from(e.payload),
    time: e.time ?? new Date(),
    traceparent: carrier.traceparent,
  };
}
