import type { Clock } from '../domain/clock';
import { DutyError } from '../domain/duty-error';
import { upgradeRoundId } from '../domain/escalation-ladder';
import { isMajor } from '../domain/incident';
import type { Actor, AlertStore } from './ports';

/**
 * 确认 (spec duty §9.5 AK-1, §9.10 ESCALATING → COMMANDED): the first acknowledgement by anyone the incident
 * reached stops its escalation — the local engine drops it at once, and the owner on another replica finds
 * the acknowledgement before its next step. A retry, or a second person acknowledging, returns the incident
 * as it is (idempotent by design: the acknowledgement is a unique insert). After an RC-1 upgrade the same command
 * also acknowledges the upgrade's round of S3 alerts (see alert-upgrade).
 */
export function createAcknowledgeIncident(deps: {
  store: AlertStore;
  cancel: (id: string) => void;
  clock: Clock;
  recipientsOf: (id: string) => Promise<string[]>;
}) {
  return async function acknowledgeIncident(cmd: { incidentId: string; personId?: string }, actor: Actor) {
    const personId = cmd.personId || actor.userId;
    const incident = await deps.store.getIncident(cmd.incidentId);
    if (!incident) throw new DutyError('INCIDENT_NOT_FOUND', `incident ${cmd.incidentId} does not exist`);
    const reached = new Set([...incident.recipients, ...(await deps.recipientsOf(cmd.incidentId))]);
    if (!reached.has(personId) || (personId !== actor.userId && !actor.roles.includes('DUTY_OFFICER')))
      throw new DutyError('NOT_A_RECIPIENT', `${personId} was not notified of incident ${cmd.incidentId}`);
    const now = deps.clock.now();
    deps.cancel(cmd.incidentId);
    // an RC-1 upgrade round has its own acknowledgement (AK-1): anyone it reached stops it, but not a repeat of
    // an acknowledgement given before the upgrade by the person the round therefore left out
    const up = isMajor(incident.severity, incident.possiblyMajor) ? incident.upgradedToMajorAt : undefined;
    const before = up ? await deps.store.acknowledgement(cmd.incidentId) : undefined;
    await deps.store.acknowledge(cmd.incidentId, personId, now);
    if (up && !before?.voided && !(before?.personId === personId && before.at.getTime() <= up.getTime())) {
      const roundId = upgradeRoundId(cmd.incidentId);
      deps.cancel(roundId);
      await deps.store.acknowledgeRound(cmd.incidentId, roundId, personId, now);
    }
    return (await deps.store.getIncident(cmd.incidentId))!;
  };
}
