import { Schema } from 'mongoose';
import { aggregateFields } from '@gov/platform';

// The geography registry (spec credit §3.1). `_id` is the unit's own code, the one households and lines carry.
// Units publish no events today; they keep the aggregate fields for the version check and the audit trail.

/** 乡 / 涉农街道; read by id only. */
export const townshipSchema = new Schema(
  {
    _id: { type: String, required: true },
    districtId: { type: String, required: true },
    name: { type: String, required: true },
    type: { type: String, required: true },
    ...aggregateFields,
  } as never,
  { collection: 'townships', versionKey: false },
);

/** 行政村. */
export const villageSchema = new Schema(
  {
    _id: { type: String, required: true },
    // serves ListVillages and the township breaker's village count (§13.4): the villages of a township
    townshipId: { type: String, required: true, index: true },
    name: { type: String, required: true },
    isPoorVillage: { type: Boolean, required: true },
    ...aggregateFields,
  } as never,
  { collection: 'villages', versionKey: false },
);

/** 村民小组. */
export const villagerGroupSchema = new Schema(
  {
    _id: { type: String, required: true },
    // serves ListVillagerGroups: the groups of a village
    villageId: { type: String, required: true, index: true },
    name: { type: String, required: true },
    ...aggregateFields,
  } as never,
  { collection: 'villager_groups', versionKey: false },
);
