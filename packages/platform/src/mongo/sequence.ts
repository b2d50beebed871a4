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

/**
 * Named counters (收文号, 督办 ledger numbers, 文号): an atomic $inc per number. A command that fails after
 * taking a number leaves a gap, which registers tolerate and explain, rather than two documents sharing one.
 */
export function createSequences(conn: Connection) {
  const model = modelOf(conn, 'Counter', counterSchema);
  return {
    async next(name: string): Promise<number> {
      // no projection: findAndModify with `fields` is not implemented by the Mongo-wire server
      const doc = await model
        .findOneAndUpdate({ _id: name }, { $inc: { value: 1 } }, { upsert: true, returnDocument: 'after' })
        .lean();
      if (!doc) throw new Error(`counter ${name} did not return a value`);
      return doc.value;
    },
  };
}
export type Sequences = ReturnType<typeof createSequences>;
