import type { Actor } from '@gov/platform/auth';
import type { Township, Village, VillagerGroup } from '../domain/geography';
import { createCheckPlacement } from './check-placement';
import { createGeography } from './geography';
import type { VillagerGroups, Villages } from './geography-ports';
import type { AuditNote, Idempotency, Stored } from './ports';

const as = (role: string, orgUnitId = 'd'): Actor => ({
  userId: role,
  name: role,
  orgUnitId,
  roles: [role],
  clearance: 'INTERNAL',
});
const lg = as('LG_OFFICE');
const center = as('CENTER_STAFF');

/** An in-memory aggregate store of our own port, recording the audit notes it was given. */
function memoryStore<T extends { id: string }>(byParent?: keyof T) {
  const docs = new Map<string, Stored<T>>();
  const notes: AuditNote[] = [];
  const values = () => [...docs.values()].map((d) => d.value).sort((a, b) => a.id.localeCompare(b.id));
  const list = async (parentId: string) => values().filter((v) => byParent && v[byParent] === parentId);
  return {
    notes,
    async create(value: T, _e: unknown[], note: AuditNote) {
      if (docs.has(value.id)) return false;
      docs.set(value.id, { value, version: 1, audit: [] });
      notes.push(note);
      return true;
    },
    get: async (id: string) => docs.get(id),
    async update(value: T, version: number, _e: unknown[], note: AuditNote) {
      docs.set(value.id, { value, version: version + 1, audit: [] });
      notes.push(note);
    },
    listByTownship: list,
    listByVillage: list,
    getMany: async (ids: readonly string[]) => values().filter((v) => ids.includes(v.id)),
  };
}

/** The key store's contract: one run per scope and key, the same answer after, another request refused. */
function memoryIdempotency(): Idempotency & { runs: number } {
  const done = new Map<string, { request: string; response: string }>();
  const store = {
    runs: 0,
    async run<T>(scope: string, key: string, request: unknown, fn: () => Promise<T>): Promise<T> {
      const prior = done.get(`${scope}:${key}`);
      if (prior && prior.request !== JSON.stringify(request))
        throw Object.assign(new Error('reused'), { code: 'IDEMPOTENCY_KEY_REUSED' });
      if (prior) return JSON.parse(prior.response) as T;
      store.runs++;
      const result = await fn();
      done.set(`${scope}:${key}`, { request: JSON.stringify(request), response: JSON.stringify(result) });
      return result;
    },
  };
  return store;
}

function setUp() {
  const townships = memoryStore<Township>();
  const villages = memoryStore<Village>('townshipId');
  const groups = memoryStore<VillagerGroup>('villageId');
  const idempotency = memoryIdempotency();
  const geo = createGeography({
    townships,
    villages: villages as Villages,
    groups: groups as VillagerGroups,
    idempotency,
    clock: { now: () => new Date('2026-11-02T01:00:00Z') },
  });
  return { geo, townships, villages, groups, idempotency };
}
const jiaokou: Township = { id: 'tw-jk', districtId: '411202', name: '交口乡', type: 'TOWNSHIP' };
const nanchuan: Village = { id: 'vg-nc', townshipId: 'tw-jk', name: '南川村', isPoorVillage: true };

describe(createGeography.name, () => {
  it('registers a township once per key: a retry gets the first answer, audited once (spec credit §3.1)', async () => {
    const t = setUp();
    const first = await t.geo.registerTownship({ idempotencyKey: 'k1', input: jiaokou }, lg);
    const again = await t.geo.registerTownship({ idempotencyKey: 'k1', input: jiaokou }, lg);
    expect(again).toEqual(first);
    expect(first).toEqual(jiaokou);
    expect(t.idempotency.runs).toBe(1);
    expect(t.townships.notes.map((n) => [n.action, n.role])).toEqual([['township.registered', 'LG_OFFICE']]);
  });

  it('answers the same unit under a new key with what is there, and refuses a different one under a used id', async () => {
    const t = setUp();
    await t.geo.registerTownship({ idempotencyKey: 'k1', input: jiaokou }, lg);
    await expect(
      t.geo.registerTownship({ idempotencyKey: 'k2', input: { ...jiaokou, name: ' 交口乡 ' } }, center),
    ).resolves.toEqual(jiaokou);
    await expect(
      t.geo.registerTownship({ idempotencyKey: 'k3', input: { ...jiaokou, type: 'AGRI_STREET' } }, center),
    ).rejects.toMatchObject({ code: 'GEOGRAPHY_ALREADY_REGISTERED' });
    expect(t.townships.notes).toHaveLength(1);
  });

  it('refuses a village of an unregistered township (TOWNSHIP_UNKNOWN) and a group of an unregistered village (VILLAGE_UNKNOWN)', async () => {
    const t = setUp();
    await expect(t.geo.registerVillage({ idempotencyKey: 'k', input: nanchuan }, lg)).rejects.toMatchObject({
      code: 'TOWNSHIP_UNKNOWN',
    });
    const group = { id: 'g-1', villageId: 'vg-nc', name: '一组' };
    await expect(t.geo.registerVillagerGroup({ idempotencyKey: 'k', input: group }, lg)).rejects.toMatchObject({
      code: 'VILLAGE_UNKNOWN',
    });
    // the refused key may be used again once the cause is fixed
    await t.geo.registerTownship({ idempotencyKey: 't', input: jiaokou }, lg);
    await expect(t.geo.registerVillage({ idempotencyKey: 'k', input: nanchuan }, lg)).resolves.toEqual(nanchuan);
  });

  it('refuses a village under a township’s id: breakers key villages and townships by the same ids (spec credit §13.4)', async () => {
    const t = setUp();
    await t.geo.registerTownship({ idempotencyKey: 't', input: jiaokou }, lg);
    await expect(
      t.geo.registerVillage({ idempotencyKey: 'v', input: { ...nanchuan, id: 'tw-jk' } }, lg),
    ).rejects.toMatchObject({ code: 'GEOGRAPHY_ALREADY_REGISTERED' });
  });

  it('lets only LG_OFFICE and CENTER_STAFF manage units, and every credit reader list them (spec credit §2.4)', async () => {
    const t = setUp();
    for (const role of ['VILLAGE_COLLECTOR', 'STATION_STAFF', 'BANK_OFFICER', 'HOUSEHOLD'])
      await expect(t.geo.registerTownship({ idempotencyKey: role, input: jiaokou }, as(role))).rejects.toMatchObject({
        code: 'NOT_PERMITTED',
      });
    // the role is checked before the fields: a stranger learns nothing about what would be accepted
    await expect(
      t.geo.registerTownship({ idempotencyKey: 'x', input: { ...jiaokou, name: '' } }, as('HOUSEHOLD')),
    ).rejects.toMatchObject({ code: 'NOT_PERMITTED' });
    await t.geo.registerTownship({ idempotencyKey: 't', input: jiaokou }, center);
    await t.geo.registerVillage({ idempotencyKey: 'v', input: nanchuan }, center);
    for (const role of ['BANK_OFFICER', 'VILLAGE_COLLECTOR', 'AUDITOR', 'INSURER_OFFICER'])
      expect(await t.geo.listVillages('tw-jk', as(role, 'vg-nc'))).toEqual([nanchuan]);
    await expect(t.geo.listVillages('tw-jk', as('HOUSEHOLD'))).rejects.toMatchObject({ code: 'NOT_PERMITTED' });
    await expect(t.geo.listVillages('tw-none', center)).rejects.toMatchObject({ code: 'TOWNSHIP_UNKNOWN' });
  });

  it('updates name and poor-village flag, keeps the township, records what changed, and writes nothing for no change', async () => {
    const t = setUp();
    await t.geo.registerTownship({ idempotencyKey: 't', input: jiaokou }, lg);
    await t.geo.registerVillage({ idempotencyKey: 'v', input: nanchuan }, lg);
    const input = { id: 'vg-nc', name: '南川村', isPoorVillage: false };
    expect(await t.geo.updateVillage({ idempotencyKey: 'u1', input }, center)).toEqual({
      ...nanchuan,
      isPoorVillage: false,
    });
    await t.geo.updateVillage({ idempotencyKey: 'u2', input }, center);
    expect(t.villages.notes.map((n) => n.action)).toEqual(['village.registered', 'village.updated']);
    expect(t.villages.notes[1]!.details).toEqual({ changed: [{ field: 'isPoorVillage', from: true, to: false }] });
    await expect(
      t.geo.updateVillage({ idempotencyKey: 'u3', input: { ...input, id: 'vg-none' } }, center),
    ).rejects.toMatchObject({ code: 'VILLAGE_UNKNOWN' });
    await expect(
      t.geo.updateVillage({ idempotencyKey: 'u4', input: { ...input, name: ' ' } }, center),
    ).rejects.toMatchObject({ code: 'GEOGRAPHY_INVALID' });
  });

  it('lists a village’s groups by id and renames a group within its village', async () => {
    const t = setUp();
    await t.geo.registerTownship({ idempotencyKey: 't', input: jiaokou }, lg);
    await t.geo.registerVillage({ idempotencyKey: 'v', input: nanchuan }, lg);
    for (const id of ['g-2', 'g-1'])
      await t.geo.registerVillagerGroup({ idempotencyKey: id, input: { id, villageId: 'vg-nc', name: id } }, lg);
    await t.geo.updateVillagerGroup({ idempotencyKey: 'r', input: { id: 'g-1', name: '第一村民小组' } }, lg);
    expect(await t.geo.listVillagerGroups('vg-nc', as('VILLAGE_PANEL', 'vg-nc'))).toEqual([
      { id: 'g-1', villageId: 'vg-nc', name: '第一村民小组' },
      { id: 'g-2', villageId: 'vg-nc', name: 'g-2' },
    ]);
  });

  it('lists only the villages and groups of the caller’s jurisdiction (spec credit §2.4 row-level security)', async () => {
    const t = setUp();
    await t.geo.registerTownship({ idempotencyKey: 't1', input: jiaokou }, lg);
    await t.geo.registerTownship({ idempotencyKey: 't2', input: { ...jiaokou, id: 'tw-other' } }, lg);
    const beichuan = { ...nanchuan, id: 'vg-bc', name: '北川村' };
    const far = { ...nanchuan, id: 'vg-far', townshipId: 'tw-other', name: '远村' };
    for (const v of [nanchuan, beichuan, far]) await t.geo.registerVillage({ idempotencyKey: v.id, input: v }, lg);
    await t.geo.registerVillagerGroup(
      { idempotencyKey: 'g', input: { id: 'g-1', villageId: 'vg-bc', name: '一组' } },
      lg,
    );

    expect(await t.geo.listVillages('tw-jk', as('STATION_STAFF', 'tw-jk/service-station'))).toEqual([
      beichuan,
      nanchuan,
    ]);
    expect(await t.geo.listVillages('tw-other', as('STATION_STAFF', 'tw-jk'))).toEqual([]);
    expect(await t.geo.listVillages('tw-jk', as('VILLAGE_COLLECTOR', 'vg-nc'))).toEqual([nanchuan]);
    expect(await t.geo.listVillages('tw-jk', as('AUDITOR', 'vg-nc'))).toEqual([beichuan, nanchuan]);
    expect(await t.geo.listVillagerGroups('vg-bc', as('VILLAGE_PANEL', 'vg-nc'))).toEqual([]);
    expect(await t.geo.listVillagerGroups('vg-bc', as('STATION_STAFF', 'tw-jk'))).toHaveLength(1);
    expect(await t.geo.listVillagerGroups('vg-bc', as('STATION_STAFF', 'tw-other'))).toEqual([]);
  });
});

describe(createCheckPlacement.name, () => {
  it('refuses households placed against the registry and passes those of unregistered villages (spec credit §3.1-3.2)', async () => {
    const t = setUp();
    await t.geo.registerTownship({ idempotencyKey: 't', input: jiaokou }, lg);
    await t.geo.registerVillage({ idempotencyKey: 'v', input: nanchuan }, lg);
    const check = createCheckPlacement({ villages: t.villages as Villages, groups: t.groups as VillagerGroups });
    const row = { townshipId: 'tw-jk', villageId: 'vg-nc', villagerGroupId: 'g-1' };
    await expect(check([row, { ...row, villageId: 'vg-not-yet' }], () => '')).resolves.toBeUndefined();
    await expect(check([row, { ...row, townshipId: 'tw-other' }], (i) => `rows[${i}].`)).rejects.toMatchObject({
      code: 'VILLAGE_NOT_IN_TOWNSHIP',
      violations: [{ field: 'rows[1].townshipId' }],
    });
  });
});
