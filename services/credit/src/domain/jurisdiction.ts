import type { Actor } from '@gov/platform/auth';
import { CreditError } from './credit-error';

/**
 * 辖区 — the part of the district an actor may read and act on (spec credit §2.4 row-level security, §2.3 tiers).
 * `HOUSEHOLD` is a household's own self-service login: its own file and nothing else (§2.4 "view own grade and
 * certificate"). `NOT_PLACED` is a role §2.3 puts in no tier (DATA_PROVIDER): geography does not bound it, its
 * permissions do.
 */
export type Jurisdiction =
  | { level: 'DISTRICT' }
  | { level: 'TOWNSHIP'; townshipId: string }
  | { level: 'VILLAGE'; villageId: string }
  | { level: 'HOUSEHOLD'; householdId: string }
  | { level: 'NOT_PLACED' };

/** Roles of the district tier and the service itself: the whole district. */
export const districtRoles = [
  'LG_OFFICE',
  'POVERTY_OFFICE',
  'CENTER_STAFF',
  'BANK_OFFICER',
  'INSURER_OFFICER',
  'AUDITOR',
  'SYSTEM',
] as const;
/** 服务站 — one per township or agri street. */
export const townshipRoles = ['STATION_STAFF'] as const;
/** 采集小组 and the 村级评定 panel — one village each. */
export const villageRoles = ['VILLAGE_COLLECTOR', 'VILLAGE_PANEL'] as const;
/** 农户 self-service: one household, named by the org unit as a village role names its village. */
export const householdRoles = ['HOUSEHOLD'] as const;

/**
 * The unit an org unit id names: the id itself (`vg-1`) or its first segment (`vg-1/collection-group`,
 * `tw-1/service-station`, as collection tasks name their assignees). Registry ids cannot contain '/'.
 */
export const unitOfOrg = (orgUnitId: string): string => (orgUnitId.split('/')[0] ?? '').trim();

/**
 * Where the actor serves. An actor carries one org unit, so the widest tier among its roles decides: a district
 * role keeps the whole district whatever else the actor holds, then the station's township, then the village,
 * and only then the household a self-service login names.
 */
export function jurisdictionOf(actor: Actor): Jurisdiction {
  const holds = (roles: readonly string[]) => actor.roles.some((r) => roles.includes(r));
  if (holds(districtRoles)) return { level: 'DISTRICT' };
  if (holds(townshipRoles)) return { level: 'TOWNSHIP', townshipId: unitOfOrg(actor.orgUnitId) };
  if (holds(villageRoles)) return { level: 'VILLAGE', villageId: unitOfOrg(actor.orgUnitId) };
  if (holds(householdRoles)) return { level: 'HOUSEHOLD', householdId: unitOfOrg(actor.orgUnitId) };
  return { level: 'NOT_PLACED' };
}

/**
 * Whether the jurisdiction covers an item of a village. `registeredTownshipId` is the village's township as the
 * registry has it, undefined for a village nobody registered. A station's township is taken from the registry
 * only, never from what a household or line says about itself: those fields are checked against the registry only
 * once the village is registered. So an unregistered village is seen by district roles and by its own village
 * roles, and by no station until someone registers it. `householdId` is the household the item belongs to, if it
 * belongs to one: a household login covers that household's items only, and nothing of a village as a whole. A
 * placed role without an org unit covers nothing.
 */
export function covers(
  j: Jurisdiction,
  villageId: string,
  registeredTownshipId: string | undefined,
  householdId?: string,
): boolean {
  switch (j.level) {
    case 'DISTRICT':
    case 'NOT_PLACED':
      return true;
    case 'TOWNSHIP':
      return j.townshipId !== '' && registeredTownshipId === j.townshipId;
    case 'VILLAGE':
      return j.villageId !== '' && villageId === j.villageId;
    case 'HOUSEHOLD':
      return j.householdId !== '' && householdId === j.householdId;
  }
}

/** Whether the jurisdiction bounds anything at all (a village, township or household login). */
export const isRestricted = (j: Jurisdiction): boolean =>
  j.level === 'TOWNSHIP' || j.level === 'VILLAGE' || j.level === 'HOUSEHOLD';

/** Whether checking an item needs its village: a household login is checked on the household id alone. */
export const needsVillage = (j: Jurisdiction): boolean => j.level === 'TOWNSHIP' || j.level === 'VILLAGE';

/** Whether checking a village needs its registered township (only a station's does). */
export const needsTownship = (j: Jurisdiction): boolean => j.level === 'TOWNSHIP';

/** The household a self-service login is confined to, if the actor is one. */
export const ownHouseholdOf = (j: Jurisdiction): string | undefined =>
  j.level === 'HOUSEHOLD' ? j.householdId : undefined;

const unitName = (j: Jurisdiction): string => {
  switch (j.level) {
    case 'TOWNSHIP':
      return `township ${j.townshipId || '(none)'}`;
    case 'VILLAGE':
      return `village ${j.villageId || '(none)'}`;
    case 'HOUSEHOLD':
      return `household ${j.householdId || '(none)'}`;
    default:
      return 'the district';
  }
};

/**
 * Refuses with OUTSIDE_JURISDICTION. The message names the caller's own unit, not the one asked for, so a refusal
 * does not tell where another village's household lives.
 */
export function checkCovers(
  j: Jurisdiction,
  what: string,
  villageId: string,
  registeredTownshipId: string | undefined,
  householdId?: string,
): void {
  if (!covers(j, villageId, registeredTownshipId, householdId))
    throw new CreditError('OUTSIDE_JURISDICTION', `${what} is outside ${unitName(j)} (spec credit §2.4)`);
}
