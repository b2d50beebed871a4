import { createHash } from 'node:crypto';
import { Schema, type Connection } from 'mongoose';
import { AppError } from '../errors';
import { isDuplicateKey, modelOf } from '../mongo';

interface KeyDoc {
  _id: string;
  fingerprint: string;
  state: 'pending' | 'done';
  response?: string;
  startedAt: Date;
  finishedAt?: Date;
}

const keySchema = new Schema<KeyDoc>(
  {
    // `${scope}:${key}`: the unique _id is what makes two concurrent first calls collide
    _id: { type: String, required: true },
    fingerprint: { type: String, required: true },
    state: { type: String, required: true },
    response: String,
    startedAt: { type: Date, required: true },
    finishedAt: Date,
  },
  { collection: 'idempotency_keys', versionKey: false },
);

export class IdempotencyError extends AppError {
  constructor(
    code: 'IDEMPOTENCY_KEY_REUSED' | 'IDEMPOTENCY_KEY_IN_PROGRESS' | 'IDEMPOTENCY_KEY_MISSING',
    message: string,
  ) {
    super(code, code === 'IDEMPOTENCY_KEY_IN_PROGRESS' ? 'conflict' : 'invalid_argument', message);
  }
}

/** A stable fingerprint of a request, to tell a genuine retry from a different request under the same key. */
export const fingerprintOf = (request: unknown): string =>
  createHash('sha256').update(JSON.stringify(request)).digest('hex');

/**
 * Makes a mutating command idempotent under retry: the first call under a key runs and its response is
 * stored; later calls with the same key and request get the stored response; the same key with a different
 * request is refused. A call that died mid-way (pending longer than `staleMs`) may be taken over; commands
 * must therefore be safe to re-run, which creates achieve with ids derived from the key.
 */
export function createIdempotencyStore(conn: Connection, opts: { staleMs?: number } = {}) {
  const model = modelOf(conn, 'IdempotencyKey', keySchema);
  const staleMs = opts.staleMs ?? 30000;
  return {
    async run<T>(scope: string, key: string, request: unknown, fn: () => Promise<T>): Promise<T> {
      if (!key) throw new IdempotencyError('IDEMPOTENCY_KEY_MISSING', 'an idempotency key is required for this call');
      const _id = `${scope}:${key}`;
      const fingerprint = fingerprintOf(request);
      try {
        await model.create({ _id, fingerprint, state: 'pending', startedAt: new Date() });
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
        const existing = await model.findById(_id).lean();
        if (!existing) throw e;
        if (existing.fingerprint !== fingerprint)
          throw new IdempotencyError('IDEMPOTENCY_KEY_REUSED', `key ${key} was used for a different request`);
        if (existing.state === 'done') return JSON.parse(existing.response ?? 'null') as T;
        const inProgress = new IdempotencyError(
          'IDEMPOTENCY_KEY_IN_PROGRESS',
          `a call with key ${key} is still running; retry later`,
        );
        // only a stale call is taken over; touching startedAt earlier would let retries keep a dead call alive
        if (Date.now() - existing.startedAt.getTime() < staleMs) throw inProgress;
        const takeover = await model.updateOne(
          { _id, state: 'pending', startedAt: existing.startedAt },
          { $set: { startedAt: new Date() } },
        );
        if (takeover.matchedCount === 0) throw inProgress;
      }
      let result: T;
      try {
        result = await fn();
      } catch (err) {
        // a refused command may be retried with the same key once the caller fixed the cause
        await model.deleteOne({ _id, state: 'pending' });
        throw err;
      }
      await model.updateOne(
        { _id },
        { $set: { state: 'done', response: JSON.stringify(result), finishedAt: new Date() } },
      );
      return result;
    },
  };
}
export type IdempotencyStore = ReturnType<typeof createIdempotencyStore>;
