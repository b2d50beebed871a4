import type { Clock } from '../domain/clock';
import { instantOf } from '../domain/shift-error';
import { circularYear, confirmViolation, dismissViolation, recordViolation, type Violation } from '../domain/violation';
import type { Idempotency } from './ports';
import { changeShiftOnce, createShiftOnce, loadShift, mayActOnShifts, shiftId } from './shift-commands';
import type { Actor, ViolationStore } from './shift-ports';

/** The duty-room manager proposes, the office director decides (spec duty §3.2 "Confirm duty violation"). */
const proposers = ['DUTY_ROOM_MANAGER', 'OFFICE_DIRECTOR'];
const deciders = ['OFFICE_DIRECTOR'];
const readers = [...proposers, 'AUDITOR'];

/**
 * Duty violations (spec duty §11): a candidate is recorded, the office director confirms or dismisses it;
 * confirming fixes the penalty with the person's circulars of the calendar year counted (PN-5) and publishes
 * `duty.violation.confirmed` (PN-6).
 */
export function createViolations(deps: { violations: ViolationStore; clock: Clock; idempotency: Idempotency }) {
  /**
   * This violation's place among the person's confirmed circulars of its year: the first free place, taken
   * by a unique insert, so two confirmations at once cannot both be "the first" (and a retry finds its own).
   */
  async function ordinalOf(v: Violation): Promise<number> {
    if (!v.circularLevel) return 0;
    const year = circularYear(v);
    for (let n = 1; ; n++) if ((await deps.violations.claimCircular(v.personId, year, n, v.id)) === v.id) return n;
  }
  const decision = (scope: string, cmd: { idempotencyKey: string; id: string; note: string }, actor: Actor) => ({
    scope: `duty.violation.${scope}`,
    key: cmd.idempotencyKey,
    request: cmd,
    actor,
    id: cmd.id,
    missing: 'VIOLATION_NOT_FOUND' as const,
  });
  return {
    async record(
      cmd: {
        idempotencyKey: string;
        personId: string;
        type: string;
        incidentId: string;
        evidence: string;
        circularLevel: string;
        causedByLeavingPost: boolean;
        occurredAt: string;
      },
      actor: Actor,
    ): Promise<Violation> {
      mayActOnShifts(actor, proposers, 'recording a duty violation');
      const id = shiftId('vio', actor.userId, cmd.idempotencyKey);
      return createShiftOnce(
        deps,
        deps.violations,
        {
          scope: 'duty.violation.record',
          key: cmd.idempotencyKey,
          request: cmd,
          actor,
          id,
          missing: 'VIOLATION_NOT_FOUND',
        },
        (now) =>
          recordViolation(
            { ...cmd, id, occurredAt: cmd.occurredAt ? instantOf('occurredAt', cmd.occurredAt) : now },
            actor.userId,
            now,
          ),
      );
    },
    async confirm(cmd: { idempotencyKey: string; id: string; note: string }, actor: Actor): Promise<Violation> {
      mayActOnShifts(actor, deciders, 'confirming a duty violation');
      return changeShiftOnce(deps, deps.violations, decision('confirm', cmd, actor), async (v, now) => {
        if (v.status !== 'CANDIDATE') return confirmViolation(v, 0, actor.userId, cmd.note, now); // refuses
        return confirmViolation(v, await ordinalOf(v), actor.userId, cmd.note, now);
      });
    },
    async dismiss(cmd: { idempotencyKey: string; id: string; note: string }, actor: Actor): Promise<Violation> {
      mayActOnShifts(actor, deciders, 'dismissing a duty violation');
      return changeShiftOnce(deps, deps.violations, decision('dismiss', cmd, actor), (v, now) =>
        dismissViolation(v, actor.userId, cmd.note, now),
      );
    },
    async get(id: string, actor: Actor): Promise<Violation> {
      mayActOnShifts(actor, readers, 'reading duty violations');
      return (await loadShift(deps.violations, id, 'VIOLATION_NOT_FOUND')).value;
    },
  };
}
