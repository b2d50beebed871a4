import type { Actor } from '@gov/platform/auth';
import type { Village } from '../domain/geography';
import type { Villages } from './geography-ports';
import { createJurisdictionGuard, once } from './jurisdiction';

const as = (role: string, orgUnitId: string): Actor => ({
  userId: role,
  name: role,
  orgUnitId,
  roles: [role],
  clearance: 'INTERNAL',
});

/** The registry port with two villages of two townships, counting its reads. */
function registry() {
  const units: Village[] = [
    { id: 'vg-a', townshipId: 'tw-1', name: 'A', isPoorVillage: false },
    { id: 'vg-b', townshipId: 'tw-2', name: 'B', isPoorVillage: false },
  ];
  const reads = { count: 0 };
  const villages = {
    async get(id: string) {
      reads.count++;
      const value = units.find((v) => v.id === id);
      return value && { value, version: 1, audit: [] };
    },
  } as unknown as Villages;
  return { villages, reads };
}

describe(createJurisdictionGuard.name, () => {
  it('resolves a station’s villages through the registry (spec credit §2.4)', async () => {
    const { villages } = registry();
    const check = createJurisdictionGuard({ villages });
    const station = as('STATION_STAFF', 'tw-1');
    await expect(check(station, 'household h', 'vg-a')).resolves.toBeUndefined();
    await expect(check(station, 'household h', 'vg-b')).rejects.toMatchObject({ code: 'OUTSIDE_JURISDICTION' });
    await expect(check(station, 'household h', 'vg-unregistered')).rejects.toMatchObject({
      code: 'OUTSIDE_JURISDICTION',
    });
  });

  it('checks a village role against its own village without reading the registry', async () => {
    const { villages, reads } = registry();
    const check = createJurisdictionGuard({ villages });
    await expect(check(as('VILLAGE_COLLECTOR', 'vg-new'), 'household h', 'vg-new')).resolves.toBeUndefined();
    await expect(check(as('VILLAGE_PANEL', 'vg-a'), 'notice n', 'vg-b')).rejects.toMatchObject({
      code: 'OUTSIDE_JURISDICTION',
    });
    expect(reads.count).toBe(0);
  });

  it('never looks up where the item is for a district role (spec credit §2.4: district roles see all)', async () => {
    const { villages, reads } = registry();
    const check = createJurisdictionGuard({ villages });
    const where = jest.fn(async () => 'vg-b');
    await expect(check(as('CENTER_STAFF', 'district'), 'application a', where)).resolves.toBeUndefined();
    expect(where).not.toHaveBeenCalled();
    expect(reads.count).toBe(0);
    await expect(check(as('VILLAGE_PANEL', 'vg-a'), 'application a', where)).rejects.toMatchObject({
      code: 'OUTSIDE_JURISDICTION',
    });
  });

  it('checks a HOUSEHOLD login on the household id alone: its own passes, a neighbour’s is refused before any lookup (spec credit §2.4)', async () => {
    const { villages, reads } = registry();
    const check = createJurisdictionGuard({ villages });
    const me = as('HOUSEHOLD', 'hh-1/member-2');
    const where = jest.fn(async () => 'vg-a');
    await expect(check(me, 'household hh-1', { villageId: where, householdId: 'hh-1' })).resolves.toBeUndefined();
    await expect(check(me, 'household hh-2', { villageId: where, householdId: 'hh-2' })).rejects.toMatchObject({
      code: 'OUTSIDE_JURISDICTION',
    });
    expect(where).not.toHaveBeenCalled();
    expect(reads.count).toBe(0);
  });

  it('refuses a HOUSEHOLD login anything named by its village only (opening a notice), and everything without an org unit (spec credit §2.4)', async () => {
    const { villages } = registry();
    const check = createJurisdictionGuard({ villages });
    await expect(check(as('HOUSEHOLD', 'hh-1'), 'village vg-a', 'vg-a')).rejects.toMatchObject({
      code: 'OUTSIDE_JURISDICTION',
    });
    await expect(
      check(as('HOUSEHOLD', ''), 'household hh-1', { villageId: 'vg-a', householdId: 'hh-1' }),
    ).rejects.toMatchObject({ code: 'OUTSIDE_JURISDICTION' });
  });

  it('checks village and township roles on the village when the household is named too, as before (spec credit §2.4)', async () => {
    const { villages } = registry();
    const check = createJurisdictionGuard({ villages });
    const place = (villageId: string) => ({ villageId: async () => villageId, householdId: 'hh-1' });
    await expect(check(as('VILLAGE_COLLECTOR', 'vg-a'), 'household hh-1', place('vg-a'))).resolves.toBeUndefined();
    await expect(check(as('VILLAGE_COLLECTOR', 'vg-a'), 'household hh-1', place('vg-b'))).rejects.toMatchObject({
      code: 'OUTSIDE_JURISDICTION',
    });
    await expect(check(as('STATION_STAFF', 'tw-1'), 'household hh-1', place('vg-a'))).resolves.toBeUndefined();
    await expect(check(as('STATION_STAFF', 'tw-1'), 'household hh-1', place('vg-b'))).rejects.toMatchObject({
      code: 'OUTSIDE_JURISDICTION',
    });
    await expect(check(as('CENTER_STAFF', 'district'), 'household hh-9', place('vg-b'))).resolves.toBeUndefined();
  });
});

describe(once.name, () => {
  it('runs the lookup once, also when it fails', async () => {
    const f = jest.fn(async () => {
      throw new Error('missing');
    });
    const get = once(f);
    await expect(get()).rejects.toThrow('missing');
    await expect(get()).rejects.toThrow('missing');
    expect(f).toHaveBeenCalledTimes(1);
  });
});
