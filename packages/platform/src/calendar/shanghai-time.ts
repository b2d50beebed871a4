import { assertInteger, assertValidDate, CalendarError } from './calendar-error';

/*
 * Mainland China has kept a single UTC+8 offset with no daylight saving since 1991, so fixed-offset arithmetic is
 * exact for every date this calendar can describe and does not depend on the ICU time-zone data of the Node build.
 */
const MS_PER_DAY = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_KEY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whole days since 1970-01-01 counted in Asia/Shanghai local dates; the calendar's internal unit. */
export type LocalDay = number;

export function toLocalDay(date: Date): LocalDay {
  return Math.floor((assertValidDate(date).getTime() + SHANGHAI_OFFSET_MS) / MS_PER_DAY);
}

/** 00:00:00.000 Shanghai time of the given local day. */
export function startOfLocalDay(day: LocalDay): Date {
  return new Date(day * MS_PER_DAY - SHANGHAI_OFFSET_MS);
}

/** 23:59:59.999 Shanghai time: a deadline "by day X" must still accept work submitted late that evening. */
export function endOfLocalDay(day: LocalDay): Date {
  return new Date((day + 1) * MS_PER_DAY - SHANGHAI_OFFSET_MS - 1);
}

/** 0 = Sunday … 6 = Saturday, matching Date#getDay. */
export function weekdayOf(day: LocalDay): number {
  // Day 0 (1970-01-01) was a Thursday; the double modulo keeps pre-1970 days non-negative.
  return (((day + 4) % 7) + 7) % 7;
}

export function isWeekend(day: LocalDay): boolean {
  const weekday = weekdayOf(day);
  return weekday === 0 || weekday === 6;
}

export function yearOf(day: LocalDay): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

export function formatLocalDay(day: LocalDay): string {
  const utc = new Date(day * MS_PER_DAY);
  const month = String(utc.getUTCMonth() + 1).padStart(2, '0');
  const date = String(utc.getUTCDate()).padStart(2, '0');
  return `${String(utc.getUTCFullYear()).padStart(4, '0')}-${month}-${date}`;
}

/** Parses 'YYYY-MM-DD'; returns undefined for anything that is not a real calendar date. */
export function parseLocalDay(key: string): LocalDay | undefined {
  const match = DAY_KEY_PATTERN.exec(key);
  if (!match) return undefined;
  const [year, month, date] = [match[1], match[2], match[3]].map(Number) as [number, number, number];
  const day = Date.UTC(year, month - 1, date) / MS_PER_DAY;
  // Date.UTC silently rolls 2024-02-30 over into March; the round trip rejects such typos in the data files.
  return formatLocalDay(day) === key ? day : undefined;
}

/** The Shanghai calendar date of an instant, e.g. 2024-03-01T16:30:00Z -> '2024-03-02'. */
export function shanghaiDateKey(date: Date): string {
  return formatLocalDay(toLocalDay(date));
}

/** Moves an instant by whole days; plain 24-hour steps are exact because Shanghai has no DST transitions. */
export function addCalendarDays(date: Date, days: number): Date {
  assertValidDate(date);
  assertInteger(days, 'days');
  const moved = new Date(date.getTime() + days * MS_PER_DAY);
  if (Number.isNaN(moved.getTime())) {
    throw new CalendarError('CALENDAR_INVALID_INPUT', `adding ${days} days leaves the representable date range`);
  }
  return moved;
}
