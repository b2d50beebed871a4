import { hasRole, type Actor } from '@gov/platform/auth';
import {
  checkCoverage,
  nightsFollowedByDay,
  type Contact,
  type Roster,
  type Shift,
  type ShiftPolicy,
  type ShiftType,
} from './roster';
import { invalidRoster, RosterReviewError } from './roster-review-error';

/** 值班表种类 — a regular (weekly/monthly) roster or a 节假日值班表 for one holiday (spec duty §15.1). */
export type RosterKind = 'REGULAR' | 'HOLIDAY';
export const rosterKinds: readonly RosterKind[] = ['REGULAR', 'HOLIDAY'];

/**
 * States of spec duty §4.3. AMENDED is not a state of its own: an amendment is PUBLISHED at version + 1 (on the
 * published roster, by an approved swap). LOCKED follows once the period has ended.
 */
export type RosterReviewStatus = 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'PUBLISHED' | 'LOCKED';

/** A night followed directly by a day for one person, allowed because someone wrote down why (RS-4). */
export interface RestOverride {
  personId: string;
  startsAt: Date;
  reason: string;
}

/** 值班表 under review (spec duty §15.1 DutyRoster with status §4.3). */
export interface RosterDraft {
  id: string;
  kind: RosterKind;
  status: RosterReviewStatus;
  periodStart: Date;
  periodEnd: Date;
  shifts: Shift[];
  contacts: Contact[];
  restOverrides: RestOverride[];
  /** RS-2: the recorded exemption that lets shift counts differ by more than one. */
  fairnessExemption?: string;
  holidayName?: string;
  preparedBy: string;
  submittedAt?: Date;
  approvedBy?: string;
  approvedAt?: Date;
  rejectedBy?: string;
  rejectionReason?: string;
  publishedBy?: string;
  publishedAt?: Date;
  publishedVersion?: number;
  /** §4.3 period end: locked by the sweep; no amendment after this. */
  lockedAt?: Date;
}

/** What roster review tells other services (spec duty §16.1); the Kafka mapper turns it into a message. */
export interface RosterPublishedEvent {
  type: 'roster.published';
  rosterId: string;
  version: number;
  kind: RosterKind;
  periodStart: Date;
  periodEnd: Date;
  shifts: Shift[];
  publishedBy: string;
  approvedBy: string;
  at: Date;
}

/** The period ended and the roster was locked (spec duty §4.3 PUBLISHED → LOCKED). */
export interface RosterLockedEvent {
  type: 'roster.locked';
  rosterId: string;
  version: number;
  periodEnd: Date;
  at: Date;
}

export type RosterEvent = RosterPublishedEvent | RosterLockedEvent;

/** A rule's outcome: the next state, the events and the audit action, written together in one document. */
export interface RosterTransition {
  next: RosterDraft;
  events: RosterEvent[];
  action: string;
  details?: Record<string, unknown>;
}

/** Review settings; [config] values with the spec defaults. */
export interface RosterReviewPolicy {
  office: ShiftPolicy;
  /** RS-5: working days between publication and the first holiday day [inferred: 3]. */
  holidayLeadWorkingDays: number;
}

/** The working-day calendar as RS-5 needs it (`defaultCalendar` satisfies it). */
export interface WorkingDays {
  /** Working days after a's local day up to and including b's (negative when b is before a). */
  workingDaysBetween(a: Date, b: Date): number;
}

/** Who prepares drafts and who approves and publishes them (spec duty §3.2; §18 D-5 ROSTER_ADMIN configurable). */
export const rosterPreparers = ['ROSTER_ADMIN', 'DUTY_ROOM_MANAGER'];
export const rosterApprovers = ['OFFICE_DIRECTOR', 'DUTY_ROOM_MANAGER'];

export function mayReview(actor: Actor, roles: readonly string[], what: string): void {
  if (!hasRole(actor, ...roles))
    throw new RosterReviewError('ROSTER_REVIEW_NOT_PERMITTED', `${what} needs one of the roles ${roles.join(', ')}`);
}

const officerTypes: ShiftType[] = ['OFFICE_DAY', 'OFFICE_NIGHT'];

/** The calendar quarter (Asia/Shanghai) a shift counts in, by its start: e.g. "2026-Q4". */
export function quarterOf(at: Date): string {
  const local = new Date(at.getTime() + 8 * 3600_000);
  return `${local.getUTCFullYear()}-Q${Math.floor(local.getUTCMonth() / 3) + 1}`;
}

/** The instants a quarter of `quarterOf` runs between, [start, end). */
export function quarterBounds(quarter: string): { start: Date; end: Date } {
  const [y, q] = [Number(quarter.slice(0, 4)), Number(quarter.slice(-1))];
  const at = (year: number, month: number) => new Date(Date.UTC(year, month, 1) - 8 * 3600_000);
  return { start: at(y, (q - 1) * 3), end: q === 4 ? at(y + 1, 0) : at(y, q * 3) };
}

/**
 * RS-2 fairness (spec duty §4.2): duty officers' shift counts differ by at most one, and so do office leaders'
 * 24-hour duties (RS-3 rotation), unless an exemption is recorded — within the roster, and in each calendar
 * quarter its shifts fall in, counted together with the other approved or published rosters of that quarter
 * (`earlier`: their shifts). Everyone with a shift in the quarter counts; someone who joins the rotation mid-quarter
 * needs the exemption.
 */
export function checkFairness(shifts: readonly Shift[], exemption?: string, earlier: readonly Shift[] = []): void {
  if (exemption?.trim()) return;
  checkCounts(shifts, 'in this roster');
  for (const quarter of new Set(shifts.map((s) => quarterOf(s.startsAt))))
    checkCounts(
      [...earlier, ...shifts].filter((s) => quarterOf(s.startsAt) === quarter),
      `over ${quarter} with the rosters already approved`,
    );
}

function checkCounts(shifts: readonly Shift[], where: string): void {
  const groups: [string, ShiftType[]][] = [
    ['duty officers', officerTypes],
    ['office leaders', ['OFFICE_LEADER_24H']],
  ];
  for (const [who, types] of groups) {
    const counts = new Map<string, number>();
    for (const s of shifts) if (types.includes(s.type)) counts.set(s.personId, (counts.get(s.personId) ?? 0) + 1);
    if (counts.size === 0) continue;
    const min = Math.min(...counts.values());
    const max = Math.max(...counts.values());
    if (max - min > 1)
      throw new RosterReviewError(
        'ROSTER_UNFAIR',
        `${who}' shift counts ${where} range from ${min} to ${max}; RS-2 allows a difference of one unless an exemption is recorded`,
      );
  }
}

/** RS-4's night-then-day rule: every such pair needs an override with a reason (spec duty §4.2). */
export function checkRest(shifts: readonly Shift[], overrides: readonly RestOverride[]): void {
  for (const p of nightsFollowedByDay(shifts)) {
    const ok = overrides.some(
      (o) => o.personId === p.personId && o.startsAt.getTime() === p.nextStartsAt.getTime() && o.reason.trim(),
    );
    if (!ok)
      throw new RosterReviewError(
        'ROSTER_NIGHT_THEN_DAY',
        `${p.personId} goes from the night shift straight into the shift at ${p.nextStartsAt.toISOString()}; ` +
          'record an override reason or change the roster',
      );
  }
}

/** The submit guard: RS-1, RS-3, RS-4 overlap (coverage), RS-2 fairness and RS-4 rest (spec duty §4.3). */
export function checkRosterRules(
  d: Pick<RosterDraft, 'periodStart' | 'periodEnd' | 'shifts' | 'restOverrides' | 'fairnessExemption'>,
  p: ShiftPolicy,
  earlier: readonly Shift[] = [],
): void {
  checkCoverage(d, p);
  checkFairness(d.shifts, d.fairnessExemption, earlier);
  checkRest(d.shifts, d.restOverrides);
}

function inState(d: RosterDraft, status: RosterReviewStatus, command: string): void {
  if (d.status !== status)
    throw new RosterReviewError('ROSTER_STATE', `cannot ${command} roster ${d.id}: it is ${d.status}, not ${status}`);
}

/** The editable content of a draft, validated. */
export type DraftContent = Pick<RosterDraft, 'shifts' | 'contacts' | 'restOverrides' | 'fairnessExemption'>;

export function newDraft(
  init: DraftContent & Pick<RosterDraft, 'id' | 'kind' | 'periodStart' | 'periodEnd' | 'holidayName'>,
  preparedBy: string,
): RosterTransition {
  if (!(init.periodStart.getTime() < init.periodEnd.getTime()))
    throw invalidRoster('periodEnd', 'must be after periodStart');
  if (init.kind === 'HOLIDAY' && !init.holidayName?.trim())
    throw invalidRoster('holidayName', 'is required for a HOLIDAY roster');
  return {
    next: { ...init, status: 'DRAFT', preparedBy },
    events: [],
    action: 'roster.drafted',
    details: { kind: init.kind, shifts: init.shifts.length },
  };
}

/** Replaces a DRAFT's content (after a rejection, or while preparing it). */
export function reviseDraft(d: RosterDraft, content: DraftContent): RosterTransition {
  inState(d, 'DRAFT', 'revise');
  return {
    next: { ...d, ...content },
    events: [],
    action: 'roster.revised',
    details: { shifts: content.shifts.length },
  };
}

/** DRAFT → SUBMITTED when RS-1..RS-4 pass (spec duty §4.3). */
/** DRAFT → SUBMITTED; `earlier`: the shifts of the other approved or published rosters in the same quarters (RS-2). */
export function submitDraft(
  d: RosterDraft,
  p: ShiftPolicy,
  now: Date,
  earlier: readonly Shift[] = [],
): RosterTransition {
  inState(d, 'DRAFT', 'submit');
  checkRosterRules(d, p, earlier);
  return { next: { ...d, status: 'SUBMITTED', submittedAt: now }, events: [], action: 'roster.submitted' };
}

/** SUBMITTED → APPROVED by an approver (spec duty §4.3; OFFICE_DIRECTOR or DUTY_ROOM_MANAGER [inferred]). */
export function approveDraft(d: RosterDraft, approver: Actor, now: Date, note = ''): RosterTransition {
  mayReview(approver, rosterApprovers, 'approving a roster');
  inState(d, 'SUBMITTED', 'approve');
  return {
    next: { ...d, status: 'APPROVED', approvedBy: approver.userId, approvedAt: now },
    events: [],
    action: 'roster.approved',
    details: note.trim() ? { note } : undefined,
  };
}

/** SUBMITTED → DRAFT with a reason (spec duty §4.3). */
export function rejectDraft(d: RosterDraft, approver: Actor, reason: string): RosterTransition {
  mayReview(approver, rosterApprovers, 'rejecting a roster');
  if (!reason.trim()) throw invalidRoster('reason', 'is required to reject a roster');
  inState(d, 'SUBMITTED', 'reject');
  const { submittedAt: _s, ...rest } = d;
  return {
    next: { ...rest, status: 'DRAFT', rejectedBy: approver.userId, rejectionReason: reason },
    events: [],
    action: 'roster.rejected',
    details: { reason },
  };
}

/**
 * RS-5 (spec duty §4.2): a HOLIDAY roster is published at least `lead` working days before the holiday starts,
 * counted with the working-day calendar over the days after publication up to the day before the holiday.
 */
export function checkHolidayLead(
  d: Pick<RosterDraft, 'kind' | 'periodStart'>,
  now: Date,
  calendar: WorkingDays,
  lead: number,
): void {
  if (d.kind !== 'HOLIDAY') return;
  const dayBefore = new Date(d.periodStart.getTime() - 86_400_000);
  const left = calendar.workingDaysBetween(now, dayBefore);
  if (left < lead)
    throw new RosterReviewError(
      'ROSTER_PUBLISH_TOO_LATE',
      `a holiday roster must be published ${lead} working days before the holiday; ${Math.max(left, 0)} remain`,
    );
}

/** APPROVED → PUBLISHED (spec duty §4.3), emitting duty.roster.published with version 1 (§16.1). */
export function publishDraft(
  d: RosterDraft,
  publisher: Actor,
  now: Date,
  calendar: WorkingDays,
  policy: RosterReviewPolicy,
): RosterTransition {
  mayReview(publisher, rosterApprovers, 'publishing a roster');
  inState(d, 'APPROVED', 'publish');
  checkHolidayLead(d, now, calendar, policy.holidayLeadWorkingDays);
  // coverage is re-checked: the shift policy may have changed since submission
  checkRosterRules(d, policy.office);
  const version = 1;
  return {
    next: { ...d, status: 'PUBLISHED', publishedBy: publisher.userId, publishedAt: now, publishedVersion: version },
    events: [
      {
        type: 'roster.published',
        rosterId: d.id,
        version,
        kind: d.kind,
        periodStart: d.periodStart,
        periodEnd: d.periodEnd,
        shifts: d.shifts,
        publishedBy: publisher.userId,
        approvedBy: d.approvedBy ?? '',
        at: now,
      },
    ],
    action: 'roster.published',
    details: { version },
  };
}

/** The published roster the cache and the alert path read (only PUBLISHED drafts become one). */
export function publishedRoster(d: RosterDraft): Roster {
  if (d.status !== 'PUBLISHED') throw new RosterReviewError('ROSTER_STATE', `roster ${d.id} is ${d.status}`);
  return {
    id: d.id,
    version: d.publishedVersion ?? 1,
    periodStart: d.periodStart,
    periodEnd: d.periodEnd,
    shifts: d.shifts,
    contacts: d.contacts,
    kind: d.kind,
  };
}

/**
 * §4.3 PUBLISHED → LOCKED once the period has ended (the lock sweep); the last published version stands as the
 * record. Undefined when there is nothing to do: not published, locked already, or the period still running.
 */
export function lockRoster(d: RosterDraft, now: Date): RosterTransition | undefined {
  if (d.status !== 'PUBLISHED' || d.periodEnd.getTime() > now.getTime()) return undefined;
  const version = d.publishedVersion ?? 1;
  return {
    next: { ...d, status: 'LOCKED', lockedAt: now },
    events: [{ type: 'roster.locked', rosterId: d.id, version, periodEnd: d.periodEnd, at: now }],
    action: 'roster.locked',
    details: { version },
  };
}

const sameShifts = (a: readonly Shift[], b: readonly Shift[]) =>
  a.length === b.length &&
  a.every(
    (s, i) =>
      s.type === b[i]!.type &&
      s.personId === b[i]!.personId &&
      s.startsAt.getTime() === b[i]!.startsAt.getTime() &&
      s.endsAt.getTime() === b[i]!.endsAt.getTime(),
  );

/**
 * The one-step PublishRoster command (duty.proto) recorded as draft + submit + approve + publish by one authorised
 * caller: a PUBLISHED REGULAR roster with its audit entry and duty.roster.published. Undefined when the same
 * content is recorded already (a retry); a re-publication of the period with other shifts is version + 1.
 */
export function recordDirectPublication(
  prev: RosterDraft | undefined,
  roster: Roster,
  actor: Actor,
  now: Date,
): RosterTransition | undefined {
  if (
    prev?.status === 'PUBLISHED' &&
    prev.periodStart.getTime() === roster.periodStart.getTime() &&
    prev.periodEnd.getTime() === roster.periodEnd.getTime() &&
    sameShifts(prev.shifts, roster.shifts)
  )
    return undefined;
  const version = (prev?.publishedVersion ?? 0) + 1;
  const next: RosterDraft = {
    id: roster.id,
    kind: 'REGULAR',
    status: 'PUBLISHED',
    periodStart: roster.periodStart,
    periodEnd: roster.periodEnd,
    shifts: roster.shifts,
    contacts: roster.contacts,
    restOverrides: [],
    preparedBy: actor.userId,
    submittedAt: now,
    approvedBy: actor.userId,
    approvedAt: now,
    publishedBy: actor.userId,
    publishedAt: now,
    publishedVersion: version,
  };
  const event: RosterPublishedEvent = {
    type: 'roster.published',
    rosterId: roster.id,
    version,
    kind: 'REGULAR',
    periodStart: roster.periodStart,
    periodEnd: roster.periodEnd,
    shifts: roster.shifts,
    publishedBy: actor.userId,
    approvedBy: actor.userId,
    at: now,
  };
  return { next, events: [event], action: 'roster.published_directly', details: { version } };
}
