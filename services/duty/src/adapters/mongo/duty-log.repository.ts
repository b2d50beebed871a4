import type { Connection } from 'mongoose';
import type { DutyLogStore } from '../../app/ports';
import type { LogEntry } from '../../domain/duty-log';
import { insertIgnoringDuplicates } from './group-commit';

/**
 * `duty_log`: one document per entry with `_id` = its sequence number, written by insert only — the unique
 * id both orders the chain and refuses a second entry for a number; nothing in this service updates it.
 */
export function createDutyLogRepository(conn: Connection): DutyLogStore {
  const col = () => conn.collection('duty_log');
  return {
    async all() {
      const docs = (await col().find({}).toArray()) as unknown as (Omit<LogEntry, 'seq'> & { _id: number })[];
      return docs.map(({ _id, ...e }) => ({ ...e, seq: _id }) as LogEntry).sort((a, b) => a.seq - b.seq);
    },
    async insert(entry) {
      const { seq, ...rest } = entry;
      const [created] = await insertIgnoringDuplicates(conn, 'duty_log', [{ _id: seq, ...rest }]);
      return created ?? false;
    },
  };
}
