import type { Connection } from 'mongoose';
import { isDuplicateKey, modelOf } from '@gov/platform';
import type { Rosters } from '../../app/ports';
import type { RosterAmendments } from '../../app/shift-ports';
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
  const versions = () => conn.collection('roster_versions');
  /** Amendments (spec duty §4.3): the version read is kept in `roster_versions`, then replaced if unchanged. */
  const amendments: RosterAmendments = {
    async get(id) {
      const rec = (await model.collection.findOne({ _id: id } as never)) as unknown as RosterRecord | null;
      if (!rec) return undefined;
      const { _id, ...r } = rec;
      return { id: _id, ...r } as Roster;
    },
    async amend(next, expectedVersion) {
      const { id, ...rest } = next;
      // a roster locked meanwhile (period ended, see lock) is not amended: its lock mark is null until then
      const prev = await model.collection.findOne({ _id: id, version: expectedVersion, lockedAt: null } as never);
      if (!prev) return false;
      try {
        await versions().insertOne({ ...prev, _id: `${id}:v${expectedVersion}`, rosterId: id } as never);
      } catch (e) {
        if (!isDuplicateKey(e)) throw e; // kept by an earlier try
      }
      const res = await model.collection.replaceOne(
        { _id: id, version: expectedVersion, lockedAt: null } as never,
        rest as never,
      );
      return res.matchedCount === 1;
    },
  };
  /**
   * §4.3 period end: marks published rosters LOCKED — one by id, or (no id) every one whose period ended by `at`.
   * Returns the ids it marked. Amendments are conditioned on the mark being absent.
   */
  const lock = async (at: Date, id?: string): Promise<string[]> => {
    const filter = id ? { _id: id, lockedAt: null } : { periodEnd: { $lte: at }, lockedAt: null };
    const ids = (await model.collection.find(filter as never, { projection: { _id: 1 } }).toArray()).map((r) =>
      String(r._id),
    );
    if (ids.length)
      await model.collection.updateMany({ _id: { $in: ids }, lockedAt: null } as never, { $set: { lockedAt: at } });
    return ids;
  };
  /**
   * A roster published through review (roster-review): inserted only if absent, so a re-projection never
   * overwrites a version amended by swaps since. The cache reads it like any other published roster.
   */
  const publishIfAbsent = async (r: Roster): Promise<void> => {
    const { id, ...rest } = r;
    try {
      await model.collection.insertOne({ _id: id, ...rest } as never);
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
    }
  };
  return { ...repo, model, amendments, published: { publishIfAbsent, lock } };
}
