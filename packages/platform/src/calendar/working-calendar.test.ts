import { CalendarError } from './calendar-error';
import { defaultCalendar } from './default-calendar';
import { WorkingCalendar } from './working-calendar';
import type { HolidayYearRecord } from './year-record';

const at = (key: string) => new Date(`${key}T10:00:00+08:00`);

const testDay = (from: string, to: string) => ({ name: 'Test Day', nameZh: '测试节', from, to });
const makeUp = (date: string, holiday = 'Test Day') => ({ date, for: holiday });

/** A made-up year (2030) with one holiday and one make-up Saturday; tests override what they exercise. */
function yearRecord(overrides: Partial<HolidayYearRecord> = {}): HolidayYearRecord {
  return {
    year: 2030,
    version: '2030.1',
    source: { issuer: 'test', title: 'test notice', published: '2029-11-01', url: 'https://example.invalid/2030' },
    holidays: [testDay('2030-05-01', '2030-05-03')],
    makeUpWorkdays: [makeUp('2030-05-11')],
    ...overrides,
  };
}

describe(WorkingCalendar.name, () => {
  it('reports the last published year and a version naming every year record', () => {
    const calendar = new WorkingCalendar([
      yearRecord({ year: 2031, version: '2031.2', holidays: [], makeUpWorkdays: [] }),
      yearRecord(),
    ]);
    expect(calendar.lastPublishedYear).toBe(2031);
    expect(calendar.version).toBe('2030.1+2031.2');
    expect(defaultCalendar.version).toBe('2024.1+2025.1+2026.1');
  });

  it('applies weekends only, and flags provisional, in a year missing from the records', () => {
    const calendar = new WorkingCalendar([yearRecord()]);
    expect(calendar.isWorkingDay(at('2030-05-01'))).toBe(false);
    expect(calendar.isWorkingDay(at('2031-05-01'))).toBe(true);
    expect(calendar.isProvisional(at('2031-05-01'))).toBe(true);
    expect(calendar.addWorkingDays(at('2030-12-31'), 1)).toMatchObject({ provisional: true });
  });

  it.each([
    ['no years at all', []],
    ['the same year twice', [yearRecord(), yearRecord()]],
    ['an impossible date', [yearRecord({ holidays: [testDay('2030-02-30', '2030-03-01')] })]],
    ['a date two years off', [yearRecord({ makeUpWorkdays: [makeUp('2028-05-13')] })]],
    ['a range ending before it starts', [yearRecord({ holidays: [testDay('2030-05-03', '2030-05-01')] })]],
    ['a make-up workday on a weekday', [yearRecord({ makeUpWorkdays: [makeUp('2030-05-13')] })]],
    ['a make-up workday for an unknown holiday', [yearRecord({ makeUpWorkdays: [makeUp('2030-05-11', 'Other')] })]],
    ['a day both off and worked', [yearRecord({ holidays: [testDay('2030-05-10', '2030-05-11')] })]],
  ])('refuses data with %s as CALENDAR_INVALID_DATA', (_label, records) => {
    expect(() => new WorkingCalendar(records)).toThrow(expect.objectContaining({ code: 'CALENDAR_INVALID_DATA' }));
  });

  it('accepts a notice that reaches back into the previous December', () => {
    const calendar = new WorkingCalendar([yearRecord({ makeUpWorkdays: [makeUp('2029-12-29')] })]);
    expect(calendar.isWorkingDay(at('2029-12-29'))).toBe(true);
  });
});

describe(defaultCalendar.nextWorkingDay.name, () => {
  it('returns the start of the first working day after the date, in Shanghai time', () => {
    expect(defaultCalendar.nextWorkingDay(at('2024-03-01'))).toEqual(new Date('2024-03-04T00:00:00+08:00'));
    expect(defaultCalendar.nextWorkingDay(at('2024-09-30'))).toEqual(new Date('2024-10-08T00:00:00+08:00'));
  });
});

describe(defaultCalendar.workingDaysBetween.name, () => {
  it('counts working days after the first date up to and including the second', () => {
    expect(defaultCalendar.workingDaysBetween(at('2024-03-01'), at('2024-03-04'))).toBe(1);
    expect(defaultCalendar.workingDaysBetween(at('2024-03-01'), at('2024-03-01'))).toBe(0);
  });

  it('is the inverse of addWorkingDays across a holiday', () => {
    const start = at('2025-01-24');
    const { due } = defaultCalendar.addWorkingDays(start, 7);
    expect(defaultCalendar.workingDaysBetween(start, due)).toBe(7);
  });

  it('is negative when the second date comes first', () => {
    expect(defaultCalendar.workingDaysBetween(at('2024-03-04'), at('2024-03-01'))).toBe(-1);
  });

  it('rejects an invalid date with CALENDAR_INVALID_INPUT', () => {
    expect(() => defaultCalendar.workingDaysBetween(new Date('x'), at('2024-03-01'))).toThrow(CalendarError);
  });
});
