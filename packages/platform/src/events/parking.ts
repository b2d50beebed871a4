import { Schema, type Connection } from 'mongoose';
import { modelOf } from '../mongo';
import { bytesOf } from './outbox';

/** Why a message was set aside instead of handled. Stable codes: operators and alerts filter on them. */
export type ParkReason = 'MISSING_CE_HEADERS' | 'MALFORMED_PAYLOAD' | 'HANDLER_FAILED';

export interface ParkedMessage {
  _id: string;
  consumer: string;
  topic: string;
  partition: number;
  offset: string;
  key?: string;
  headers: Record<string, string>;
  payload?: Buffer;
  reason: ParkReason;
  error: string;
  parkedAt: Date;
}

const parkedSchema = new Schema<ParkedMessage>(
  {
    // `${consumer}:${topic}:${partition}:${offset}`: parking the same message twice is one record
    _id: { type: String, required: true },
    consumer: { type: String, required: true, index: true }, // serves the operator's "what is parked for X" listing
    topic: String,
    partition: Number,
    offset: String,
    key: String,
    headers: { type: Map, of: String },
    payload: Buffer,
    reason: { type: String, required: true },
    error: String,
    parkedAt: Date,
  },
  { collection: 'parked_messages', versionKey: false },
);

/**
 * Messages a consumer could not handle, kept with their reason so that one bad message neither blocks
 * the partition nor is retried forever, and an operator can inspect and replay it.
 */
export function createParking(conn: Connection) {
  const model = modelOf(conn, 'ParkedMessage', parkedSchema);
  return {
    model,
    async park(m: Omit<ParkedMessage, '_id' | 'parkedAt'>): Promise<void> {
      const _id = `${m.consumer}:${m.topic}:${m.partition}:${m.offset}`;
      await model.updateOne({ _id }, { $setOnInsert: { ...m, parkedAt: new Date() } }, { upsert: true });
    },
    async list(consumer: string): Promise<ParkedMessage[]> {
      const parked = await model.find({ consumer }).sort({ parkedAt: 1 }).lean();
      // lean payloads are BSON Binary; a replay must get the original bytes back
      return parked.map((m) => ({ ...m, payload: m.payload && bytesOf(m.payload) }));
    },
  };
}
export type Parking = ReturnType<typeof createParking>;
