import { z } from 'zod';
import { resourceId } from './common.schema';

/** 乡 or 涉农街道 (spec credit §3.1). */
export const townshipType = z.enum(['TOWNSHIP', 'AGRI_STREET']);
export type TownshipTypeName = z.infer<typeof townshipType>;

const unitName = z.string().trim().min(1).max(100);
const unitId = resourceId.meta({
  description: 'the unit’s own code (e.g. its statistical division code), the id households and lines name it by',
});

/** Body of POST /v1/credit/townships. */
export const registerTownshipBody = z.strictObject({
  id: unitId,
  districtId: resourceId,
  name: unitName,
  type: townshipType,
});
export type RegisterTownshipBody = z.output<typeof registerTownshipBody>;

/** Body of PUT /v1/credit/townships/{id}: the township's new state. */
export const updateTownshipBody = registerTownshipBody.omit({ id: true });

/** Body of POST /v1/credit/villages (行政村 of a registered township). */
export const registerVillageBody = z.strictObject({
  id: unitId,
  townshipId: resourceId,
  name: unitName,
  isPoorVillage: z.boolean().default(false).meta({ description: '贫困村' }),
});

/** Body of PUT /v1/credit/villages/{id}: name and 贫困村 flag; the township never changes. */
export const updateVillageBody = z.strictObject({ name: unitName, isPoorVillage: z.boolean() });

/** Body of POST /v1/credit/villager-groups (村民小组 of a registered village). */
export const registerVillagerGroupBody = z.strictObject({ id: unitId, villageId: resourceId, name: unitName });

/** Body of PUT /v1/credit/villager-groups/{id}: the name; the village never changes. */
export const updateVillagerGroupBody = z.strictObject({ name: unitName });

export const townshipJson = z
  .object({
    id: z.string(),
    districtId: z.string(),
    name: z.string(),
    type: z.enum([...townshipType.options, 'UNSPECIFIED']),
  })
  .meta({ description: '乡 / 涉农街道 — a township of the district.' });

export const villageJson = z
  .object({ id: z.string(), townshipId: z.string(), name: z.string(), isPoorVillage: z.boolean() })
  .meta({ description: '行政村 — an administrative village.' });

export const villagerGroupJson = z
  .object({ id: z.string(), villageId: z.string(), name: z.string() })
  .meta({ description: '村民小组 — a villager group.' });

export const villageListJson = z
  .object({ villages: z.array(villageJson) })
  .meta({ description: 'The township’s registered villages by id; the township breaker counts these (§13.4).' });

export const villagerGroupListJson = z
  .object({ villagerGroups: z.array(villagerGroupJson) })
  .meta({ description: 'The village’s registered villager groups by id.' });
