import { hasRole } from '@gov/platform/auth';
import type { Clock } from '../domain/clock';
import { DutyError } from '../domain/duty-error';
import type { Incident } from '../domain/incident';
import { closeIncident, voidIncident } from '../domain/incident-closure';
import type { ReportingPolicy } from '../domain/reporting-policy';
import type { Actor, AlertStore, Idempotency, ReportingStore } from './ports';

/** OFFICE_LEADER_ON_DUTY "or higher" may void (spec duty §3.2, §9.10); the token names of those posts. */
const voiders = [
  'OFFICE_LEADER_ON_DUTY',
  'OFFICE_LEADER',
  'OFFICE_DIRECTOR',
  'OFFICE_ACTING_DIRECTOR',
  'GOV_LEADER',
  'GOV_LEADER_ON_DUTY',
  'GOV_DEPUTY',
  'GOV_EXEC_DEPUTY',
  'GOV_PRINCIPAL',
];
/** The named keeper of the duty log closes incidents (spec duty §6 LG-4, §9.10). */
const closers = ['LOG_CUSTODIAN'];

/**
 * The end of an incident (spec duty §9.10): void before resolution, close after resolution or void. Each runs
 * once per idempotency key as one audited, version-checked write of the incident with its events in the outbox.
 */
export function createIncidentClosure(deps: {
  store: ReportingStore & Pick<AlertStore, 'stopEscalation'>;
  clock: Clock;
  idempotency: Idempotency;
  policy: ReportingPolicy;
  /** Stops this replica's escalation of the incident at once (the engine's cancel). */
  cancel: (incidentId: string) => void;
  /** The obligation clock: arms the corrections a void creates. */
  track: (incident: Incident) => void;
}) {
  const requireKey = (k: string) => {
    if (!k.trim())
      throw new DutyError('INCIDENT_INVALID', 'idempotency_key is required', [
        { field: 'idempotencyKey', message: 'is required' },
      ]);
  };
  const missing = (id: string) => new DutyError('INCIDENT_NOT_FOUND', `incident ${id} does not exist`);

  return {
    async voidIncident(
      cmd: { idempotencyKey: string; incidentId: string; reason: string },
      actor: Actor,
    ): Promise<{ incidentId: string }> {
      if (!hasRole(actor, ...voiders))
        throw new DutyError(
          'VOID_NOT_PERMITTED',
          'only the office leader on duty or a higher leader voids an incident',
        );
      requireKey(cmd.idempotencyKey);
      if (!cmd.reason.trim())
        throw new DutyError('VOID_REASON_REQUIRED', 'voiding an incident needs the reason (§9.10)', [
          { field: 'reason', message: 'is required' },
        ]);
      return deps.idempotency.run(`duty.void:${actor.userId}`, cmd.idempotencyKey, cmd, async () => {
        const now = deps.clock.now();
        const r = await deps.store.applyReporting(
          cmd.incidentId,
          (i) =>
            i.status === 'VOIDED' ? null : voidIncident(i, { reason: cmd.reason, by: actor.userId }, now, deps.policy),
          {
            action: 'incident.voided',
            actor,
            role: actor.roles.find((x) => voiders.includes(x)) ?? 'LEADER',
            details: { reason: cmd.reason.trim() },
          },
          now,
        );
        if (!r) throw missing(cmd.incidentId);
        // escalation ends as on an acknowledgement: here at once, elsewhere through the stop mark; after the
        // state write, so a refused void never silences an incident
        deps.cancel(cmd.incidentId);
        // stamped now, not at the start: the engines poll stop marks by time with a short overlap
        await deps.store.stopEscalation(cmd.incidentId, actor.userId, deps.clock.now());
        deps.track(r.incident);
        return { incidentId: cmd.incidentId };
      });
    },

    async closeIncident(
      cmd: { idempotencyKey: string; incidentId: string },
      actor: Actor,
    ): Promise<{ incidentId: string }> {
      if (!hasRole(actor, ...closers))
        throw new DutyError('CLOSE_NOT_PERMITTED', 'only the log custodian closes an incident (§9.10, LG-4)');
      requireKey(cmd.idempotencyKey);
      return deps.idempotency.run(`duty.close:${actor.userId}`, cmd.idempotencyKey, cmd, async () => {
        const chronology = await deps.store.chronology(cmd.incidentId);
        if (!chronology) throw missing(cmd.incidentId);
        const now = deps.clock.now();
        const r = await deps.store.applyReporting(
          cmd.incidentId,
          (i) => (i.status === 'CLOSED' ? null : closeIncident(i, actor.userId, chronology, now)),
          { action: 'incident.closed', actor, role: 'LOG_CUSTODIAN', details: {} },
          now,
        );
        if (!r) throw missing(cmd.incidentId);
        return { incidentId: cmd.incidentId };
      });
    },
  };
}
export type IncidentClosure = ReturnType<typeof createIncidentClosure>;
