import { z } from '@gov/platform';
import { defaultDeskPolicy } from './domain/desk-policy';
import { defaultDriverShiftPolicy } from './domain/driver-shifts';
import { deskConfigShape, deskSettingsFrom } from './desk-wiring';

const parse = (env: Record<string, string>) => deskSettingsFrom(z.object(deskConfigShape).parse(env));

describe('deskSettingsFrom', () => {
  it('defaults every desk value to the spec (spec duty §7 DK-4, DK-5, §12.5, §4.1)', () => {
    expect(parse({})).toEqual({
      policy: defaultDeskPolicy,
      drivers: defaultDriverShiftPolicy,
      sweepIntervalMs: 15_000,
    });
  });

  it('reads the [inferred] and [config] values from the environment', () => {
    const s = parse({
      DESK_URGENT_FORWARD_WARN_MIN: '30',
      DESK_URGENT_FORWARD_LIMIT_MIN: '50',
      DESK_REGISTER_BY: '10:00',
      DESK_LARGE_PETITION_SIZE: '100',
      DRIVER_HOLIDAY_NIGHT_START: '19:00',
    });
    expect(s.policy).toMatchObject({
      urgentForwardWarnMin: 30,
      urgentForwardLimitMin: 50,
      registerByMinute: 600,
      largePetitionSize: 100,
    });
    expect(s.drivers.holidayNightStartMinute).toBe(19 * 60);
    expect(() => parse({ DRIVER_DAY_START: '8:30' })).toThrow();
  });
});
