import type { Connection, Model } from 'mongoose';
import { modelOf, type AggregateDocument, type OutboxHandoff } from '@gov/platform';
import type { VillagerGroups, Villages } from '../../app/geography-ports';
import type { Township, Village, VillagerGroup } from '../../domain/geography';
import { aggregateRepository } from './aggregate.repository';
import { townshipSchema, villageSchema, villagerGroupSchema } from './geography.schemas';

type Relay = { handoff: OutboxHandoff };
const asModel = (m: unknown) => m as Model<AggregateDocument>;

/** By id, a thousand ids per query: a batch import may name thousands of villager groups. */
async function findByIds<T>(model: Model<AggregateDocument>, ids: readonly string[], toValue: (r: unknown) => T) {
  const found: T[] = [];
  for (let i = 0; i < ids.length; i += 1000) {
    const recs = await model.find({ _id: { $in: ids.slice(i, i + 1000) } } as never).lean();
    found.push(...recs.map(toValue));
  }
  return found;
}

export function createTownshipRepository(conn: Connection, opts: Relay) {
  const model = asModel(modelOf(conn, 'Township', townshipSchema));
  return { ...aggregateRepository<Township>(model, opts.handoff), model };
}

export function createVillageRepository(conn: Connection, opts: Relay) {
  const model = asModel(modelOf(conn, 'Village', villageSchema));
  const base = aggregateRepository<Village>(model, opts.handoff);
  const repo: Villages = {
    ...base,
    async listByTownship(townshipId) {
      const recs = await model
        .find({ townshipId } as never)
        .sort({ _id: 1 })
        .lean();
      return recs.map((r) => base.toStored(r).value);
    },
    getMany: (ids) => findByIds(model, ids, (r) => base.toStored(r).value),
  };
  return { ...repo, model };
}

export function createVillagerGroupRepository(conn: Connection, opts: Relay) {
  const model = asModel(modelOf(conn, 'VillagerGroup', villagerGroupSchema));
  const base = aggregateRepository<VillagerGroup>(model, opts.handoff);
  const repo: VillagerGroups = {
    ...base,
    async listByVillage(villageId) {
      const recs = await model
        .find({ villageId } as never)
        .sort({ _id: 1 })
        .lean();
      return recs.map((r) => base.toStored(r).value);
    },
    getMany: (ids) => findByIds(model, ids, (r) => base.toStored(r).value),
  };
  return { ...repo, model };
}
