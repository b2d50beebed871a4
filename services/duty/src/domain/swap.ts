import { checkCoverage, type Roster, type Shift, type ShiftPolicy, type ShiftType } from './roster';
import { oneOfShift, ShiftError } from './shift-error';
import type { ShiftTransition } from './shift-events';

const shiftTypes: readonly ShiftType[] = ['OFFICE_DAY', 'OFFICE_NIGHT', 'OFFICE_LEADER_24H', 'GOV_LEADER_24H'];

/** One side of a swap: the shift a person holds. */
export interface SwapSide {
  personId: string;
  shiftType: ShiftType;
  startsAt: Date;
}

/** 换班 — a request to exchange two people's shifts on a published roster (spec duty §4.3 amend). */
export interface ShiftSwap {
  id: string;
  rosterId: string;
  first: SwapSide;
  second: SwapSide;
  reason: string;
  requestedBy: string;
  requestedAt: Date;
  /** The two people who agreed to the exchange; approval needs both (spec duty §4.3 guard). */
  agreedBy: string[];
  status: 'REQUESTED' | 'APPROVED' | 'REJECTED';
  decidedBy?: string;
  decidedAt?: Date;
  decisionNote?: string;
  rosterVersion?: number;
}

type T = ShiftTransition<ShiftSwap>;

export function swapSide(field: string, s: { personId: string; shiftType: string; startsAt: Date }): SwapSide {
  if (!s.personId.trim())
    throw new ShiftError('SHIFT_INPUT_INVALID', `${field}.personId is required`, [
      { field: `${field}.personId`, message: 'is required' },
    ]);
  return {
    personId: s.personId,
    shiftType: oneOfShift(`${field}.shiftType`, s.shiftType, shiftTypes),
    startsAt: s.startsAt,
  };
}

const parties = (s: Pick<ShiftSwap, 'first' | 'second'>) => [s.first.personId, s.second.personId];

/**
 * Only the people swapping (or a roster manager) ask; the two sides are different people, and a party asking
 * has agreed by asking (spec duty §4.3).
 */
export function requestSwap(
  o: { id: string; rosterId: string; first: SwapSide; second: SwapSide; reason: string },
  requestedBy: string,
  now: Date,
): T {
  if (o.first.personId === o.second.personId)
    throw new ShiftError('SHIFT_INPUT_INVALID', 'a swap needs two different people', [
      { field: 'second.personId', message: 'must differ from first.personId' },
    ]);
  return {
    next: {
      ...o,
      requestedBy,
      requestedAt: now,
      agreedBy: parties(o).includes(requestedBy) ? [requestedBy] : [],
      status: 'REQUESTED',
    },
    events: [],
    action: 'SWAP_REQUESTED',
  };
}

const find = (shifts: Shift[], s: SwapSide) =>
  shifts.findIndex(
    (x) => x.personId === s.personId && x.type === s.shiftType && x.startsAt.getTime() === s.startsAt.getTime(),
  );

/**
 * The roster after the swap (spec duty §4.3: PUBLISHED → amend → PUBLISHED, version + 1), refused when either
 * shift is not on the roster or coverage no longer holds (§4.2 RS-1, RS-4; e.g. a person on two overlapping
 * shifts → OVERLAPPING_SHIFTS).
 */
export function swappedRoster(roster: Roster, swap: Pick<ShiftSwap, 'first' | 'second'>, p: ShiftPolicy): Roster {
  const i = find(roster.shifts, swap.first);
  const j = find(roster.shifts, swap.second);
  if (i < 0 || j < 0)
    throw new ShiftError(
      'SWAP_SHIFT_NOT_FOUND',
      `${i < 0 ? swap.first.personId : swap.second.personId} does not hold that shift on roster ${roster.id}`,
    );
  const shifts = roster.shifts.map((s, k) =>
    k === i ? { ...s, personId: swap.second.personId } : k === j ? { ...s, personId: swap.first.personId } : s,
  );
  const next = { ...roster, shifts, version: roster.version + 1 };
  checkCoverage(next, p);
  return next;
}

/**
 * §4.3 PUBLISHED → LOCKED when the period has ended: a locked roster, or one whose period is over though the lock
 * sweep has not reached it yet, takes no more amendments.
 */
export function assertAmendable(roster: Roster, now: Date): void {
  if (roster.lockedAt || roster.periodEnd.getTime() <= now.getTime())
    throw new ShiftError(
      'ROSTER_LOCKED',
      `roster ${roster.id} is locked: its period ended, so it is no longer amended`,
    );
}

function pending(s: ShiftSwap): void {
  if (s.status !== 'REQUESTED') throw new ShiftError('SWAP_STATE', `swap ${s.id} is already ${s.status}`);
}

/** A party agrees to the exchange (spec duty §4.3 "both people agree"). */
export function agreeSwap(s: ShiftSwap, userId: string): T {
  pending(s);
  if (!parties(s).includes(userId))
    throw new ShiftError('SWAP_NOT_A_PARTY', `only ${parties(s).join(' or ')} can agree to this swap`);
  if (s.agreedBy.includes(userId)) return { next: s, events: [], action: 'SWAP_AGREED', details: { again: true } };
  return { next: { ...s, agreedBy: [...s.agreedBy, userId] }, events: [], action: 'SWAP_AGREED' };
}

/** Refuses to approve a decided swap or one that both people have not agreed to (spec duty §4.3). */
export function assertApprovable(s: ShiftSwap): void {
  pending(s);
  const missing = parties(s).filter((p) => !s.agreedBy.includes(p));
  if (missing.length)
    throw new ShiftError('SWAP_NOT_AGREED', `${missing.join(' and ')} must agree before the swap is approved`);
}

/**
 * Approves the swap. With `amended` (the roster the swap produced) the new version is also announced as
 * duty.roster.published, in the same write as the approval (spec duty §4.3).
 */
export function approveSwap(
  s: ShiftSwap,
  rosterVersion: number,
  by: string,
  note: string,
  now: Date,
  amended?: Roster,
): T {
  assertApprovable(s);
  const published: T['events'] = amended
    ? [
        {
          type: 'roster.published',
          rosterId: amended.id,
          version: amended.version,
          kind: amended.kind ?? 'REGULAR',
          periodStart: amended.periodStart,
          periodEnd: amended.periodEnd,
          shifts: amended.shifts,
          publishedBy: by,
          approvedBy: by,
          at: now,
        },
      ]
    : [];
  return {
    next: { ...s, status: 'APPROVED', decidedBy: by, decidedAt: now, decisionNote: note, rosterVersion },
    events: [
      {
        type: 'roster.swap_approved',
        swapId: s.id,
        rosterId: s.rosterId,
        rosterVersion,
        firstPersonId: s.first.personId,
        secondPersonId: s.second.personId,
        approvedBy: by,
        at: now,
      },
      ...published,
    ],
    action: 'SWAP_APPROVED',
    details: { rosterVersion },
  };
}

export function rejectSwap(s: ShiftSwap, by: string, note: string, now: Date): T {
  pending(s);
  if (!note.trim())
    throw new ShiftError('SHIFT_INPUT_INVALID', 'a rejection needs a reason', [
      { field: 'note', message: 'is required' },
    ]);
  return {
    next: { ...s, status: 'REJECTED', decidedBy: by, decidedAt: now, decisionNote: note },
    events: [],
    action: 'SWAP_REJECTED',
  };
}
