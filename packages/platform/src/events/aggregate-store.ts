import type { Model } from 'mongoose';
import { AppError } from '../errors';
import { isDuplicateKey } from '../mongo/connect-mongo';
import type { OutboxEntry } from './outbox';
import type { AuditEntry } from '../audit';

/** Someone else changed the aggregate since it was read; the caller re-reads and retries. */
export class ConcurrencyError extends AppError {
  constructor(what: string, id: string) {
    super('CONCURRENT_MODIFICATION', 'conflict', `${what} ${id} was changed by someone else; retry`);
  }
}

/** The fields every event-publishing aggregate document has besides its own state. */
export interface AggregateDocument {
  _id: string;
  /** Bumped by every write; the outbox relay and optimistic concurrency both rely on it. */
  version: number;
  outbox: OutboxEntry[];
  outboxPending: boolean;
  audit: AuditEntry[];
}

/**
 * Writes a new aggregate with its first events and audit entry in one document insert.
 * A duplicate _id surfaces as the driver's E11000, which creates use to detect retries.
 */
export async function insertAggregate<T extends AggregateDocument>(
  model: Model<T>,
  doc: Omit<T, 'version' | 'outboxPending'>,
  opts: InsertOptions = {},
): Promise<void> {
  const full = { ...doc, version: 1, outboxPending: doc.outbox.length > 0 };
  // ignoreUndefined: as mongoose's casting would, leave absent what is undefined (stored null, it would change the
  // audit entry's canonical form and break its hash)
  if (opts.lean) await model.insertMany([full as never], { lean: true, ignoreUndefined: true } as never);
  else await model.create(full as never);
}

export interface InsertOptions {
  /**
   * Skip mongoose's casting, defaults and validation: for a bulk writer that builds the document in the schema's
   * exact shape. Casting an aggregate with a thousand outbox entries costs more than the write itself (an import
   * chunk: ~80 ms casting plus ~110 ms validating in Node against ~60 ms of store work, bench/credit).
   */
  lean?: boolean;
}

/**
 * Inserts a new aggregate unless one with its _id exists: true when inserted, false when it was already there
 * (a retried command or a redelivered event whose id was derived from the source). Other errors propagate.
 */
export async function insertAggregateOnce<T extends AggregateDocument>(
  model: Model<T>,
  doc: Omit<T, 'version' | 'outboxPending'>,
  opts: InsertOptions = {},
): Promise<boolean> {
  try {
    await insertAggregate(model, doc, opts);
    return true;
  } catch (e) {
    if (isDuplicateKey(e)) return false;
    throw e;
  }
}

/**
 * Applies a state change, its events and its audit entries to an aggregate in ONE document update,
 * conditioned on the version read (ARCHITECTURE §6: the outbox without transactions).
 */
export async function updateAggregate<T extends AggregateDocument>(
  model: Model<T>,
  change: {
    id: string;
    expectedVersion: number;
    set: Partial<Omit<T, keyof AggregateDocument>>;
    events: OutboxEntry[];
    audit: AuditEntry[];
  },
): Promise<void> {
  const res = await model.updateOne(
    { _id: change.id, version: change.expectedVersion } as never,
    {
      $set: { ...change.set, ...(change.events.length > 0 ? { outboxPending: true } : {}) },
      $inc: { version: 1 },
      $push: { outbox: { $each: change.events }, audit: { $each: change.audit } },
    } as never,
  );
  if (res.matchedCount === 0) throw new ConcurrencyError(model.modelName, change.id);
}
