import type { CreditError } from './credit-error';
import {
  breakerVillageIds,
  checkPlacements,
  checkReRegistration,
  checkTownship,
  checkVillage,
  checkVillagerGroup,
  placementProblems,
  type Township,
  type Village,
} from './geography';

const township = (o: Partial<Township> = {}): Township => ({
  id: '411202100000',
  districtId: '411202',
  name: '交口乡',
  type: 'TOWNSHIP',
  ...o,
});
const village = (o: Partial<Village> = {}): Village => ({
  id: '411202100201',
  townshipId: '411202100000',
  name: '南川村',
  isPoorVillage: true,
  ...o,
});
const failure = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    const err = e as CreditError;
    return { code: err.code, fields: err.violations.map((v) => v.field) };
  }
  return { code: 'none', fields: [] };
};

describe('geography units (spec credit §3.1)', () => {
  it('accepts a township or agri street, a village and a group with their codes as ids', () => {
    expect(failure(() => checkTownship(township())).code).toBe('none');
    expect(failure(() => checkTownship(township({ type: 'AGRI_STREET', name: '湖滨街道' }))).code).toBe('none');
    expect(failure(() => checkVillage(village())).code).toBe('none');
    expect(failure(() => checkVillagerGroup({ id: 'g-3', villageId: '411202100201', name: '第三村民小组' })).code).toBe(
      'none',
    );
  });
  it('refuses bad fields all at once as GEOGRAPHY_INVALID', () => {
    const bad = township({ id: '../x', districtId: '', name: '  ', type: 'TOWN' as Township['type'] });
    expect(failure(() => checkTownship(bad))).toEqual({
      code: 'GEOGRAPHY_INVALID',
      fields: ['id', 'districtId', 'name', 'type'],
    });
    expect(failure(() => checkVillage(village({ townshipId: '', name: '村'.repeat(101) })))).toEqual({
      code: 'GEOGRAPHY_INVALID',
      fields: ['townshipId', 'name'],
    });
    expect(failure(() => checkVillagerGroup({ id: 'g', villageId: 'v v', name: '一组' })).fields).toEqual([
      'villageId',
    ]);
  });
  it('treats registering the very same unit again as a retry and a different one under its id as GEOGRAPHY_ALREADY_REGISTERED', () => {
    expect(failure(() => checkReRegistration(village(), village())).code).toBe('none');
    expect(failure(() => checkReRegistration(village(), village({ townshipId: 'other' }))).code).toBe(
      'GEOGRAPHY_ALREADY_REGISTERED',
    );
    expect(failure(() => checkReRegistration(village(), village({ isPoorVillage: false }))).code).toBe(
      'GEOGRAPHY_ALREADY_REGISTERED',
    );
  });
});

describe(placementProblems.name, () => {
  const home = { townshipId: '411202100000', villageId: '411202100201', villagerGroupId: 'g-3' };
  it('refuses a household whose village is registered under another township (spec credit §3.1-3.2)', () => {
    const elsewhere = village({ townshipId: '411202101000' });
    expect(placementProblems(home, elsewhere, undefined)).toMatchObject([
      { code: 'VILLAGE_NOT_IN_TOWNSHIP', field: 'townshipId' },
    ]);
    expect(placementProblems(home, village(), undefined)).toEqual([]);
  });
  it('refuses a household whose villager group is registered under another village', () => {
    const group = { id: 'g-3', villageId: '411202100299', name: '三组' };
    expect(placementProblems(home, village(), group)).toMatchObject([
      { code: 'VILLAGER_GROUP_NOT_IN_VILLAGE', field: 'villagerGroupId' },
    ]);
  });
  it('accepts a household of a village and group nobody has registered yet: the registry is filled later', () => {
    expect(placementProblems(home, undefined, undefined)).toEqual([]);
  });
  it('refuses a batch with the first problem as the code and every misplaced row in the violations', () => {
    const misplaced = placementProblems(home, village({ townshipId: 'tw-x' }), undefined);
    const err = failure(() =>
      checkPlacements(
        [
          { index: 0, problems: [] },
          { index: 4, problems: misplaced },
          { index: 7, problems: misplaced },
        ],
        (i) => `rows[${i}].household.`,
      ),
    );
    expect(err).toEqual({
      code: 'VILLAGE_NOT_IN_TOWNSHIP',
      fields: ['rows[4].household.townshipId', 'rows[7].household.townshipId'],
    });
    expect(failure(() => checkPlacements([{ index: 0, problems: [] }], () => '')).code).toBe('none');
  });
});

describe(breakerVillageIds.name, () => {
  const tw = '411202100000';
  const registered = Array.from({ length: 10 }, (_, i) => village({ id: `v${i}`, townshipId: tw }));
  it('counts every registered village of the township, lines or not (spec credit §13.4 CB-T)', () => {
    const r = breakerVillageIds({ townshipId: tw, registered, withLines: ['v1', 'v2'], requested: [], lookedUp: [] });
    expect(r).toEqual({ villageIds: registered.map((v) => v.id), registryUsed: true });
  });
  it('also counts a village whose lines name the township though nobody registered it (spec credit §13.4)', () => {
    const r = breakerVillageIds({ townshipId: tw, registered, withLines: ['v1', 'vx'], requested: [], lookedUp: [] });
    expect(r.villageIds).toHaveLength(11);
    expect(r.villageIds).toContain('vx');
  });
  it('without registered villages keeps the old rule: the caller’s list plus the villages with lines', () => {
    const r = breakerVillageIds({
      townshipId: tw,
      registered: [],
      withLines: ['a', 'b'],
      requested: ['b', 'c'],
      lookedUp: [],
    });
    expect(r).toEqual({ villageIds: ['a', 'b', 'c'], registryUsed: false });
  });
  it('with a registry refuses a requested village of another township or an unregistered one', () => {
    const other = village({ id: 'w1', townshipId: '411202101000' });
    const base = { townshipId: tw, registered, withLines: [] };
    expect(failure(() => breakerVillageIds({ ...base, requested: ['v1', 'w1'], lookedUp: [other] })).code).toBe(
      'VILLAGE_NOT_IN_TOWNSHIP',
    );
    expect(failure(() => breakerVillageIds({ ...base, requested: ['typo'], lookedUp: [] })).code).toBe(
      'VILLAGE_UNKNOWN',
    );
    expect(breakerVillageIds({ ...base, requested: ['v3'], lookedUp: [] }).villageIds).toHaveLength(10);
  });
});
