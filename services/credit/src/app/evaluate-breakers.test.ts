import type { Actor } from '@gov/platform/auth';
import type { CreditLine } from '../domain/credit-line';
import type { Village } from '../domain/geography';
import { defaultLendingPolicy } from '../domain/policy';
import { createEvaluateBreakers } from './evaluate-breakers';
import type { Villages } from './geography-ports';
import type { BreakerState, Breakers, CreditLines, Stored } from './ports';

const center: Actor = { userId: 'c', name: 'c', orgUnitId: 'd', roles: ['CENTER_STAFF'], clearance: 'INTERNAL' };
const tw = 'tw-1';

/** A line of 50,000 yuan drawn in full; `npl` reports its loan non-performing (the village is then 100% NPL). */
const line = (villageId: string, npl: boolean): CreditLine =>
  ({
    id: `cl-${villageId}`,
    householdId: `hh-${villageId}`,
    villageId,
    townshipId: tw,
    status: 'ACTIVE',
    loans: [{ outstandingPrincipalFen: 5_000_000, status: npl ? 'NON_PERFORMING' : 'REPAYING' }],
  }) as unknown as CreditLine;

function setUp(o: { registered: number; lines: CreditLine[] }) {
  const registered: Village[] = Array.from({ length: o.registered }, (_, i) => ({
    id: `v${i}`,
    townshipId: tw,
    name: `村${i}`,
    isPoorVillage: false,
  }));
  const stored = new Map(o.lines.map((l) => [l.id, { value: l, version: 1, audit: [] } as Stored<CreditLine>]));
  const lines = {
    listByTownship: async () => [...stored.values()],
    update: async (l: CreditLine, v: number) => void stored.set(l.id, { value: l, version: v + 1, audit: [] }),
  } as unknown as CreditLines;
  const villages = {
    listByTownship: async (id: string) => registered.filter((v) => v.townshipId === id),
    getMany: async (ids: readonly string[]) => registered.filter((v) => ids.includes(v.id)),
  } as unknown as Villages;
  const state = new Map<string, Stored<BreakerState>>();
  const breakers = {
    get: async (id: string) => state.get(id),
    create: async (b: BreakerState) => {
      state.set(b.id, { value: b, version: 1, audit: [] });
      return true;
    },
    update: async (b: BreakerState, v: number) => void state.set(b.id, { value: b, version: v + 1, audit: [] }),
  } as unknown as Breakers;
  const evaluate = createEvaluateBreakers({
    lines,
    villages,
    breakers,
    clock: { now: () => new Date('2026-12-01T02:00:00Z') },
    lending: defaultLendingPolicy,
    accountableHeads: (t) => [`${t}/head`],
  });
  return { evaluate, status: (id: string) => stored.get(id)!.value.status, tripped: (id: string) => state.get(id) };
}

describe(createEvaluateBreakers.name, () => {
  it('trips the township when 3 of its 10 registered villages are above 3% NPL, though only those 3 have lines (spec credit §13.4 CB-T, ≥ 30%)', async () => {
    const t = setUp({ registered: 10, lines: ['v1', 'v2', 'v3'].map((v) => line(v, true)) });
    const r = await t.evaluate(tw, [], center);
    expect(r).toMatchObject({ townshipTripped: true, shareBp: 3000, villageCount: 10, registryUsed: true });
    expect(t.tripped(tw)?.value.tripped).toBe(true);
    expect(t.status('cl-v1')).toBe('SUSPENDED');
  });

  it('does not trip the township for 2 of 10 registered villages, though both villages with lines are above 3% (spec credit §13.4 CB-T)', async () => {
    const t = setUp({ registered: 10, lines: ['v1', 'v2'].map((v) => line(v, true)) });
    const r = await t.evaluate(tw, [], center);
    expect(r).toMatchObject({
      townshipTripped: false,
      shareBp: 2000,
      villageCount: 10,
      breachedVillageIds: ['v1', 'v2'],
    });
    expect(t.tripped(tw)).toBeUndefined();
    // CB-V still freezes each breached village's lines
    expect(t.status('cl-v1')).toBe('FROZEN');
  });

  it('falls back to the villages given plus those with lines when the township has no registered village (spec credit §13.4)', async () => {
    const lines = ['a', 'b'].map((v) => line(v, true));
    const unlisted = await setUp({ registered: 0, lines }).evaluate(tw, [], center);
    expect(unlisted).toMatchObject({ townshipTripped: true, villageCount: 2, registryUsed: false });
    const listed = await setUp({ registered: 0, lines }).evaluate(tw, ['a', 'b', 'c', 'd', 'e', 'f', 'g'], center);
    expect(listed).toMatchObject({ townshipTripped: false, villageCount: 7, shareBp: 2857 });
  });

  it('with registered villages refuses a requested village the registry does not place in the township', async () => {
    const t = setUp({ registered: 10, lines: [] });
    await expect(t.evaluate(tw, ['v1', 'nowhere'], center)).rejects.toMatchObject({ code: 'VILLAGE_UNKNOWN' });
  });
});
