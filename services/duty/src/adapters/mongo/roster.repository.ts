import type { Connection } from 'mongoose';
import { modelOf } from '@gov/platform';
import type { Rosters } from '../../app/ports';
import type { Roster } from '../../domain/roster';
import { rosterSchema, type RosterRecord } from './roster.schema';

/** Published rosters; the cache loads those not yet ended. */
export function createRosterRepository(conn: Connection, clock: { now(): Date }) {
  const model = modelOf(conn, 'Roster', rosterSchema);
  const repo: Rosters = {
    async save(r) {
      const { id, ...rest } = r;
      await model.collection.replaceOne({ _id: id } as never, rest as never, { upsert: true });
    },
    async all() {
      const recs = (await model.collection
        .find({ periodEnd: { $gt: new Date(clock.now().getTime() - 86_400_000) } } as never)
        .toArray()) as unknown as RosterRecord[];
      return recs.map(({ _id, ...r }) => ({ id: _id, ...r }) as Roster);
    },
  };
  return { ...repo, model };
}
