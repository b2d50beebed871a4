import { checkPlacements, placementProblems } from '../domain/geography';
import type { VillagerGroups, Villages } from './geography-ports';

type Place = { townshipId: string; villageId: string; villagerGroupId: string };

/**
 * Checks where households say they live against the geography registry before they are registered or imported
 * (spec credit §3.1-3.2); the rule and why unregistered units pass are in `placementProblems`. A batch costs two
 * reads whatever its size: its distinct villages and groups are fetched at once.
 */
export function createCheckPlacement(deps: { villages: Villages; groups: VillagerGroups }) {
  return async function checkPlacement(households: readonly Place[], fieldPrefix: (index: number) => string) {
    const distinct = (ids: string[]) => [...new Set(ids)];
    const [villages, groups] = await Promise.all([
      deps.villages.getMany(distinct(households.map((h) => h.villageId))),
      deps.groups.getMany(distinct(households.map((h) => h.villagerGroupId))),
    ]);
    const village = new Map(villages.map((v) => [v.id, v]));
    const group = new Map(groups.map((g) => [g.id, g]));
    checkPlacements(
      households.map((h, index) => ({
        index,
        problems: placementProblems(h, village.get(h.villageId), group.get(h.villagerGroupId)),
      })),
      fieldPrefix,
    );
  };
}
export type CheckPlacement = ReturnType<typeof createCheckPlacement>;
