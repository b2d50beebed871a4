import { Schema, type Connection } from 'mongoose';
import { modelOf } from './connect-mongo';

interface CounterDoc {
  _id: string;
  value: number;
}

const counterSchema = new Schema<CounterDoc>(
  { _id: { type: String, required: true }, value: { type: Number, required: true } },
  { collection: 'counters', versionKey: false },
);

interface VoidedNumberDoc {
  _id: string;
  counter: string;
  value: number;
  reason: string;
  at: Date;
}

const voidedNumberSchema = new Schema<VoidedNumberDoc>(
  {
    _id: { type: String, required: true },
    counter: { type: String, required: true },
    value: { type: Number, required: true },
    reason: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'voided_numbers', versionKey: false },
);

/**
 * Named counters (收文号, 督办 ledger numbers, 文号): an atomic $inc per number, so two documents never share one.
 * A command that took a number and then knows for certain it wrote nothing gives the number back (`release`): the
 * counter steps back if nobody took a later number, and otherwise the number is recorded as voided with the reason,
 * so the register can say why it is missing. A crash between taking and writing still leaves an unexplained gap.
 */
export function createSequences(conn: Connection) {
  const model = modelOf(conn, 'Counter', counterSchema);
  const voided = modelOf(conn, 'VoidedNumber', voidedNumberSchema);
  return {
    async next(name: string): Promise<number> {
      // no projection: findAndModify with `fields` is not implemented by the Mongo-wire server
      const doc = await model
        .findOneAndUpdate({ _id: name }, { $inc: { value: 1 } }, { upsert: true, returnDocument: 'after' })
        .lean();
      if (!doc) throw new Error(`counter ${name} did not return a value`);
      return doc.value;
    },
    /**
     * Gives back a number the caller took and did not use. Returns `returned` when the counter stepped back (the
     * next caller gets the same number, no gap), `voided` when a later number was already taken and this one is
     * recorded in `voided_numbers` instead. Safe to repeat: a second release of the same number finds the counter
     * moved or the record already there.
     */
    async release(name: string, value: number, reason: string, at = new Date()): Promise<'returned' | 'voided'> {
      const back = await model.updateOne({ _id: name, value }, { $inc: { value: -1 } });
      if (back.modifiedCount === 1) return 'returned';
      await voided.updateOne(
        { _id: `${name}:${value}` },
        { $setOnInsert: { counter: name, value, reason, at } },
        { upsert: true },
      );
      return 'voided';
    },
  };
}
export type Sequences = ReturnType<typeof createSequences>;
