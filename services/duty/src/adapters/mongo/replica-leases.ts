import type { Connection } from 'mongoose';
import type { ReplicaLeases } from '../../app/ports';
import { insertIgnoringDuplicates } from './group-commit';

interface LeaseDoc {
  _id: string;
  epoch: number;
  servedBy: string;
  leaseUntil: Date;
}

/**
 * One lease document per replica in `replica_leases` (a handful of documents, so updates stay cheap on
 * FerretDB). Adoption of a lapsed replica is decided by a unique insert of `adopt|<replica>|<epoch>`, so of
 * two survivors exactly one adopts; the epoch then fences whoever served before.
 */
export function createReplicaLeases(alert: Connection): ReplicaLeases {
  const col = () => alert.collection<LeaseDoc>('replica_leases');
  return {
    async register(owner, leaseUntil) {
      const cur = await col().findOne({ _id: owner });
      const epoch = (cur?.epoch ?? 0) + 1;
      await col().replaceOne({ _id: owner }, { epoch, servedBy: owner, leaseUntil }, { upsert: true });
      return epoch;
    },
    async renew(server, served, leaseUntil) {
      const kept = new Map<string, number>();
      for (const [owner, epoch] of served) {
        const res = await col().updateOne({ _id: owner, epoch, servedBy: server }, { $set: { leaseUntil } });
        if (res.matchedCount === 1) kept.set(owner, epoch);
      }
      return kept;
    },
    async adoptLapsed(server, now, leaseUntil) {
      const lapsed = await col()
        .find({ leaseUntil: { $lt: now } })
        .toArray();
      const adopted = new Map<string, number>();
      for (const l of lapsed) {
        if (l.servedBy === server) continue;
        const [won] = await insertIgnoringDuplicates(alert, 'replica_adoptions', [
          { _id: `adopt|${l._id}|${l.epoch}`, by: server, at: now },
        ]);
        if (!won) continue;
        const epoch = l.epoch + 1;
        const res = await col().updateOne(
          { _id: l._id, epoch: l.epoch },
          { $set: { epoch, servedBy: server, leaseUntil } },
        );
        if (res.matchedCount === 1) adopted.set(l._id, epoch);
      }
      return adopted;
    },
  };
}
