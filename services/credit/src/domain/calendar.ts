import { shanghaiDateKey } from '@gov/platform/calendar';

/** Calendar arithmetic in Asia/Shanghai (UTC+8 all year, no daylight saving; spec credit §0.3). */
const OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 86400000;

/** The Shanghai calendar date (YYYY-MM-DD) of an instant. */
export const shanghaiDate = (at: Date): string => shanghaiDateKey(at);

/** The date `days` calendar days after `date` (YYYY-MM-DD). */
export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The last instant of a Shanghai calendar day (23:59:59.999+08:00), the way a period ends (spec credit §20). */
export const endOfShanghaiDay = (date: string): Date =>
  new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS - 1 - OFFSET_MS);

/** Whether a YYYY-MM-DD string names a real date. */
export function isDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const t = Date.parse(`${s}T00:00:00Z`);
  // an impossible day (02-30) either fails to parse or rolls into the next month
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
}

/** Whether the date is the last day of its month. */
export const isMonthEnd = (date: string): boolean => isDate(date) && addDays(date, 1).endsWith('-01');

/** The last month end strictly before the instant's Shanghai date (on 2026-12-01 it is 2026-11-30). */
export const lastMonthEndBefore = (at: Date): string => addDays(`${shanghaiDate(at).slice(0, 7)}-01`, -1);
