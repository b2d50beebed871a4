import type { Actor } from '@gov/platform/auth';
import { checkCovers, isRestricted, jurisdictionOf, needsTownship } from '../domain/jurisdiction';
import type { Villages } from './geography-ports';

/**
 * Applies the jurisdiction rule (domain/jurisdiction.ts, spec credit §2.4) to one village. The village is given
 * as an id or as a function that finds it: the function runs only for a village or township role, so district
 * roles pay no extra read. A station's township is looked up in the registry.
 */
export function createJurisdictionGuard(deps: { villages: Villages }) {
  return async function check(actor: Actor, what: string, village: string | (() => Promise<string>)): Promise<void> {
    const j = jurisdictionOf(actor);
    if (!isRestricted(j)) return;
    const villageId = typeof village === 'string' ? village : await village();
    const township = needsTownship(j) ? (await deps.villages.get(villageId))?.value.townshipId : undefined;
    checkCovers(j, what, villageId, township);
  };
}
export type CheckJurisdiction = ReturnType<typeof createJurisdictionGuard>;
