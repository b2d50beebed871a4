import type { Actor } from '@gov/platform/auth';
import type { CreditError } from './credit-error';
import { checkCovers, covers, jurisdictionOf, unitOfOrg } from './jurisdiction';

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

  it('leaves roles of no tier to their permissions, and a household role does not widen a village role', () => {
    expect(jurisdictionOf(actor(['HOUSEHOLD'], ''))).toEqual({ level: 'NOT_PLACED' });
    expect(jurisdictionOf(actor(['DATA_PROVIDER'], 'court'))).toEqual({ level: 'NOT_PLACED' });
    expect(jurisdictionOf(actor(['HOUSEHOLD', 'VILLAGE_COLLECTOR'], 'vg-1'))).toEqual({
      level: 'VILLAGE',
      villageId: 'vg-1',
    });
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
});
