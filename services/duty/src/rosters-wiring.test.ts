import { z } from '@gov/platform';
import { platformHolidayCalendar, rosterConfigShape, rosterSettingsFrom } from './rosters-wiring';

const parse = (env: Record<string, string>) => rosterSettingsFrom(z.object(rosterConfigShape).parse(env));

describe('rosterSettingsFrom', () => {
  it('defaults the holiday roster lead to 3 working days (spec duty §4.2 RS-5 [inferred])', () => {
    expect(parse({}).holidayLeadWorkingDays).toBe(3);
  });

  it('sweeps for rosters whose period ended every 60 s unless configured (spec duty §4.3 LOCKED [inferred])', () => {
    expect(parse({}).lockSweepMs).toBe(60_000);
    expect(parse({ ROSTER_LOCK_SWEEP_MS: '5000' }).lockSweepMs).toBe(5000);
    expect(() => parse({ ROSTER_LOCK_SWEEP_MS: '0' })).toThrow();
  });

  it('reads the [config] value from the environment and refuses nonsense', () => {
    expect(parse({ ROSTER_HOLIDAY_LEAD_WORKING_DAYS: '5' }).holidayLeadWorkingDays).toBe(5);
    expect(() => parse({ ROSTER_HOLIDAY_LEAD_WORKING_DAYS: 'three' })).toThrow();
    expect(() => parse({ ROSTER_HOLIDAY_LEAD_WORKING_DAYS: '-1' })).toThrow();
  });
});

describe('platformHolidayCalendar', () => {
  it('lists the State Council holidays of a published year (2026 National Day 10-01..10-07)', () => {
    expect(platformHolidayCalendar.holidays(2026)).toContainEqual(
      expect.objectContaining({ name: 'National Day', from: '2026-10-01', to: '2026-10-07' }),
    );
    expect(platformHolidayCalendar.holidays(2031)).toEqual([]);
  });
});
