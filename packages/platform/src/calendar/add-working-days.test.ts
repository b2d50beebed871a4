import { CalendarError } from './calendar-error';
import { defaultCalendar } from './default-calendar';

const at = (key: string, time = '10:00') => new Date(`${key}T${time}:00+08:00`);
const endOf = (key: string) => new Date(`${key}T23:59:59.999+08:00`);
const addWorkingDays = defaultCalendar.addWorkingDays.bind(defaultCalendar);

describe(defaultCalendar.addWorkingDays.name, () => {
  it('moves a Friday deadline of one working day to the end of Monday', () => {
    expect(addWorkingDays(at('2024-03-01'), 1)).toEqual({
      due: endOf('2024-03-04'),
      provisional: false,
      calendarVersion: defaultCalendar.version,
    });
  });

  it('skips the 2024 Spring Festival and counts the make-up Sunday 2024-02-18', () => {
    // Thursday 8 Feb: Fri 9 Feb (除夕 is a working day in 2024), then 10–17 off, Sun 18 Feb make-up, Mon 19 Feb.
    expect(addWorkingDays(at('2024-02-08'), 1).due).toEqual(endOf('2024-02-09'));
    expect(addWorkingDays(at('2024-02-08'), 2).due).toEqual(endOf('2024-02-18'));
    expect(addWorkingDays(at('2024-02-08'), 3).due).toEqual(endOf('2024-02-19'));
  });

  it('crosses the 2025 Spring Festival via the make-up Sunday 2025-01-26', () => {
    expect(addWorkingDays(at('2025-01-24'), 1).due).toEqual(endOf('2025-01-26'));
    expect(addWorkingDays(at('2025-01-24'), 3).due).toEqual(endOf('2025-02-05'));
  });

  it('counts from the Shanghai date, so 16:30 UTC on a Friday starts from Saturday', () => {
    expect(addWorkingDays(new Date('2024-03-01T15:30:00Z'), 0).due).toEqual(endOf('2024-03-01'));
    expect(addWorkingDays(new Date('2024-03-01T16:30:00Z'), 0).due).toEqual(endOf('2024-03-04'));
  });

  it('with n = 0 ends on the start day when it is a working day, else on the next working day', () => {
    expect(addWorkingDays(at('2024-03-01'), 0).due).toEqual(endOf('2024-03-01'));
    expect(addWorkingDays(at('2024-10-01'), 0).due).toEqual(endOf('2024-10-08'));
  });

  it('counts the start day only when countStartDay is set and the start day is a working day', () => {
    expect(addWorkingDays(at('2024-03-01'), 1, { countStartDay: true }).due).toEqual(endOf('2024-03-01'));
    expect(addWorkingDays(at('2024-03-01'), 2, { countStartDay: true }).due).toEqual(endOf('2024-03-04'));
    expect(addWorkingDays(at('2024-03-02'), 1, { countStartDay: true }).due).toEqual(endOf('2024-03-04'));
  });

  it('flags a deadline reaching into 2027, which has no published notice, as provisional', () => {
    // Only weekends are skipped in 2027, so Friday 1 January counts as a working day.
    const deadline = addWorkingDays(at('2026-12-30'), 3);
    expect(deadline).toMatchObject({ due: endOf('2027-01-04'), provisional: true });
    expect(defaultCalendar.lastPublishedYear).toBe(2026);
  });

  it('keeps a deadline ending on the last published day firm', () => {
    expect(addWorkingDays(at('2026-12-29'), 2)).toMatchObject({ due: endOf('2026-12-31'), provisional: false });
  });

  it.each([
    ['a NaN date', new Date(Number.NaN), 1],
    ['a negative count', at('2024-03-01'), -1],
    ['a fractional count', at('2024-03-01'), 1.5],
    ['an infinite count', at('2024-03-01'), Number.POSITIVE_INFINITY],
    ['a count beyond MAX_WORKING_DAYS', at('2024-03-01'), 10_001],
  ])('rejects %s with CALENDAR_INVALID_INPUT', (_label, start, n) => {
    const attempt = () => addWorkingDays(start, n);
    expect(attempt).toThrow(CalendarError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'CALENDAR_INVALID_INPUT' }));
  });
});
