import type { Actor } from '@gov/platform/auth';
import { checkCovers, isRestricted, jurisdictionOf, needsTownship, needsVillage } from '../domain/jurisdiction';
import type { Villages } from './geography-ports';

/** A village given as its id, or as a function that finds it (run only when the check needs it). */
export type VillageOf = string | (() => Promise<string>);
/**
 * Where an item lies: its village, or its village and the household it belongs to. An item named without a
 * household is a village's as a whole (a notice to open, a village to assess): no household login covers it.
 */
export type Place = VillageOf | { villageId: VillageOf; householdId: string };

/**
 * Applies the jurisdiction rule (domain/jurisdiction.ts, spec credit §2.4) to one item. Its village is looked up
 * only for a village or township role, so district roles pay no extra read, and a household login is checked on
 * the household id alone: it is refused before anything about another household is read. A station's township is
 * looked up in the registry.
 */
export function createJurisdictionGuard(deps: { villages: Villages }) {
  return async function check(actor: Actor, what: string, place: Place): Promise<void> {
    const j = jurisdictionOf(actor);
    if (!isRestricted(j)) return;
    const { villageId: village, householdId } =
      typeof place === 'object' ? place : { villageId: place, householdId: undefined };
    if (!needsVillage(j)) return checkCovers(j, what, '', undefined, householdId);
    const villageId = typeof village === 'string' ? village : await village();
    const township = needsTownship(j) ? (await deps.villages.get(villageId))?.value.townshipId : undefined;
    checkCovers(j, what, villageId, township, householdId);
  };
}
export type CheckJurisdiction = ReturnType<typeof createJurisdictionGuard>;

/**
 * Runs a lookup at most once, however many times it is asked for (a rejection is kept too): the guard may need
 * an item's village before the use case reads the item itself.
 */
export function once<T>(f: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () => (result ??= f());
}
