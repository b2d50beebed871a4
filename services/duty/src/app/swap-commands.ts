import type { Clock } from '../domain/clock';
import type { Roster, ShiftPolicy } from '../domain/roster';
import { instantOf, requireText, ShiftError } from '../domain/shift-error';
import {
  agreeSwap,
  approveSwap,
  assertAmendable,
  assertApprovable,
  rejectSwap,
  requestSwap,
  swappedRoster,
  swapSide,
  type ShiftSwap,
} from '../domain/swap';
import type { Idempotency } from './ports';
import { changeShiftOnce, createShiftOnce, loadShift, mayActOnShifts, shiftId } from './shift-commands';
import type { Actor, RosterAmendments, SwapStore } from './shift-ports';

/** Approvers of an amendment (spec duty §4.3 [inferred]: duty-room manager; office leaders too per issue 3). */
const approvers = ['DUTY_ROOM_MANAGER', 'OFFICE_LEADER_ON_DUTY', 'OFFICE_DIRECTOR'];
const managers = [...approvers, 'ROSTER_ADMIN'];
const requesters = ['DUTY_OFFICER', ...managers];

/** A swap side as it arrives on the wire. */
export interface WireSide {
  personId: string;
  shiftType: string;
  startsAt: string;
}

/**
 * Roster swaps (spec duty §4.3 PUBLISHED → amend → PUBLISHED): one of the two people (or a roster manager)
 * asks, the duty-room manager or an office leader decides; approval rewrites the roster at version + 1 only
 * if coverage still holds (§4.2), and a roster changed meanwhile is re-read and re-checked. The earlier version is
 * kept, and the approval's write announces the new version as duty.roster.published. A roster whose period has
 * ended is LOCKED and refuses swaps (ROSTER_LOCKED).
 */
export function createShiftSwaps(deps: {
  swaps: SwapStore;
  rosters: RosterAmendments;
  clock: Clock;
  idempotency: Idempotency;
  policy: ShiftPolicy;
  /** Told each amended roster at once (the on-duty cache), rather than at its next reload. */
  amended?: (roster: Roster) => void;
}) {
  return {
    async request(
      cmd: { idempotencyKey: string; rosterId: string; first?: WireSide; second?: WireSide; reason: string },
      actor: Actor,
    ): Promise<ShiftSwap> {
      mayActOnShifts(actor, requesters, 'asking for a shift swap');
      requireText({ rosterId: cmd.rosterId, reason: cmd.reason });
      const side = (f: string, s: WireSide | undefined) =>
        swapSide(f, {
          ...(s ?? { personId: '', shiftType: '' }),
          startsAt: instantOf(`${f}.startsAt`, s?.startsAt ?? ''),
        });
      const first = side('first', cmd.first);
      const second = side('second', cmd.second);
      const mine = actor.userId === first.personId || actor.userId === second.personId;
      if (!mine && !actor.roles.some((r) => managers.includes(r)))
        throw new ShiftError('SHIFT_NOT_PERMITTED', 'only one of the two people or a roster manager asks for a swap');
      const id = shiftId('swap', actor.userId, cmd.idempotencyKey);
      return createShiftOnce(
        deps,
        deps.swaps,
        { scope: 'duty.swap.request', key: cmd.idempotencyKey, request: cmd, actor, id, missing: 'SWAP_NOT_FOUND' },
        async (now) => {
          const roster = await deps.rosters.get(cmd.rosterId);
          if (!roster) throw new ShiftError('ROSTER_NOT_FOUND', `no published roster ${cmd.rosterId}`);
          assertAmendable(roster, now);
          return requestSwap({ id, rosterId: cmd.rosterId, first, second, reason: cmd.reason }, actor.userId, now);
        },
      );
    },
    async agree(cmd: { idempotencyKey: string; id: string }, actor: Actor): Promise<ShiftSwap> {
      mayActOnShifts(actor, requesters, 'agreeing to a shift swap');
      return changeShiftOnce(
        deps,
        deps.swaps,
        {
          scope: 'duty.swap.agree',
          key: cmd.idempotencyKey,
          request: cmd,
          actor,
          id: cmd.id,
          missing: 'SWAP_NOT_FOUND',
        },
        (swap) => agreeSwap(swap, actor.userId),
      );
    },
    async decide(
      cmd: { idempotencyKey: string; id: string; approve: boolean; note: string },
      actor: Actor,
    ): Promise<ShiftSwap> {
      mayActOnShifts(actor, approvers, 'deciding a shift swap');
      return changeShiftOnce(
        deps,
        deps.swaps,
        {
          scope: 'duty.swap.decide',
          key: cmd.idempotencyKey,
          request: cmd,
          actor,
          id: cmd.id,
          missing: 'SWAP_NOT_FOUND',
        },
        async (swap, now) => {
          if (!cmd.approve) return rejectSwap(swap, actor.userId, cmd.note, now);
          assertApprovable(swap);
          for (let attempt = 0; attempt < 3; attempt++) {
            const roster = await deps.rosters.get(swap.rosterId);
            if (!roster) throw new ShiftError('ROSTER_NOT_FOUND', `no published roster ${swap.rosterId}`);
            // applied by an earlier attempt that died before recording the approval: record it (and announce) now
            if (roster.lastSwapId === swap.id)
              return approveSwap(swap, roster.version, actor.userId, cmd.note, now, roster);
            assertAmendable(roster, now);
            const next = { ...swappedRoster(roster, swap, deps.policy), lastSwapId: swap.id };
            if (await deps.rosters.amend(next, roster.version)) {
              deps.amended?.(next);
              return approveSwap(swap, next.version, actor.userId, cmd.note, now, next);
            }
          }
          throw new ShiftError('ROSTER_CHANGED', `roster ${swap.rosterId} keeps changing; try again`);
        },
      );
    },
    async get(id: string, actor: Actor): Promise<ShiftSwap> {
      mayActOnShifts(actor, [...requesters, 'AUDITOR'], 'reading shift swaps');
      return (await loadShift(deps.swaps, id, 'SWAP_NOT_FOUND')).value;
    },
  };
}
