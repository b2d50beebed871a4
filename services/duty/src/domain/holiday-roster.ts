import { checkCoverage, shiftWindows, type Shift, type ShiftPolicy, type ShiftType } from './roster';
import { checkFairness, checkRest } from './roster-review';
import { RosterReviewError } from './roster-review-error';

/** 放假 — a holiday period of the working-day calendar: Shanghai local days, both ends included. */
export interface HolidayPeriod {
  name: string;
  nameZh: string;
  from: string;
  to: string;
}

/** The pools a holiday roster draws from (spec duty §4.2 RS-2, RS-3; §3.1 roles). */
export interface HolidayPools {
  officers: readonly string[];
  leaders: readonly string[];
  govLeaders: readonly string[];
}

const dayMs = 86_400_000;

/**
 * The roster period of a holiday: from the day shift of its first day to the end of the night after its last
 * day (the morning of the first working day), in Shanghai time.
 */
export function holidayRosterPeriod(h: HolidayPeriod, p: ShiftPolicy): { periodStart: Date; periodEnd: Date } {
  const at = (day: string, plusDays: number) =>
    new Date(Date.parse(`${day}T00:00:00+08:00`) + plusDays * dayMs + p.dayStartMinute * 60_000);
  return { periodStart: at(h.from, 0), periodEnd: at(h.to, 1) };
}

/**
 * Picks the next person of a pool in rotation: the fewest shifts so far, never the holder of the window just
 * before (no day straight into night, no night straight into day — RS-4), ties broken by pool order. Because
 * the one excluded has just been counted, the pick always has the pool's lowest count: counts differ by ≤ 1 (RS-2).
 */
function rotate(pool: readonly string[], counts: Map<string, number>, previous: string | undefined): string {
  let best: string | undefined;
  for (const person of pool) {
    if (person === previous && pool.length > 1) continue;
    if (best === undefined || (counts.get(person) ?? 0) < (counts.get(best) ?? 0)) best = person;
  }
  counts.set(best!, (counts.get(best!) ?? 0) + 1);
  return best!;
}

function requirePool(name: string, pool: readonly string[], min: number): void {
  if (new Set(pool).size !== pool.length)
    throw new RosterReviewError('HOLIDAY_POOL_TOO_SMALL', `${name} lists someone twice`, [
      { field: name, message: 'has duplicates' },
    ]);
  if (pool.length < min)
    throw new RosterReviewError('HOLIDAY_POOL_TOO_SMALL', `${name} needs at least ${min} people`, [
      { field: name, message: `needs at least ${min}` },
    ]);
}

/**
 * Drafts the shifts of a holiday roster (spec duty §4.2): day and night officers drawn in rotation from the pool
 * (RS-2 fair within one), one office leader and one government leader on 24-hour duty each day in rotation (RS-3),
 * nobody on a night followed directly by a day (RS-4). The result passes checkCoverage (RS-1).
 */
export function draftHolidayShifts(h: HolidayPeriod, pools: HolidayPools, p: ShiftPolicy): Shift[] {
  requirePool('officers', pools.officers, 2);
  requirePool('leaders', pools.leaders, 1);
  requirePool('govLeaders', pools.govLeaders, 0);
  const everyone = [...pools.officers, ...pools.leaders, ...pools.govLeaders];
  if (new Set(everyone).size !== everyone.length)
    throw new RosterReviewError('HOLIDAY_POOL_TOO_SMALL', 'a person is in two pools and would hold overlapping shifts');
  const period = holidayRosterPeriod(h, p);
  const windows = shiftWindows(period.periodStart, period.periodEnd, p).sort(
    (a, b) => a.startsAt.getTime() - b.startsAt.getTime(),
  );
  const counts = new Map<string, number>();
  const last: Partial<Record<'officer' | 'leader' | 'gov', string>> = {};
  const shifts: Shift[] = [];
  const assign = (
    type: ShiftType,
    w: { startsAt: Date; endsAt: Date },
    group: keyof typeof last,
    pool: readonly string[],
  ) => {
    const personId = rotate(pool, counts, last[group]);
    last[group] = personId;
    shifts.push({ type, startsAt: w.startsAt, endsAt: w.endsAt, personId });
  };
  for (const w of windows) {
    if (w.type === 'OFFICE_LEADER_24H') {
      assign('OFFICE_LEADER_24H', w, 'leader', pools.leaders);
      if (pools.govLeaders.length) assign('GOV_LEADER_24H', w, 'gov', pools.govLeaders);
    } else assign(w.type, w, 'officer', pools.officers);
  }
  checkCoverage({ ...period, shifts }, p);
  checkFairness(shifts);
  checkRest(shifts, []);
  return shifts;
}
