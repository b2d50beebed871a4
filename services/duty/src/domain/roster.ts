import { DutyError } from './duty-error';

/** Shift types this service rosters (spec duty §4.1); driver and security posts are not built yet. */
export type ShiftType = 'OFFICE_DAY' | 'OFFICE_NIGHT' | 'OFFICE_LEADER_24H' | 'GOV_LEADER_24H';

/** 班次 — one person holding one shift window. */
export interface Shift {
  type: ShiftType;
  startsAt: Date;
  endsAt: Date;
  personId: string;
}

/** Standing roles the escalation chain reaches besides the people on shift (spec duty §9.4). */
export type StandingRole =
  | 'OFFICE_DIRECTOR'
  | 'OFFICE_ACTING_DIRECTOR'
  /** 分管副主任 — reviews written reports first (spec duty §9.7). */
  | 'OFFICE_DEPUTY'
  | 'GOV_PRINCIPAL'
  | 'GOV_EXEC_DEPUTY';

/** 通讯录 entry with whereabouts (spec duty §14, §10 WH-6). */
export interface Contact {
  personId: string;
  name: string;
  phone: string;
  standingRole?: StandingRole;
  away: boolean;
  substituteId?: string;
}

/** 值班表 — a published roster for a period, with the contacts the alert path needs. */
export interface Roster {
  id: string;
  version: number;
  periodStart: Date;
  periodEnd: Date;
  shifts: Shift[];
  contacts: Contact[];
  /** REGULAR unless published through review as a holiday roster (announced with each new version). */
  kind?: 'REGULAR' | 'HOLIDAY';
  /** §4.3 PUBLISHED → LOCKED once the period ended: no amendment after this. */
  lockedAt?: Date;
}

/**
 * Shift windows in Shanghai local minutes after midnight (spec duty §4.1; 003 L388: 白班 08:30-18:00,
 * 夜班 18:00-08:30). Configuration, so an office with other hours changes settings, not code.
 */
export interface ShiftPolicy {
  dayStartMinute: number;
  nightStartMinute: number;
}

export const defaultShiftPolicy: ShiftPolicy = { dayStartMinute: 8 * 60 + 30, nightStartMinute: 18 * 60 };

const shanghaiMs = 8 * 3600_000;
const dayMs = 86_400_000;

/** The instant of `minute` (Shanghai local) on the local day containing `t`. */
export function atLocalMinute(t: Date, minute: number): Date {
  const local = t.getTime() + shanghaiMs;
  return new Date(local - (local % dayMs) - shanghaiMs + minute * 60_000);
}

/** Office duty shift windows covering [from, to): day, night and 24-hour leader windows (spec duty §4.1). */
export function shiftWindows(
  from: Date,
  to: Date,
  p: ShiftPolicy,
): { type: ShiftType; startsAt: Date; endsAt: Date }[] {
  const out: { type: ShiftType; startsAt: Date; endsAt: Date }[] = [];
  let day = atLocalMinute(new Date(from.getTime() - dayMs), 0);
  while (day.getTime() < to.getTime()) {
    const dayStart = new Date(day.getTime() + p.dayStartMinute * 60_000);
    const nightStart = new Date(day.getTime() + p.nightStartMinute * 60_000);
    const next = new Date(dayStart.getTime() + dayMs);
    out.push({ type: 'OFFICE_DAY', startsAt: dayStart, endsAt: nightStart });
    out.push({ type: 'OFFICE_NIGHT', startsAt: nightStart, endsAt: next });
    out.push({ type: 'OFFICE_LEADER_24H', startsAt: dayStart, endsAt: next });
    day = new Date(day.getTime() + dayMs);
  }
  return out.filter((w) => w.endsAt.getTime() > from.getTime() && w.startsAt.getTime() < to.getTime());
}

/** Shifts of `type` covering instant `t`. */
const covering = (shifts: Shift[], type: ShiftType, t: number) =>
  shifts.filter((s) => s.type === type && s.startsAt.getTime() <= t && t < s.endsAt.getTime());

/**
 * Coverage rules checked before a roster is published (spec duty §4.2): RS-1 no gap and no empty post
 * (every officer window has ≥ 1 officer, every leader window exactly 1 leader), RS-4 no person on two
 * overlapping shifts. Checked at every shift boundary, which is where coverage can change.
 */
export function checkCoverage(roster: Pick<Roster, 'periodStart' | 'periodEnd' | 'shifts'>, p: ShiftPolicy): void {
  if (!(roster.periodStart.getTime() < roster.periodEnd.getTime()))
    throw new DutyError('ROSTER_INVALID', 'the roster period must end after it starts');
  const instants = new Set<number>([roster.periodStart.getTime()]);
  for (const s of roster.shifts) instants.add(s.startsAt.getTime()).add(s.endsAt.getTime());
  for (const w of shiftWindows(roster.periodStart, roster.periodEnd, p)) instants.add(w.startsAt.getTime());
  const inPeriod = [...instants]
    .filter((t) => t >= roster.periodStart.getTime() && t < roster.periodEnd.getTime())
    .sort((a, b) => a - b);
  for (const t of inPeriod) {
    const officers =
      covering(roster.shifts, 'OFFICE_DAY', t).length + covering(roster.shifts, 'OFFICE_NIGHT', t).length;
    if (officers === 0)
      throw new DutyError('COVERAGE_GAP', `no duty officer at ${new Date(t).toISOString()} (24小时不断档、不空岗)`);
    const leaders = covering(roster.shifts, 'OFFICE_LEADER_24H', t).length;
    if (leaders !== 1)
      throw new DutyError(
        'NO_LEADER_ON_DUTY',
        `${leaders} office leaders on 24-hour duty at ${new Date(t).toISOString()}; exactly one is required`,
      );
  }
  const byPerson = new Map<string, Shift[]>();
  for (const s of roster.shifts) byPerson.set(s.personId, [...(byPerson.get(s.personId) ?? []), s]);
  for (const [person, list] of byPerson) {
    const sorted = [...list].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    for (let i = 1; i < sorted.length; i++)
      if (sorted[i]!.startsAt.getTime() < sorted[i - 1]!.endsAt.getTime())
        throw new DutyError('OVERLAPPING_SHIFTS', `${person} holds two overlapping shifts`);
  }
}

/** Who is on duty at `t` (spec duty §9.5 AK-5: the alert path reads this from memory). */
export function onDutyAt(rosters: readonly Roster[], t: Date): { shift: Shift; contact?: Contact }[] {
  const ms = t.getTime();
  const out: { shift: Shift; contact?: Contact }[] = [];
  for (const r of rosters) {
    for (const s of r.shifts)
      if (s.startsAt.getTime() <= ms && ms < s.endsAt.getTime())
        out.push({ shift: s, contact: r.contacts.find((c) => c.personId === s.personId) });
  }
  return out;
}

/** A night shift followed directly by another shift of the same person (spec duty §4.2 RS-4). */
export interface NightThenDay {
  personId: string;
  nightStartsAt: Date;
  /** Start of the shift that follows the night (= the night's end). */
  nextStartsAt: Date;
}

/**
 * RS-4's second half (spec duty §4.2): a night shift followed directly by a day shift for the same person needs
 * an explicit override reason. Lists every such pair; the caller decides whether an override covers it.
 */
export function nightsFollowedByDay(shifts: readonly Shift[]): NightThenDay[] {
  const out: NightThenDay[] = [];
  for (const night of shifts) {
    if (night.type !== 'OFFICE_NIGHT') continue;
    const end = night.endsAt.getTime();
    for (const next of shifts)
      if (next.personId === night.personId && next.type !== 'OFFICE_NIGHT' && next.startsAt.getTime() === end)
        out.push({ personId: night.personId, nightStartsAt: night.startsAt, nextStartsAt: next.startsAt });
  }
  return out;
}
