import { Schema, type Connection } from 'mongoose';
import { modelOf } from '../mongo';

interface InboxDoc {
  _id: string;
  consumer: string;
  eventId: string;
  handledAt: Date;
}

const inboxSchema = new Schema<InboxDoc>(
  {
    // `${consumer}:${eventId}`: the _id's unique index is what makes a second delivery a no-op
    _id: { type: String, required: true },
    consumer: { type: String, required: true },
    eventId: { type: String, required: true },
    handledAt: { type: Date, required: true },
  },
  { collection: 'inbox', versionKey: false },
);

/**
 * Records which events a consumer has handled. Handlers must still be idempotent by design (a crash
 * between handling and recording re-runs them); the inbox keeps the common case, a redelivery, cheap.
 */
export function createInbox(conn: Connection) {
  const model = modelOf(conn, 'InboxEntry', inboxSchema);
  return {
    async seen(consumer: string, eventId: string): Promise<boolean> {
      return (await model.exists({ _id: `${consumer}:${eventId}` })) !== null;
    },
    async record(consumer: string, eventId: string): Promise<void> {
      await model.updateOne(
        { _id: `${consumer}:${eventId}` },
        { $setOnInsert: { consumer, eventId, handledAt: new Date() } },
        { upsert: true },
      );
    },
  };
}
export type Inbox = ReturnType<typeof createInbox>;
