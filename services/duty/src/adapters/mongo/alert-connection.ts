import type { Connection } from 'mongoose';
import { connectMongo, type Logger } from '@gov/platform';

/**
 * A second connection for the alert path, with a pool. The kit's main connection is a single socket on FerretDB
 * (it keeps updates of one document atomic), and intake must not queue behind the outbox relay's updates on it.
 * The alert path only inserts documents with unique ids and reads by id, which stays atomic on any number of
 * connections, so it asks the kit for an insert-only pool (same database, same test-database guard).
 */
export async function connectAlertPath(opts: {
  url: string;
  dbName: string;
  nodeEnv: string;
  poolSize: number;
  logger: Logger;
}): Promise<Connection> {
  return connectMongo({
    url: opts.url,
    dbName: opts.dbName,
    nodeEnv: opts.nodeEnv,
    logger: opts.logger,
    insertOnlyPool: opts.poolSize,
  });
}
