import { consequenceOf, type Consequence, type ViolationType } from './discipline';
import { oneOfShift, ShiftError } from './shift-error';
import type { ShiftTransition } from './shift-events';
import { handoverClocks, type HandoverPolicy } from './handover';
import type { HandoverRecord } from './handover-record';

export const violationTypes: readonly ViolationType[] = [
  'DESERTION',
  'LATE_REPORT',
  'OMITTED_REPORT',
  'ERRONEOUS_REPORT',
  'FALSE_REPORT',
  'CONCEALED_REPORT',
  'SHELVED_MATTER',
  'REVERSE_FLOW',
  'LATE_CHECKIN',
  'SPOT_CHECK_FAILED',
];

/** Who circulated the failure (通报), spec duty §11.2 PN-2/PN-3 and §15.6. */
export type CircularLevel = 'PROVINCE' | 'PREFECTURE' | 'CITY';
export const circularLevels: readonly CircularLevel[] = ['PROVINCE', 'PREFECTURE', 'CITY'];

/** 值班违纪 — a duty violation, a candidate until the office director decides (spec duty §11.1, §15.6). */
export interface Violation {
  id: string;
  personId: string;
  type: ViolationType;
  incidentId?: string;
  evidence: string;
  circularLevel?: CircularLevel;
  causedByLeavingPost: boolean;
  occurredAt: Date;
  status: 'CANDIDATE' | 'CONFIRMED' | 'DISMISSED';
  circularCountYear?: number;
  consequence?: Consequence;
  recordedBy: string;
  decidedBy?: string;
  decidedAt?: Date;
  decisionNote?: string;
}

type T = ShiftTransition<Violation>;

export function recordViolation(
  o: {
    id: string;
    personId: string;
    type: string;
    incidentId: string;
    evidence: string;
    circularLevel: string;
    causedByLeavingPost: boolean;
    occurredAt: Date;
  },
  recordedBy: string,
  now: Date,
): T {
  if (!o.personId.trim())
    throw new ShiftError('SHIFT_INPUT_INVALID', 'personId is required', [
      { field: 'personId', message: 'is required' },
    ]);
  if (o.occurredAt.getTime() > now.getTime())
    throw new ShiftError('SHIFT_INPUT_INVALID', 'occurredAt is in the future', [
      { field: 'occurredAt', message: 'must not be in the future' },
    ]);
  const next: Violation = {
    id: o.id,
    personId: o.personId,
    type: oneOfShift('type', o.type, violationTypes),
    ...(o.incidentId ? { incidentId: o.incidentId } : {}),
    evidence: o.evidence,
    ...(o.circularLevel ? { circularLevel: oneOfShift('circularLevel', o.circularLevel, circularLevels) } : {}),
    causedByLeavingPost: o.causedByLeavingPost,
    occurredAt: o.occurredAt,
    status: 'CANDIDATE',
    recordedBy,
  };
  return { next, events: [], action: 'VIOLATION_RECORDED', details: { type: next.type } };
}

/**
 * LATE_CHECKIN (spec duty §5, §11.1): the incoming officer checked in later than the HO-1 arrival time plus the
 * configured tolerance. Returns the candidate to record, or null when the check-in was within it. The id is
 * derived from the handover by the caller, so one handover yields at most one candidate.
 */
export function lateCheckinCandidate(
  h: Pick<HandoverRecord, 'id' | 'shiftStart' | 'checkInAt' | 'incomingOfficerId'>,
  id: string,
  p: HandoverPolicy,
): T | null {
  if (!h.checkInAt) return null;
  const due = handoverClocks(h, p).lateAlertAt.getTime();
  const lateMin = (h.checkInAt.getTime() - due) / 60_000;
  if (lateMin <= (p.lateCheckinToleranceMin ?? 0)) return null;
  const next: Violation = {
    id,
    personId: h.incomingOfficerId,
    type: 'LATE_CHECKIN',
    evidence: `handover ${h.id}: checked in ${Math.ceil(lateMin)} min after ${new Date(due).toISOString()} (HO-1)`,
    causedByLeavingPost: false,
    occurredAt: h.checkInAt,
    status: 'CANDIDATE',
    recordedBy: 'system:handover',
  };
  return {
    next,
    events: [
      {
        type: 'violation.candidate',
        violationId: id,
        personId: next.personId,
        violationType: 'LATE_CHECKIN',
        handoverId: h.id,
        at: h.checkInAt,
      },
    ],
    action: 'VIOLATION_RECORDED',
    details: { type: 'LATE_CHECKIN', handoverId: h.id, minutesLate: Math.ceil(lateMin) },
  };
}

const shanghaiMs = 8 * 3600_000;

/** The calendar year (Asia/Shanghai) a violation's circular counts in (spec duty §11.2 PN-5). */
export const circularYear = (v: Pick<Violation, 'occurredAt'>): number =>
  new Date(v.occurredAt.getTime() + shanghaiMs).getUTCFullYear();

function decidable(v: Violation): void {
  if (v.status !== 'CANDIDATE') throw new ShiftError('VIOLATION_STATE', `violation ${v.id} is already ${v.status}`);
}

/**
 * Confirms a candidate (spec duty §11.2, PN-6): `circularOrdinal` is this circular's place among the person's
 * confirmed circulars of the calendar year (1 for the first), 0 when the violation was not circulated.
 */
export function confirmViolation(v: Violation, circularOrdinal: number, decidedBy: string, note: string, now: Date): T {
  decidable(v);
  const consequence = consequenceOf({
    type: v.type,
    causedByLeavingPost: v.causedByLeavingPost,
    circularsThisYear: circularOrdinal,
  });
  const next: Violation = {
    ...v,
    status: 'CONFIRMED',
    circularCountYear: circularOrdinal,
    consequence,
    decidedBy,
    decidedAt: now,
    decisionNote: note,
  };
  return {
    next,
    events: [
      {
        type: 'violation.confirmed',
        violationId: v.id,
        personId: v.personId,
        violationType: v.type,
        circularCount: circularOrdinal,
        consequence,
        ...(v.circularLevel ? { circularLevel: v.circularLevel } : {}),
        at: now,
      },
    ],
    action: 'VIOLATION_CONFIRMED',
    details: { consequence, circularCount: circularOrdinal },
  };
}

export function dismissViolation(v: Violation, decidedBy: string, note: string, now: Date): T {
  decidable(v);
  if (!note.trim())
    throw new ShiftError('SHIFT_INPUT_INVALID', 'a dismissal needs a reason', [
      { field: 'note', message: 'is required' },
    ]);
  return {
    next: { ...v, status: 'DISMISSED', decidedBy, decidedAt: now, decisionNote: note },
    events: [],
    action: 'VIOLATION_DISMISSED',
  };
}
