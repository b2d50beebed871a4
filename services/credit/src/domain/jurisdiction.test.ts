import type { Actor } from '@gov/platform/auth';
import type { CreditError } from './credit-error';
import { checkCovers, covers, isRestricted, jurisdictionOf, needsVillage, unitOfOrg } from './jurisdiction';

const actor = (roles: string[], orgUnitId: string): Actor => ({
  userId: 'u',
  name: 'u',
  orgUnitId,
  roles,
  clearance: 'INTERNAL',
});

describe(jurisdictionOf.name, () => {
  it('places a village role in the village its org unit names, also given as `<village>/<group>` (spec credit §2.4)', () => {
    expect(jurisdictionOf(actor(['VILLAGE_COLLECTOR'], 'vg-1'))).toEqual({ level: 'VILLAGE', villageId: 'vg-1' });
    expect(jurisdictionOf(actor(['VILLAGE_PANEL'], 'vg-1/collection-group'))).toEqual({
      level: 'VILLAGE',
      villageId: 'vg-1',
    });
  });

  it('places a station in the township its org unit names (spec credit §2.3-2.4)', () => {
    expect(jurisdictionOf(actor(['STATION_STAFF'], 'tw-1/service-station'))).toEqual({
      level: 'TOWNSHIP',
      townshipId: 'tw-1',
    });
  });

  it('gives every district role the whole district, whatever its org unit (spec credit §2.4)', () => {
    for (const role of [
      'LG_OFFICE',
      'POVERTY_OFFICE',
      'CENTER_STAFF',
      'BANK_OFFICER',
      'INSURER_OFFICER',
      'AUDITOR',
      'SYSTEM',
    ])
      expect(jurisdictionOf(actor([role], 'vg-1'))).toEqual({ level: 'DISTRICT' });
  });

  it('takes the widest tier an actor holds: a district role is never narrowed by a village role (spec credit §2.4)', () => {
    expect(jurisdictionOf(actor(['VILLAGE_PANEL', 'CENTER_STAFF'], 'vg-1'))).toEqual({ level: 'DISTRICT' });
    expect(jurisdictionOf(actor(['VILLAGE_PANEL', 'STATION_STAFF'], 'tw-1'))).toEqual({
      level: 'TOWNSHIP',
      townshipId: 'tw-1',
    });
  });

  it('leaves a role of no tier to its permissions', () => {
    expect(jurisdictionOf(actor(['DATA_PROVIDER'], 'court'))).toEqual({ level: 'NOT_PLACED' });
  });

  it('confines a HOUSEHOLD login to the household its org unit names (spec credit §2.4: view own grade and certificate)', () => {
    expect(jurisdictionOf(actor(['HOUSEHOLD'], 'hh-abc123'))).toEqual({ level: 'HOUSEHOLD', householdId: 'hh-abc123' });
    expect(jurisdictionOf(actor(['HOUSEHOLD'], 'hh-abc123/member-2'))).toEqual({
      level: 'HOUSEHOLD',
      householdId: 'hh-abc123',
    });
    // without an org unit it is still a household login, of no household
    expect(jurisdictionOf(actor(['HOUSEHOLD'], ''))).toEqual({ level: 'HOUSEHOLD', householdId: '' });
    // a role of no tier does not free it
    expect(jurisdictionOf(actor(['HOUSEHOLD', 'DATA_PROVIDER'], 'hh-abc123'))).toMatchObject({ level: 'HOUSEHOLD' });
  });

  it('lets a wider role win over HOUSEHOLD: the household role never narrows a village, township or district role (spec credit §2.4)', () => {
    expect(jurisdictionOf(actor(['HOUSEHOLD', 'VILLAGE_COLLECTOR'], 'vg-1'))).toEqual({
      level: 'VILLAGE',
      villageId: 'vg-1',
    });
    expect(jurisdictionOf(actor(['HOUSEHOLD', 'STATION_STAFF'], 'tw-1'))).toEqual({
      level: 'TOWNSHIP',
      townshipId: 'tw-1',
    });
    expect(jurisdictionOf(actor(['HOUSEHOLD', 'CENTER_STAFF'], 'hh-abc123'))).toEqual({ level: 'DISTRICT' });
  });

  it('reads the unit as the org unit id up to its first slash', () => {
    expect(unitOfOrg('411202100201')).toBe('411202100201');
    expect(unitOfOrg('tw-1/service-station/desk-2')).toBe('tw-1');
    expect(unitOfOrg('')).toBe('');
  });
});

describe(covers.name, () => {
  const village = { level: 'VILLAGE', villageId: 'vg-1' } as const;
  const station = { level: 'TOWNSHIP', townshipId: 'tw-1' } as const;

  it('lets a village role see its own village only, registered or not (spec credit §2.4)', () => {
    expect(covers(village, 'vg-1', 'tw-1')).toBe(true);
    expect(covers(village, 'vg-1', undefined)).toBe(true);
    expect(covers(village, 'vg-2', 'tw-1')).toBe(false);
  });

  it('lets a station see every village the registry puts in its township, and no other (spec credit §2.4)', () => {
    expect(covers(station, 'vg-1', 'tw-1')).toBe(true);
    expect(covers(station, 'vg-9', 'tw-1')).toBe(true);
    expect(covers(station, 'vg-2', 'tw-2')).toBe(false);
  });

  it('hides a village nobody registered from every station: its township is not known (spec credit §2.4, §3.1)', () => {
    expect(covers(station, 'vg-new', undefined)).toBe(false);
    expect(covers({ level: 'DISTRICT' }, 'vg-new', undefined)).toBe(true);
  });

  it('lets a placed role without an org unit see nothing', () => {
    expect(covers({ level: 'VILLAGE', villageId: '' }, '', undefined)).toBe(false);
    expect(covers({ level: 'TOWNSHIP', townshipId: '' }, 'vg-1', '')).toBe(false);
  });

  const household = { level: 'HOUSEHOLD', householdId: 'hh-1' } as const;

  it('lets a HOUSEHOLD login see its own household’s items only, not its neighbours’ in the same village (spec credit §2.4)', () => {
    expect(covers(household, 'vg-1', 'tw-1', 'hh-1')).toBe(true);
    expect(covers(household, 'vg-1', 'tw-1', 'hh-2')).toBe(false);
    // where the item lies does not matter, whose it is does
    expect(covers(household, 'vg-9', undefined, 'hh-1')).toBe(true);
  });

  it('gives a HOUSEHOLD login nothing of a village as a whole (spec credit §2.4)', () => {
    expect(covers(household, 'vg-1', 'tw-1')).toBe(false);
    expect(covers(household, 'vg-1', 'tw-1', undefined)).toBe(false);
  });

  it('lets a HOUSEHOLD login without an org unit see nothing, not even an item of no household (spec credit §2.4)', () => {
    const nobody = { level: 'HOUSEHOLD', householdId: '' } as const;
    expect(covers(nobody, 'vg-1', 'tw-1', '')).toBe(false);
    expect(covers(nobody, 'vg-1', 'tw-1', 'hh-1')).toBe(false);
  });

  it('leaves village, township and district roles as they were when the household is named too (spec credit §2.4)', () => {
    expect(covers(village, 'vg-1', 'tw-1', 'hh-1')).toBe(true);
    expect(covers(village, 'vg-2', 'tw-1', 'hh-1')).toBe(false);
    expect(covers(station, 'vg-2', 'tw-2', 'hh-1')).toBe(false);
    expect(covers({ level: 'DISTRICT' }, 'vg-2', 'tw-2', 'hh-1')).toBe(true);
  });
});

describe(isRestricted.name, () => {
  it('bounds a HOUSEHOLD login, and checks it without its village (spec credit §2.4)', () => {
    const household = { level: 'HOUSEHOLD', householdId: 'hh-1' } as const;
    expect(isRestricted(household)).toBe(true);
    expect(needsVillage(household)).toBe(false);
    expect(isRestricted({ level: 'DISTRICT' })).toBe(false);
    expect(isRestricted({ level: 'NOT_PLACED' })).toBe(false);
    expect(needsVillage({ level: 'VILLAGE', villageId: 'vg-1' })).toBe(true);
  });
});

describe(checkCovers.name, () => {
  it('refuses with OUTSIDE_JURISDICTION, naming the caller’s unit and not the one asked for (spec credit §2.4)', () => {
    let err: CreditError | undefined;
    try {
      checkCovers({ level: 'VILLAGE', villageId: 'vg-1' }, 'household hh-7', 'vg-2', 'tw-1');
    } catch (e) {
      err = e as CreditError;
    }
    expect(err).toMatchObject({ code: 'OUTSIDE_JURISDICTION', category: 'permission_denied' });
    expect(err!.message).toContain('village vg-1');
    expect(err!.message).not.toContain('vg-2');
  });

  it('refuses another household naming only the caller’s own household, nothing of the other’s (spec credit §2.4)', () => {
    let err: CreditError | undefined;
    try {
      checkCovers(
        { level: 'HOUSEHOLD', householdId: 'hh-own' },
        'the credit line of household hh-7',
        'vg-2',
        'tw-1',
        'hh-7',
      );
    } catch (e) {
      err = e as CreditError;
    }
    expect(err).toMatchObject({ code: 'OUTSIDE_JURISDICTION', category: 'permission_denied' });
    expect(err!.message).toContain('household hh-own');
    expect(err!.message).not.toMatch(/vg-2|tw-1/);
  });
});
