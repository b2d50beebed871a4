import { createHash } from 'node:crypto';
import type { Clock } from '../domain/clock';
import { DutyError } from '../domain/duty-error';
import { recordInstruction } from '../domain/instruction';
import type { Actor, AlertStore, Idempotency } from './ports';

/** Who gives instructions on incidents (spec duty §9.4 S4, §9.9) [inferred]. */
const leaderRoles = ['OFFICE_LEADER', 'OFFICE_DIRECTOR', 'GOV_LEADER', 'DUTY_OFFICER'];

/**
 * 领导批示 (spec duty §9.9): recorded on the incident with its events in one write; a leader's instruction
 * also counts as taking command, so the incident stops escalating (§9.10 ESCALATING → COMMANDED). The duty
 * officer may record an instruction given by phone on the leader's behalf.
 */
export function createRecordInstruction(deps: {
  store: AlertStore;
  cancel: (id: string) => void;
  clock: Clock;
  idempotency: Idempotency;
}) {
  return async function recordLeaderInstruction(
    cmd: {
      idempotencyKey: string;
      incidentId: string;
      leaderId: string;
      text: string;
      needsFollowUp: boolean;
      followUpDays: number;
      suggestedLeadUnit: string;
    },
    actor: Actor,
  ) {
    if (!actor.roles.some((r) => leaderRoles.includes(r)))
      throw new DutyError('INTAKE_NOT_PERMITTED', 'only leaders or the duty desk record instructions');
    const incident = await deps.store.getIncident(cmd.incidentId);
    if (!incident) throw new DutyError('INCIDENT_NOT_FOUND', `incident ${cmd.incidentId} does not exist`);
    const scope = `duty.instruction:${actor.userId}`;
    const id = 'ins-' + createHash('sha256').update(`${scope}:${cmd.idempotencyKey}`).digest('hex').slice(0, 20);
    return deps.idempotency.run(scope, cmd.idempotencyKey, cmd, async () => {
      const leaderId = cmd.leaderId || actor.userId;
      const instruction = recordInstruction({ ...cmd, id, leaderId, givenAt: deps.clock.now() });
      deps.cancel(cmd.incidentId);
      await deps.store.acknowledge(cmd.incidentId, leaderId, instruction.givenAt);
      await deps.store.recordInstruction(instruction);
      return { instructionId: id, followUpDueAt: instruction.followUpDueAt?.toISOString() ?? '' };
    });
  };
}
