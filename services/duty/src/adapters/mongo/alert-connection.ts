import mongoose, { type Connection } from 'mongoose';

/**
 * A second connection for the alert path, with a pool. The kit's connection is a single socket on FerretDB
 * (it keeps updates of one document atomic), and the outbox relay's updates on it take ≈130 ms each at
 * 10 000 incidents; intake must not queue behind them. The alert path only inserts documents with unique
 * ids and reads by id, which stays atomic on any number of connections. Same database, same test guard.
 */
export async function connectAlertPath(opts: { url: string; dbName: string; nodeEnv: string; poolSize: number }) {
  const isTestDb = opts.dbName.startsWith('test_');
  if (opts.nodeEnv === 'test' ? !isTestDb : isTestDb)
    throw new Error(`refusing to open ${opts.dbName} under NODE_ENV=${opts.nodeEnv}`);
  const conn: Connection = await mongoose
    .createConnection(opts.url, { dbName: opts.dbName, autoIndex: false, maxPoolSize: opts.poolSize, minPoolSize: 2 })
    .asPromise();
  return conn;
}
