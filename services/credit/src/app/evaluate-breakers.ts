import type { Actor } from '@gov/platform/auth';
import { bookOf, type CreditLine } from '../domain/credit-line';
import { roleFor } from '../domain/permissions';
import type { LendingPolicy } from '../domain/policy';
import { CreditError } from '../domain/credit-error';
import { breakerVillageIds } from '../domain/geography';
import { evaluateBreakers, nplAbove, nplBp } from '../domain/risk';
import type { Villages } from './geography-ports';
import type { BreakerState, Breakers, Clock, CreditLines, Stored } from './ports';

/**
 * 熔断 job for one township (spec credit §13.4): books per village from the lines' loans; CB-V freezes the
 * lines of each breached village, CB-T suspends every line of the township and names the accountable heads.
 * CB-T's share is over the township's registered villages (see breakerVillageIds).
 * Re-running it changes nothing: lines already frozen/suspended and breakers already tripped are left alone.
 */
export function createEvaluateBreakers(deps: {
  lines: CreditLines;
  /** The geography registry: the township's administrative villages are CB-T's denominator. */
  villages: Villages;
  breakers: Breakers;
  clock: Clock;
  lending: LendingPolicy;
  accountableHeads: (townshipId: string) => string[];
}) {
  async function trip(
    id: string,
    unitType: BreakerState['unitType'],
    at: Date,
    actor: Actor,
    role: string,
    event: Parameters<Breakers['create']>[1][number],
  ) {
    const cur = await deps.breakers.get(id);
    const note = { action: 'breaker.tripped', actor, role, at, details: { unitType } };
    if (!cur) return deps.breakers.create({ id, unitType, tripped: true, trippedAt: at }, [event], note);
    if (cur.value.tripped) return false;
    await deps.breakers.update({ ...cur.value, tripped: true, trippedAt: at }, cur.version, [event], note, cur);
    return true;
  }

  async function setStatus(
    l: Stored<CreditLine>,
    status: 'FROZEN' | 'SUSPENDED',
    reason: string,
    at: Date,
    actor: Actor,
    role: string,
  ) {
    // revoked and expired lines are final: a breaker never touches them
    const rank = { ACTIVE: 0, FROZEN: 1, SUSPENDED: 2, REVOKED: 3, EXPIRED: 3 };
    if (rank[l.value.status] >= rank[status]) return;
    const next = { ...l.value, status };
    await deps.lines.update(
      next,
      l.version,
      [{ type: 'CreditLineStatusChanged', line: next, oldStatus: l.value.status, reason, at }],
      {
        action: `credit-line.${status.toLowerCase()}`,
        actor,
        role,
        reason,
        at,
      },
      l,
    );
  }

  /**
   * Lifting (spec credit §13.4 [inferred]): only the leading-group office, with a reason, and only once the
   * unit's NPL ratio is back at or under the threshold. Village lines return to ACTIVE unless their township
   * is still tripped; township lines return to FROZEN where their village is still tripped, else ACTIVE.
   */
  async function lift(
    cmd: { unitType: 'VILLAGE' | 'TOWNSHIP'; unitId: string; townshipId: string; reason: string },
    actor: Actor,
  ) {
    const role = roleFor(actor, 'liftBreaker');
    if (!cmd.reason.trim()) throw new CreditError('CREDIT_INPUT_INVALID', 'lifting a breaker needs a reason');
    const breaker = await deps.breakers.get(cmd.unitId);
    if (!breaker?.value.tripped) throw new CreditError('BREAKER_NOT_TRIPPED', `${cmd.unitId} has no tripped breaker`);
    const lines = await deps.lines.listByTownship(cmd.townshipId);
    const inUnit = lines.filter((l) => cmd.unitType === 'TOWNSHIP' || l.value.villageId === cmd.unitId);
    const book = bookOf(inUnit.map((l) => l.value));
    const threshold =
      cmd.unitType === 'VILLAGE' ? deps.lending.breakerVillageNplBp : deps.lending.breakerTownshipShareBp;
    if (cmd.unitType === 'VILLAGE' && nplAbove(book.nplFen, book.outstandingFen, threshold))
      throw new CreditError('BREAKER_STILL_BREACHED', `${cmd.unitId} is still above ${threshold} bp NPL`);
    const at = deps.clock.now();
    await deps.breakers.update(
      { ...breaker.value, tripped: false },
      breaker.version,
      [
        {
          type: 'BreakerLifted',
          unitType: cmd.unitType,
          unitId: cmd.unitId,
          nplBp: nplBp(book.nplFen, book.outstandingFen),
          liftedBy: actor.userId,
          reason: cmd.reason,
          at,
        },
      ],
      { action: 'breaker.lifted', actor, role, reason: cmd.reason, at },
      breaker,
    );
    const township = await deps.breakers.get(cmd.townshipId);
    for (const l of inUnit) {
      const villageTripped = (await deps.breakers.get(l.value.villageId))?.value.tripped === true;
      const target = township?.value.tripped ? 'SUSPENDED' : villageTripped ? 'FROZEN' : 'ACTIVE';
      if (l.value.status === 'REVOKED' || l.value.status === 'EXPIRED' || l.value.status === target) continue;
      const next = { ...l.value, status: target as CreditLine['status'] };
      await deps.lines.update(
        next,
        l.version,
        [{ type: 'CreditLineStatusChanged', line: next, oldStatus: l.value.status, reason: 'BREAKER_LIFTED', at }],
        {
          action: `credit-line.${target.toLowerCase()}`,
          actor,
          role,
          reason: cmd.reason,
          at,
        },
        l,
      );
    }
  }

  async function evaluate(townshipId: string, villageIds: string[], actor: Actor) {
    const role = roleFor(actor, 'evaluateRisk');
    const at = deps.clock.now();
    const lines = await deps.lines.listByTownship(townshipId);
    const registered = await deps.villages.listByTownship(townshipId);
    const own = new Set(registered.map((v) => v.id));
    const foreign = villageIds.filter((id) => !own.has(id));
    // With no registered village the registry has nothing to say and the old rule applies (the caller's list plus
    // the villages with lines); with some, the caller's list is only checked against it.
    const counted = breakerVillageIds({
      townshipId,
      registered,
      withLines: lines.map((l) => l.value.villageId),
      requested: villageIds,
      lookedUp: registered.length > 0 && foreign.length > 0 ? await deps.villages.getMany(foreign) : [],
    });
    const books = counted.villageIds.map((villageId) => ({
      villageId,
      ...bookOf(lines.filter((l) => l.value.villageId === villageId).map((l) => l.value)),
    }));
    const result = evaluateBreakers(books, deps.lending);
    for (const v of books.filter((b) => result.breachedVillageIds.includes(b.villageId))) {
      await trip(v.villageId, 'VILLAGE', at, actor, role, {
        type: 'VillageBreakerTripped',
        villageId: v.villageId,
        townshipId,
        outstandingFen: v.outstandingFen,
        nplFen: v.nplFen,
        thresholdBp: deps.lending.breakerVillageNplBp,
        at,
      });
      for (const l of lines.filter((x) => x.value.villageId === v.villageId))
        await setStatus(l, 'FROZEN', 'VILLAGE_CIRCUIT_BREAKER', at, actor, role);
    }
    if (result.townshipTripped) {
      await trip(townshipId, 'TOWNSHIP', at, actor, role, {
        type: 'TownshipBreakerTripped',
        townshipId,
        breachedVillageIds: result.breachedVillageIds,
        villageCount: books.length,
        shareBp: result.shareBp,
        accountableHeads: deps.accountableHeads(townshipId),
        at,
      });
      for (const l of await deps.lines.listByTownship(townshipId))
        await setStatus(l, 'SUSPENDED', 'TOWNSHIP_CIRCUIT_BREAKER', at, actor, role);
    }
    return { ...result, villageCount: books.length, registryUsed: counted.registryUsed };
  }

  return Object.assign(evaluate, { lift });
}
