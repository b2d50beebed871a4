import { publishedYears } from '@gov/platform/calendar';
import { draftHolidayShifts, holidayRosterPeriod, type HolidayPeriod } from './holiday-roster';
import { sh } from './duty.fixtures';
import { checkCoverage, defaultShiftPolicy as office, nightsFollowedByDay, type Shift } from './roster';

/** A holiday exactly as the calendar data holds it (State Council notices 2024-2026). */
function holiday(year: number, name: string): HolidayPeriod {
  const h = publishedYears.find((y) => y.year === year)?.holidays.find((x) => x.name === name);
  if (!h) throw new Error(`no ${name} in ${year}`);
  return h;
}

const pools = {
  officers: ['o1', 'o2', 'o3', 'o4', 'o5'],
  leaders: ['l1', 'l2', 'l3'],
  govLeaders: ['g1', 'g2'],
};

const counts = (shifts: Shift[], types: Shift['type'][]) => {
  const m = new Map<string, number>();
  for (const s of shifts) if (types.includes(s.type)) m.set(s.personId, (m.get(s.personId) ?? 0) + 1);
  return [...m.values()];
};

describe('draftHolidayShifts', () => {
  it('covers 2026 National Day (10-01..10-07) from 08:30 on the first day to 08:30 on the first working day (spec duty §4.1, RS-1)', () => {
    const h = holiday(2026, 'National Day');
    expect(holidayRosterPeriod(h, office)).toEqual({
      periodStart: sh('2026-10-01 08:30'),
      periodEnd: sh('2026-10-08 08:30'),
    });
    const shifts = draftHolidayShifts(h, pools, office);
    expect(() => checkCoverage({ ...holidayRosterPeriod(h, office), shifts }, office)).not.toThrow();
    expect(shifts.filter((s) => s.type === 'OFFICE_DAY')).toHaveLength(7);
    expect(shifts.filter((s) => s.type === 'OFFICE_NIGHT')).toHaveLength(7);
    expect(shifts.filter((s) => s.type === 'OFFICE_LEADER_24H')).toHaveLength(7);
    expect(shifts.filter((s) => s.type === 'GOV_LEADER_24H')).toHaveLength(7);
  });

  it.each([
    [2024, 'Spring Festival'],
    [2024, 'National Day'],
    [2025, 'Spring Festival'],
    [2025, 'Labour Day'],
    [2025, 'National Day and Mid-Autumn Festival'],
    [2026, 'Spring Festival'],
    [2026, 'Dragon Boat Festival'],
  ])('draws %s %s fairly: officer and leader counts differ by at most one (spec duty §4.2 RS-2, RS-3)', (y, n) => {
    const shifts = draftHolidayShifts(holiday(y, n), pools, office);
    for (const types of [['OFFICE_DAY', 'OFFICE_NIGHT'], ['OFFICE_LEADER_24H'], ['GOV_LEADER_24H']] as const) {
      const c = counts(shifts, [...types]);
      expect(Math.max(...c) - Math.min(...c)).toBeLessThanOrEqual(1);
    }
  });

  it('never puts a night officer on the next day shift, even with a pool of two (spec duty §4.2 RS-4)', () => {
    const shifts = draftHolidayShifts(holiday(2025, 'Spring Festival'), { ...pools, officers: ['a', 'b'] }, office);
    expect(nightsFollowedByDay(shifts)).toEqual([]);
    expect(counts(shifts, ['OFFICE_DAY', 'OFFICE_NIGHT'])).toEqual([8, 8]);
  });

  it('rotates the 24-hour leaders day by day (spec duty §4.2 RS-3)', () => {
    const shifts = draftHolidayShifts(holiday(2024, 'Mid-Autumn Festival'), pools, office);
    expect(shifts.filter((s) => s.type === 'OFFICE_LEADER_24H').map((s) => s.personId)).toEqual(['l1', 'l2', 'l3']);
  });

  it('refuses a pool too small to rotate or a person in two pools (spec duty §4.2 RS-2, RS-4)', () => {
    const h = holiday(2026, 'Qingming Festival');
    expect(() => draftHolidayShifts(h, { ...pools, officers: ['o1'] }, office)).toThrow(
      expect.objectContaining({ code: 'HOLIDAY_POOL_TOO_SMALL' }),
    );
    expect(() => draftHolidayShifts(h, { ...pools, leaders: [] }, office)).toThrow(
      expect.objectContaining({ code: 'HOLIDAY_POOL_TOO_SMALL' }),
    );
    expect(() => draftHolidayShifts(h, { ...pools, leaders: ['o1'] }, office)).toThrow(
      expect.objectContaining({ code: 'HOLIDAY_POOL_TOO_SMALL' }),
    );
  });
});
