import type { Actor } from '@gov/platform/auth';
import { CreditError } from './credit-error';

/**
 * 辖区 — the part of the district an actor may read and act on (spec credit §2.4 row-level security, §2.3 tiers).
 * `NOT_PLACED` is a role §2.3 puts in no tier (HOUSEHOLD, DATA_PROVIDER): geography does not bound it, its
 * permissions do; a household's own-file rule is a separate matter.
 */
export type Jurisdiction =
  | { level: 'DISTRICT' }
  | { level: 'TOWNSHIP'; townshipId: string }
  | { level: 'VILLAGE'; villageId: string }
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

/**
 * The unit an org unit id names: the id itself (`vg-1`) or its first segment (`vg-1/collection-group`,
 * `tw-1/service-station`, as collection tasks name their assignees). Registry ids cannot contain '/'.
 */
export const unitOfOrg = (orgUnitId: string): string => (orgUnitId.split('/')[0] ?? '').trim();

/**
 * Where the actor serves. An actor carries one org unit, so the widest tier among its roles decides: a district
 * role keeps the whole district whatever else the actor holds, then the station's township, then the village.
 */
export function jurisdictionOf(actor: Actor): Jurisdiction {
  const holds = (roles: readonly string[]) => actor.roles.some((r) => roles.includes(r));
  if (holds(districtRoles)) return { level: 'DISTRICT' };
  if (holds(townshipRoles)) return { level: 'TOWNSHIP', townshipId: unitOfOrg(actor.orgUnitId) };
  if (holds(villageRoles)) return { level: 'VILLAGE', villageId: unitOfOrg(actor.orgUnitId) };
  return { level: 'NOT_PLACED' };
}

/**
 * Whether the jurisdiction covers a village. `registeredTownshipId` is the village's township as the registry has
 * it, undefined for a village nobody registered. A station's township is taken from the registry only, never from
 * what a household or line says about itself: those fields are checked against the registry only once the village
 * is registered. So an unregistered village is seen by district roles and by its own village roles, and by no
 * station until someone registers it. A placed role without an org unit covers nothing.
 */
export function covers(j: Jurisdiction, villageId: string, registeredTownshipId: string | undefined): boolean {
  switch (j.level) {
    case 'DISTRICT':
    case 'NOT_PLACED':
      return true;
    case 'TOWNSHIP':
      return j.townshipId !== '' && registeredTownshipId === j.townshipId;
    case 'VILLAGE':
      return j.villageId !== '' && villageId === j.villageId;
  }
}

/** Whether the jurisdiction bounds anything at all (a village or township role). */
export const isRestricted = (j: Jurisdiction): boolean => j.level === 'TOWNSHIP' || j.level === 'VILLAGE';

/** Whether checking a village needs its registered township (only a station's does). */
export const needsTownship = (j: Jurisdiction): boolean => j.level === 'TOWNSHIP';

const unitName = (j: Jurisdiction): string =>
  j.level === 'TOWNSHIP'
    ? `township ${j.townshipId || '(none)'}`
    : j.level === 'VILLAGE'
      ? `village ${j.villageId || '(none)'}`
      : 'the district';

/**
 * Refuses with OUTSIDE_JURISDICTION. The message names the caller's own unit, not the one asked for, so a refusal
 * does not tell where another village's household lives.
 */
export function checkCovers(
  j: Jurisdiction,
  what: string,
  villageId: string,
  registeredTownshipId: string | undefined,
): void {
  if (!covers(j, villageId, registeredTownshipId))
    throw new CreditError('OUTSIDE_JURISDICTION', `${what} is outside ${unitName(j)} (spec credit §2.4)`);
}
