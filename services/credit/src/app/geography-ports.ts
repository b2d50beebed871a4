import type { Township, Village, VillagerGroup } from '../domain/geography';
import type { AggregateStore } from './ports';

/** The district's townships (spec credit §3.1); read by id only. */
export type Townships = AggregateStore<Township>;

/** Administrative villages (spec credit §3.1). */
export interface Villages extends AggregateStore<Village> {
  /** The township's villages, by id: ListVillages and the township breaker's village count (§13.4). */
  listByTownship(townshipId: string): Promise<Village[]>;
  /** Those of `ids` that are registered, in no particular order (placement checks of a batch). */
  getMany(ids: readonly string[]): Promise<Village[]>;
}

/** Villager groups (spec credit §3.1). */
export interface VillagerGroups extends AggregateStore<VillagerGroup> {
  /** The village's groups, by id. */
  listByVillage(villageId: string): Promise<VillagerGroup[]>;
  getMany(ids: readonly string[]): Promise<VillagerGroup[]>;
}
