import mongoose, { type Connection } from 'mongoose';
import type { Logger } from '../observability';

/**
 * Opens the service's own database. Indexes are created explicitly (autoIndex off): the local
 * MongoDB-wire server rejects some index options, and a failing automatic build would crash the process.
 *
 * Guard: under NODE_ENV=test only databases named `test_*` may be opened, and outside tests never one,
 * so a test can never write into a real database.
 */
export async function connectMongo(opts: {
  url: string;
  dbName: string;
  nodeEnv: string;
  logger: Logger;
  /**
   * A pool even on FerretDB: for a caller that only inserts documents with unique ids and reads them, which stays
   * atomic on any number of connections (duty's alert path). Everything else keeps one connection there.
   */
  insertOnlyPool?: number;
}): Promise<Connection> {
  const isTestDb = opts.dbName.startsWith('test_');
  if (opts.nodeEnv === 'test' && !isTestDb)
    throw new Error(`refusing to open non-test database ${opts.dbName} under NODE_ENV=test`);
  if (opts.nodeEnv !== 'test' && isTestDb)
    throw new Error(`refusing to open test database ${opts.dbName} outside tests`);
  const open = (maxPoolSize: number) =>
    mongoose
      .createConnection(opts.url, {
        dbName: opts.dbName,
        autoIndex: false,
        autoCreate: true,
        serverSelectionTimeoutMS: 10000,
        maxPoolSize,
        // an alert path keeps a couple of sockets open so the first insert after a quiet spell does not dial
        minPoolSize: opts.insertOnlyPool === undefined ? 0 : Math.min(2, maxPoolSize),
      })
      .asPromise();
  let conn = await open(opts.insertOnlyPool ?? 20);
  // FerretDB v1 runs an update as a read followed by a separate write, so updates of one document arriving on
  // different connections overwrite each other: a $push, an $inc or a version condition is silently lost.
  // It serves one connection's commands one at a time, so a single connection restores the per-document
  // atomicity the aggregate store, relay, inbox and counters rely on (ARCHITECTURE §6). MongoDB keeps the pool.
  const ferretdb = 'ferretdbVersion' in (await conn.db!.admin().command({ buildInfo: 1 }));
  if (ferretdb && opts.insertOnlyPool === undefined) {
    await conn.close();
    conn = await open(1);
  }
  opts.logger.info({ db: opts.dbName, ferretdb }, 'mongo connected');
  return conn;
}

/** Creates every declared index of every model on the connection; run once at start-up. */
export async function ensureIndexes(conn: Connection): Promise<void> {
  for (const model of Object.values(conn.models)) {
    await model.createCollection().catch(() => undefined);
    await model.createIndexes();
  }
}

/** True when the driver reports the connection open: a readiness check. */
export const mongoReady = (conn: Connection) => () => conn.readyState === 1;

/** MongoDB duplicate-key error (unique index): the way creates detect a retry or a race. */
export const isDuplicateKey = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && (e as { code?: number }).code === 11000;

/** The connection's model for `name`, compiled once (modules may be loaded more than once in tests). */
export function modelOf<T>(
  conn: Connection,
  name: string,
  schema: import('mongoose').Schema<T>,
): import('mongoose').Model<T> {
  return (conn.models[name] as import('mongoose').Model<T> | undefined) ?? conn.model<T>(name, schema);
}
