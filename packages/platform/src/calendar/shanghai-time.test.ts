import { CalendarError } from './calendar-error';
import { addCalendarDays, endOfLocalDay, parseLocalDay, shanghaiDateKey, toLocalDay, weekdayOf } from './shanghai-time';

describe(shanghaiDateKey.name, () => {
  it('reads the date in UTC+8, so 16:30 UTC on a Friday is already Saturday', () => {
    expect(shanghaiDateKey(new Date('2024-03-01T15:59:59.999Z'))).toBe('2024-03-01');
    expect(shanghaiDateKey(new Date('2024-03-01T16:30:00Z'))).toBe('2024-03-02');
  });

  it('rolls the year over at 16:00 UTC on 31 December', () => {
    expect(shanghaiDateKey(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });

  it('rejects an invalid Date with CALENDAR_INVALID_INPUT', () => {
    expect(() => shanghaiDateKey(new Date('not a date'))).toThrow(
      expect.objectContaining({ code: 'CALENDAR_INVALID_INPUT' }),
    );
  });
});

describe(weekdayOf.name, () => {
  it('agrees with the Gregorian weekday on both sides of 1970', () => {
    expect(weekdayOf(toLocalDay(new Date('2024-03-01T12:00:00+08:00')))).toBe(5);
    expect(weekdayOf(toLocalDay(new Date('1969-12-28T12:00:00+08:00')))).toBe(0);
  });
});

describe(endOfLocalDay.name, () => {
  it('is 23:59:59.999 Shanghai time, i.e. 15:59:59.999 UTC', () => {
    const day = toLocalDay(new Date('2024-03-01T09:00:00+08:00'));
    expect(endOfLocalDay(day).toISOString()).toBe('2024-03-01T15:59:59.999Z');
  });
});

describe(parseLocalDay.name, () => {
  it('rejects dates that do not exist instead of rolling them over', () => {
    expect(parseLocalDay('2024-02-29')).toBeDefined();
    expect(parseLocalDay('2025-02-29')).toBeUndefined();
    expect(parseLocalDay('2024-13-01')).toBeUndefined();
    expect(parseLocalDay('2024-2-1')).toBeUndefined();
  });
});

describe(addCalendarDays.name, () => {
  it('moves by whole 24-hour days, keeping the Shanghai wall-clock time', () => {
    const moved = addCalendarDays(new Date('2024-02-28T09:30:00+08:00'), 2);
    expect(moved.toISOString()).toBe('2024-03-01T01:30:00.000Z');
  });

  it('rejects a fractional day count', () => {
    expect(() => addCalendarDays(new Date(), 1.5)).toThrow(CalendarError);
  });
});
