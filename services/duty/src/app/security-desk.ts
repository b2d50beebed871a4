import type { Clock } from '../domain/clock';
import { DeskError } from '../domain/desk-error';
import type { DeskPolicy } from '../domain/desk-policy';
import {
  recordPetitionVisit,
  recordVisitor,
  recordVisitorExit,
  requestPostLeave,
  type PetitionVisit,
  type PostLeave,
  type VisitorEntry,
  type VisitorInput,
} from '../domain/security';
import type { Idempotency } from './ports';
import type { Actor, PetitionVisitStore, PostLeaveStore, VisitorStore } from './desk-ports';
import { changeOnce, createOnce, derivedId, mayAct } from './desk-commands';

const guards = ['SECURITY_GUARD', 'SECURITY_OFFICE'];

const instant = (field: string, v: string): Date => {
  const d = new Date(v);
  if (!v || Number.isNaN(d.getTime()))
    throw new DeskError('DESK_INPUT_INVALID', `${field} is not an instant`, [{ field, message: 'expected RFC 3339' }]);
  return d;
};

/** Compound security at the gate (spec duty §12): visitors, guards' temporary absences, petitioners. */
export function createSecurityDesk(deps: {
  visitors: VisitorStore;
  leaves: PostLeaveStore;
  petitions: PetitionVisitStore;
  clock: Clock;
  idempotency: Idempotency;
  policy: DeskPolicy;
}) {
  return {
    async recordVisitor(cmd: VisitorInput & { idempotencyKey: string }, actor: Actor): Promise<VisitorEntry> {
      mayAct(actor, guards, 'registering a visitor');
      const id = derivedId('vis', actor, cmd.idempotencyKey);
      return createOnce(
        deps,
        deps.visitors,
        { scope: 'duty.desk.visitor.record', key: cmd.idempotencyKey, request: cmd, actor, id },
        (now) => recordVisitor(id, cmd, actor.userId, now),
      );
    },
    async recordExit(cmd: { idempotencyKey: string; id: string }, actor: Actor): Promise<VisitorEntry> {
      mayAct(actor, guards, 'registering a visitor');
      return changeOnce(
        deps,
        deps.visitors,
        { scope: 'duty.desk.visitor.exit', key: cmd.idempotencyKey, request: cmd, actor, id: cmd.id },
        (v, now) => recordVisitorExit(v, now),
      );
    },
    async requestPostLeave(
      cmd: {
        idempotencyKey: string;
        guardId: string;
        post: string;
        approvedBy: string;
        replacementId: string;
        from: string;
        to: string;
        reason: string;
      },
      actor: Actor,
    ): Promise<PostLeave> {
      mayAct(actor, guards, 'leaving a guard post');
      const id = derivedId('leave', actor, cmd.idempotencyKey);
      const input = { ...cmd, from: instant('from', cmd.from), to: instant('to', cmd.to) };
      return createOnce(
        deps,
        deps.leaves,
        { scope: 'duty.desk.post-leave', key: cmd.idempotencyKey, request: cmd, actor, id },
        (now) => requestPostLeave(id, input, now),
      );
    },
    async recordPetitionVisit(
      cmd: { idempotencyKey: string; groupSize: number; matter: string; gate: string },
      actor: Actor,
    ): Promise<PetitionVisit> {
      mayAct(actor, [...guards, 'ADMIN_SECTION'], 'recording petitioners');
      const id = derivedId('pet', actor, cmd.idempotencyKey);
      return createOnce(
        deps,
        deps.petitions,
        { scope: 'duty.desk.petition', key: cmd.idempotencyKey, request: cmd, actor, id },
        (now) => recordPetitionVisit(id, cmd, { by: actor.userId, at: now, policy: deps.policy }),
      );
    },
  };
}
