import {
  assertShiftMayClose,
  checkIn,
  confirmLogRead,
  handoverClocks,
  markAtRisk,
  presentPending,
  signIncoming,
  signOutgoing,
  type Handover,
  type HandoverPolicy,
} from './handover';
import { ShiftError } from './shift-error';
import type { PendingItem, ShiftEvent, ShiftTransition } from './shift-events';

/**
 * 交接班 as stored (spec duty §15.2): the rule state of handover.ts plus who hands over to whom, the items,
 * the alerts sent and the sweep's next due instant.
 */
export interface HandoverRecord extends Handover {
  id: string;
  fromShiftId: string;
  toShiftId: string;
  outgoingOfficerId: string;
  incomingOfficerId: string;
  pendingItems: PendingItem[];
  notes: string;
  openedAt: Date;
  lateAlertedAt?: Date;
  atRiskAt?: Date;
  shiftEndedAt?: Date;
  /** The next instant the sweep must look at this handover (late alert, then AT_RISK); absent when none. */
  timerDueAt?: Date;
}

type T = ShiftTransition<HandoverRecord>;
const itemKey = (i: PendingItem) => `${i.kind}:${i.refId}`;

/** Who is alerted (spec duty §5 state machine; roles resolved by the notification gateway). */
export const lateAlertRoles = ['OFFICE_LEADER_ON_DUTY'];
export const atRiskAlertRoles = ['OFFICE_LEADER_ON_DUTY', 'DUTY_ROOM_MANAGER'];

/** Opens the handover of one shift change; items the previous handover left open are carried (HO-3). */
export function openHandover(
  o: {
    id: string;
    fromShiftId: string;
    toShiftId: string;
    outgoingOfficerId: string;
    incomingOfficerId: string;
    shiftStart: Date;
    carried: PendingItem[];
  },
  now: Date,
  p: HandoverPolicy,
): T {
  if (o.outgoingOfficerId === o.incomingOfficerId)
    throw new ShiftError('SHIFT_INPUT_INVALID', 'the outgoing and incoming officers must differ', [
      { field: 'incomingOfficerId', message: 'must differ from outgoingOfficerId' },
    ]);
  const { carried, ...rest } = o;
  const next: HandoverRecord = {
    ...rest,
    state: 'SCHEDULED',
    pending: carried.map(itemKey),
    pendingItems: carried,
    logSeqsToConfirm: [],
    confirmedLogSeqs: [],
    notes: '',
    openedAt: now,
    timerDueAt: handoverClocks(o, p).lateAlertAt,
  };
  return { next, events: [], action: 'HANDOVER_OPENED', details: { carried: carried.length } };
}

const lateEvent = (h: HandoverRecord, at: Date): ShiftEvent => ({
  type: 'handover.incoming_late',
  handoverId: h.id,
  fromShiftId: h.fromShiftId,
  toShiftId: h.toShiftId,
  incomingOfficerId: h.incomingOfficerId,
  shiftStart: h.shiftStart,
  at,
});

/**
 * The handover clock (spec duty §5, §19 scenarios 3 and 5): at start − 10 min with nobody checked in the
 * incoming officer and the office leader on duty are alerted; at the start the post is AT_RISK and the office
 * leader on duty and the duty-room manager are alerted. Null when nothing is due.
 */
export function sweepHandover(h: HandoverRecord, now: Date, p: HandoverPolicy): T | null {
  if (h.state !== 'SCHEDULED') return null;
  const clocks = handoverClocks(h, p);
  const events: ShiftEvent[] = [];
  let next: HandoverRecord = { ...h };
  if (!h.lateAlertedAt && now.getTime() >= clocks.lateAlertAt.getTime()) {
    next.lateAlertedAt = now;
    next.timerDueAt = clocks.atRiskAt;
    events.push(lateEvent(h, now));
  }
  const risky = markAtRisk(next, now);
  if (risky.state === 'AT_RISK') {
    next = { ...next, ...risky, atRiskAt: now };
    delete next.timerDueAt;
    events.push({
      type: 'post.at_risk',
      handoverId: h.id,
      fromShiftId: h.fromShiftId,
      toShiftId: h.toShiftId,
      outgoingOfficerId: h.outgoingOfficerId,
      incomingOfficerId: h.incomingOfficerId,
      shiftStart: h.shiftStart,
      at: now,
    });
  }
  if (!events.length) return null;
  return { next, events, action: risky.state === 'AT_RISK' ? 'HANDOVER_AT_RISK' : 'HANDOVER_INCOMING_LATE' };
}

function own(h: HandoverRecord, userId: string, side: 'incoming' | 'outgoing'): void {
  const expected = side === 'incoming' ? h.incomingOfficerId : h.outgoingOfficerId;
  if (userId !== expected)
    throw new ShiftError('HANDOVER_NOT_YOUR_SHIFT', `only the ${side} officer ${expected} may do this`);
}

/** Incoming check-in (HO-1); a late one that the clock had not yet announced is announced now. */
export function checkInHandover(h: HandoverRecord, userId: string, now: Date, p: HandoverPolicy): T {
  own(h, userId, 'incoming');
  const next: HandoverRecord = { ...h, ...checkIn(h, now, p) };
  delete next.timerDueAt;
  const events: ShiftEvent[] = [];
  if (!next.onTime && !h.lateAlertedAt) {
    next.lateAlertedAt = now;
    events.push(lateEvent(h, now));
  }
  return { next, events, action: 'HANDOVER_CHECKED_IN', details: { onTime: next.onTime } };
}

/**
 * The outgoing officer presents the open matters: the carried ones not resolved plus new ones, and the log
 * entries since the last handover the incoming officer must confirm (HO-3).
 */
export function presentHandoverItems(
  h: HandoverRecord,
  userId: string,
  input: { items: PendingItem[]; resolvedRefIds: string[]; notes: string; logSeqs: number[] },
): T {
  own(h, userId, 'outgoing');
  const kept = h.pendingItems.filter((i) => !input.resolvedRefIds.includes(i.refId));
  const items = [...kept];
  for (const i of input.items) if (!items.some((k) => itemKey(k) === itemKey(i))) items.push(i);
  const next: HandoverRecord = {
    ...h,
    ...presentPending(h, items.map(itemKey), input.logSeqs),
    pendingItems: items,
    notes: input.notes,
  };
  return {
    next,
    events: [],
    action: 'HANDOVER_ITEMS_PRESENTED',
    details: { items: items.length, logSeqs: input.logSeqs },
  };
}

/** The incoming officer confirms having read log entries (HO-3); only entries of this handover count. */
export function confirmHandoverLog(h: HandoverRecord, userId: string, seqs: number[]): T {
  own(h, userId, 'incoming');
  const unknown = seqs.filter((s) => !h.logSeqsToConfirm.includes(s));
  if (unknown.length)
    throw new ShiftError('SHIFT_INPUT_INVALID', `log entries ${unknown.join(', ')} are not part of this handover`, [
      { field: 'logSeqs', message: 'must be entries listed for confirmation' },
    ]);
  return {
    next: { ...h, ...confirmLogRead(h, seqs) },
    events: [],
    action: 'HANDOVER_LOG_CONFIRMED',
    details: { seqs },
  };
}

export function signHandoverOutgoing(h: HandoverRecord, userId: string, now: Date): T {
  own(h, userId, 'outgoing');
  return { next: { ...h, ...signOutgoing(h, now) }, events: [], action: 'HANDOVER_OUTGOING_SIGNED' };
}

/** The second signature completes the handover; the pending items now belong to the incoming shift (HO-2, HO-3). */
export function signHandoverIncoming(h: HandoverRecord, userId: string, now: Date): T {
  own(h, userId, 'incoming');
  const next: HandoverRecord = { ...h, ...signIncoming(h, now) };
  return {
    next,
    events: [
      {
        type: 'handover.completed',
        handoverId: h.id,
        fromShiftId: h.fromShiftId,
        toShiftId: h.toShiftId,
        outgoingOfficerId: h.outgoingOfficerId,
        incomingOfficerId: h.incomingOfficerId,
        onTime: next.onTime ?? false,
        pendingItems: next.pendingItems,
        at: now,
      },
    ],
    action: 'HANDOVER_COMPLETED',
  };
}

/** The outgoing officer ends the shift; refused until the handover is COMPLETED (spec duty §5 HO-4, scenario 5). */
export function endShift(h: HandoverRecord, userId: string, now: Date): T {
  own(h, userId, 'outgoing');
  assertShiftMayClose(h);
  if (h.shiftEndedAt) throw new ShiftError('SHIFT_ALREADY_ENDED', `shift ${h.fromShiftId} has already ended`);
  return {
    next: { ...h, shiftEndedAt: now },
    events: [{ type: 'shift.ended', shiftId: h.fromShiftId, handoverId: h.id, officerId: userId, at: now }],
    action: 'SHIFT_ENDED',
  };
}
