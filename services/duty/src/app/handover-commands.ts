import type { Clock } from '../domain/clock';
import type { HandoverPolicy } from '../domain/handover';
import {
  checkInHandover,
  confirmHandoverLog,
  endShift,
  openHandover,
  presentHandoverItems,
  signHandoverIncoming,
  signHandoverOutgoing,
  type HandoverRecord,
} from '../domain/handover-record';
import { instantOf, requireText, ShiftError } from '../domain/shift-error';
import { lateCheckinCandidate } from '../domain/violation';
import type { PendingItem, ShiftTransition } from '../domain/shift-events';
import type { Idempotency } from './ports';
import { changeShiftOnce, createShiftOnce, loadShift, mayActOnShifts, shiftId } from './shift-commands';
import type { Actor, HandoverStore, LogSince, ViolationStore } from './shift-ports';

/** Who records the automatic candidates of the handover clock, in their audit entries. */
const handoverClock: Actor = {
  userId: 'system:handover',
  name: 'handover clock',
  orgUnitId: '',
  roles: ['SYSTEM'],
  clearance: 'PUBLIC',
};

/** Officers sign their own side; the duty-room manager and the leader on duty open and read (spec duty §3.2). */
const officers = ['DUTY_OFFICER', 'OFFICE_LEADER_ON_DUTY', 'SECURITY_GUARD'];
const openers = ['DUTY_OFFICER', 'DUTY_ROOM_MANAGER', 'OFFICE_LEADER_ON_DUTY'];
const readers = [...openers, 'SECURITY_GUARD', 'AUDITOR'];

/**
 * Shift handover (spec duty §5): open, incoming check-in (HO-1), the outgoing officer's items and the log to
 * read (HO-3), two signatures (HO-2) and the end of the outgoing shift, refused before completion (HO-4).
 */
export function createHandovers(deps: {
  handovers: HandoverStore;
  log: LogSince;
  clock: Clock;
  idempotency: Idempotency;
  policy: HandoverPolicy;
  /** Where LATE_CHECKIN candidates go (spec duty §11.1); none are raised when absent. */
  violations?: ViolationStore;
}) {
  /**
   * A check-in later than HO-1 allows plus the tolerance raises one LATE_CHECKIN candidate. Its id comes from the
   * handover, so a retried or repeated check-in finds the candidate already there and adds none (exactly once).
   * It runs after the check-in is stored; a retry of the check-in repeats it if the process died in between.
   */
  async function raiseLateCheckin(h: HandoverRecord): Promise<void> {
    if (!deps.violations) return;
    const id = shiftId('vio-late-checkin', h.id);
    const candidate = lateCheckinCandidate(h, id, deps.policy);
    if (!candidate) return;
    await createShiftOnce(
      deps,
      deps.violations,
      {
        scope: 'duty.violation.late-checkin',
        key: h.id,
        request: { handoverId: h.id },
        actor: handoverClock,
        id,
        missing: 'VIOLATION_NOT_FOUND',
      },
      () => candidate,
    );
  }
  const step = (
    scope: string,
    cmd: { idempotencyKey: string; id: string },
    actor: Actor,
    rule: (h: HandoverRecord, now: Date) => Promise<ShiftTransition<HandoverRecord>> | ShiftTransition<HandoverRecord>,
  ) => {
    mayActOnShifts(actor, officers, 'signing a handover');
    return changeShiftOnce(
      deps,
      deps.handovers,
      {
        scope: `duty.handover.${scope}`,
        key: cmd.idempotencyKey,
        request: cmd,
        actor,
        id: cmd.id,
        missing: 'HANDOVER_NOT_FOUND',
      },
      rule,
    );
  };
  return {
    async open(
      cmd: {
        idempotencyKey: string;
        fromShiftId: string;
        toShiftId: string;
        outgoingOfficerId: string;
        incomingOfficerId: string;
        shiftStart: string;
      },
      actor: Actor,
    ): Promise<HandoverRecord> {
      mayActOnShifts(actor, openers, 'opening a handover');
      const { idempotencyKey: _k, ...fields } = cmd;
      requireText(fields);
      const shiftStart = instantOf('shiftStart', cmd.shiftStart);
      // one handover per shift change: a second open of the same change finds the first
      const id = shiftId('ho', cmd.fromShiftId, cmd.toShiftId);
      const h = await createShiftOnce(
        deps,
        deps.handovers,
        {
          scope: 'duty.handover.open',
          key: cmd.idempotencyKey,
          request: cmd,
          actor,
          id,
          missing: 'HANDOVER_NOT_FOUND',
        },
        async (now) => {
          const previous = await deps.handovers.intoShift(cmd.fromShiftId);
          const carried = previous?.state === 'COMPLETED' ? previous.pendingItems : [];
          return openHandover({ ...fields, id, shiftStart, carried }, now, deps.policy);
        },
      );
      // the shift change was opened before with other people or another start: refuse rather than hide it
      if (
        h.outgoingOfficerId !== cmd.outgoingOfficerId ||
        h.incomingOfficerId !== cmd.incomingOfficerId ||
        h.shiftStart.getTime() !== shiftStart.getTime()
      )
        throw new ShiftError('HANDOVER_EXISTS', `the handover ${cmd.fromShiftId} → ${cmd.toShiftId} exists as ${h.id}`);
      return h;
    },
    async checkIn(cmd: { idempotencyKey: string; id: string }, actor: Actor): Promise<HandoverRecord> {
      const h = await step('checkIn', cmd, actor, (current, now) =>
        checkInHandover(current, actor.userId, now, deps.policy),
      );
      await raiseLateCheckin(h);
      return h;
    },
    present: (
      cmd: { idempotencyKey: string; id: string; items: PendingItem[]; resolvedRefIds: string[]; notes: string },
      actor: Actor,
    ) =>
      step('present', cmd, actor, async (h, now) => {
        cmd.items.forEach((i, n) => requireText({ [`items[${n}].kind`]: i.kind, [`items[${n}].refId`]: i.refId }));
        const last = await deps.handovers.lastCompletedBefore(now);
        const logSeqs = await deps.log.seqsBetween(last?.incomingSignedAt, now);
        return presentHandoverItems(h, actor.userId, { ...cmd, logSeqs });
      }),
    confirmLog: (cmd: { idempotencyKey: string; id: string; logSeqs: number[] }, actor: Actor) =>
      step('confirmLog', cmd, actor, (h) => confirmHandoverLog(h, actor.userId, cmd.logSeqs)),
    signOutgoing: (cmd: { idempotencyKey: string; id: string }, actor: Actor) =>
      step('signOutgoing', cmd, actor, (h, now) => signHandoverOutgoing(h, actor.userId, now)),
    signIncoming: (cmd: { idempotencyKey: string; id: string }, actor: Actor) =>
      step('signIncoming', cmd, actor, (h, now) => signHandoverIncoming(h, actor.userId, now)),
    endShift: (cmd: { idempotencyKey: string; handoverId: string }, actor: Actor) =>
      step('endShift', { idempotencyKey: cmd.idempotencyKey, id: cmd.handoverId }, actor, (h, now) =>
        endShift(h, actor.userId, now),
      ),
    async get(id: string, actor: Actor): Promise<HandoverRecord> {
      mayActOnShifts(actor, readers, 'reading handovers');
      return (await loadShift(deps.handovers, id, 'HANDOVER_NOT_FOUND')).value;
    },
  };
}
