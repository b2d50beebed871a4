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
import type { PendingItem, ShiftTransition } from '../domain/shift-events';
import type { Idempotency } from './ports';
import { changeShiftOnce, createShiftOnce, loadShift, mayActOnShifts, shiftId } from './shift-commands';
import type { Actor, HandoverStore, LogSince } from './shift-ports';

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
}) {
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
    checkIn: (cmd: { idempotencyKey: string; id: string }, actor: Actor) =>
      step('checkIn', cmd, actor, (h, now) => checkInHandover(h, actor.userId, now, deps.policy)),
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
