import type { Actor } from '@gov/platform/auth';
import { CreditError } from '../domain/credit-error';
import {
  checkReRegistration,
  checkTownship,
  checkVillage,
  checkVillagerGroup,
  tidyName,
  type Township,
  type Village,
  type VillagerGroup,
} from '../domain/geography';
import { covers, jurisdictionOf } from '../domain/jurisdiction';
import { roleFor } from '../domain/permissions';
import type { Townships, VillagerGroups, Villages } from './geography-ports';
import type { AggregateStore, Clock, Idempotency } from './ports';

type Command<I> = { idempotencyKey: string; input: I };

/**
 * The geography registry (spec credit §3.1): townships, their administrative villages and villager groups,
 * registered and corrected by the leading-group office or the center (§2.4), read by every credit role. Units
 * publish no events; each write is audited on the unit like any other aggregate.
 */
export function createGeography(deps: {
  townships: Townships;
  villages: Villages;
  groups: VillagerGroups;
  idempotency: Idempotency;
  clock: Clock;
}) {
  const unknown = {
    township: (id: string) => new CreditError('TOWNSHIP_UNKNOWN', `township ${id} is not registered`),
    village: (id: string) => new CreditError('VILLAGE_UNKNOWN', `village ${id} is not registered`),
    group: (id: string) => new CreditError('VILLAGER_GROUP_UNKNOWN', `villager group ${id} is not registered`),
  };
  const load = async <T extends { id: string }>(store: AggregateStore<T>, id: string, missing: CreditError) => {
    const s = await store.get(id);
    if (!s) throw missing;
    return s;
  };

  /**
   * Runs a manage command once per key (a retry answers with the unit as it is now) and reads the unit back.
   * Only the unit's id goes through the key store, so nothing is lost to its JSON round trip.
   */
  async function command<T extends { id: string }>(
    name: string,
    cmd: Command<{ id: string }>,
    actor: Actor,
    target: { store: AggregateStore<T>; missing: CreditError },
    write: (role: string) => Promise<void>,
    validate: () => void = () => {},
  ): Promise<T> {
    const role = roleFor(actor, 'manageGeography');
    validate();
    const { id } = await deps.idempotency.run(`credit.${name}:${actor.userId}`, cmd.idempotencyKey, cmd.input, () =>
      write(role).then(() => ({ id: cmd.input.id })),
    );
    return (await load(target.store, id, target.missing)).value;
  }

  /** Creates the unit once under its own id; the same unit again is a retry under a fresh key. */
  async function registerOnce<T extends { id: string }>(
    store: AggregateStore<T>,
    unit: T,
    note: { action: string; actor: Actor; role: string; details: Record<string, unknown> },
  ): Promise<void> {
    const existing = await store.get(unit.id);
    if (existing) return checkReRegistration(existing.value, unit);
    if (await store.create(unit, [], { ...note, at: deps.clock.now() })) return;
    // a concurrent registration of the id won between the read and the insert
    checkReRegistration((await store.get(unit.id))!.value, unit);
  }

  /** Writes the new state when it differs, recording each changed field's old and new value. */
  async function change<T extends { id: string }>(
    store: AggregateStore<T>,
    next: T,
    missing: CreditError,
    note: { action: string; actor: Actor; role: string },
  ): Promise<void> {
    const cur = await load(store, next.id, missing);
    const changed = (Object.keys(next) as (keyof T & string)[])
      .filter((k) => cur.value[k] !== next[k])
      .map((k) => ({ field: k, from: cur.value[k], to: next[k] }));
    if (changed.length === 0) return;
    await store.update(next, cur.version, [], { ...note, at: deps.clock.now(), details: { changed } }, cur);
  }

  /** Villages and townships share the breaker collection's ids (§13.4): one id names one unit. */
  async function refuseIdOf(other: AggregateStore<{ id: string }>, id: string, what: string) {
    if (await other.get(id)) throw new CreditError('GEOGRAPHY_ALREADY_REGISTERED', `${id} is already a ${what}'s id`);
  }

  const at = {
    township: (id: string) => ({ store: deps.townships, missing: unknown.township(id) }),
    village: (id: string) => ({ store: deps.villages, missing: unknown.village(id) }),
    group: (id: string) => ({ store: deps.groups, missing: unknown.group(id) }),
  };

  return {
    registerTownship(cmd: Command<Township>, actor: Actor) {
      const t = tidyName(cmd.input);
      const write = async (role: string) => {
        await refuseIdOf(deps.villages, t.id, 'village');
        await registerOnce(deps.townships, t, {
          action: 'township.registered',
          actor,
          role,
          details: { districtId: t.districtId, type: t.type },
        });
      };
      return command('registerTownship', { ...cmd, input: t }, actor, at.township(t.id), write, () => checkTownship(t));
    },
    /** District, name and type; the id stays. */
    updateTownship(cmd: Command<Township>, actor: Actor) {
      const t = tidyName(cmd.input);
      const write = (role: string) =>
        change(deps.townships, t, unknown.township(t.id), { action: 'township.updated', actor, role });
      return command('updateTownship', { ...cmd, input: t }, actor, at.township(t.id), write, () => checkTownship(t));
    },
    registerVillage(cmd: Command<Village>, actor: Actor) {
      const v = tidyName(cmd.input);
      const write = async (role: string) => {
        await load(deps.townships, v.townshipId, unknown.township(v.townshipId));
        await refuseIdOf(deps.townships, v.id, 'township');
        await registerOnce(deps.villages, v, {
          action: 'village.registered',
          actor,
          role,
          details: { townshipId: v.townshipId, isPoorVillage: v.isPoorVillage },
        });
      };
      return command('registerVillage', { ...cmd, input: v }, actor, at.village(v.id), write, () => checkVillage(v));
    },
    /** Name and the 贫困村 flag only: the village's township stays, as its households and lines name it. */
    updateVillage(cmd: Command<Omit<Village, 'townshipId'>>, actor: Actor) {
      const { id } = cmd.input;
      return command('updateVillage', cmd, actor, at.village(id), async (role) => {
        const cur = await load(deps.villages, id, unknown.village(id));
        // checked against the stored village: only the fields an update may change can be wrong here
        const next = tidyName({ ...cur.value, name: cmd.input.name, isPoorVillage: cmd.input.isPoorVillage });
        checkVillage(next);
        await change(deps.villages, next, unknown.village(id), { action: 'village.updated', actor, role });
      });
    },
    registerVillagerGroup(cmd: Command<VillagerGroup>, actor: Actor) {
      const g = tidyName(cmd.input);
      const write = async (role: string) => {
        await load(deps.villages, g.villageId, unknown.village(g.villageId));
        await registerOnce(deps.groups, g, {
          action: 'villager-group.registered',
          actor,
          role,
          details: { villageId: g.villageId },
        });
      };
      return command('registerVillagerGroup', { ...cmd, input: g }, actor, at.group(g.id), write, () =>
        checkVillagerGroup(g),
      );
    },
    /** The name only: the group's village stays. */
    updateVillagerGroup(cmd: Command<Omit<VillagerGroup, 'villageId'>>, actor: Actor) {
      const { id } = cmd.input;
      return command('updateVillagerGroup', cmd, actor, at.group(id), async (role) => {
        const cur = await load(deps.groups, id, unknown.group(id));
        const next = tidyName({ ...cur.value, name: cmd.input.name });
        checkVillagerGroup(next);
        await change(deps.groups, next, unknown.group(id), { action: 'villager-group.updated', actor, role });
      });
    },
    /**
     * The township's villages within the caller's jurisdiction (§2.4): all of them for a district role or the
     * township's own station, a village role's own village only, nothing for another township's station.
     */
    async listVillages(townshipId: string, actor: Actor): Promise<Village[]> {
      roleFor(actor, 'readGeography');
      await load(deps.townships, townshipId, unknown.township(townshipId));
      const j = jurisdictionOf(actor);
      return (await deps.villages.listByTownship(townshipId)).filter((v) => covers(j, v.id, v.townshipId));
    },
    /** The village's groups, or none when the village is outside the caller's jurisdiction (§2.4). */
    async listVillagerGroups(villageId: string, actor: Actor): Promise<VillagerGroup[]> {
      roleFor(actor, 'readGeography');
      const village = (await load(deps.villages, villageId, unknown.village(villageId))).value;
      if (!covers(jurisdictionOf(actor), village.id, village.townshipId)) return [];
      return deps.groups.listByVillage(villageId);
    },
  };
}
