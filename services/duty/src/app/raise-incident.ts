import { createHash } from 'node:crypto';
import { hasRole } from '@gov/platform/auth';
import type { FieldViolation } from '@gov/platform/errors';
import type { Clock } from '../domain/clock';
import { DutyError } from '../domain/duty-error';
import { initialTimers, type DutyDirectory } from '../domain/escalation-ladder';
import type { EscalationPolicy } from '../domain/escalation-policy';
import { isMajor, type Incident, type IntakeInput } from '../domain/incident';
import type { ReportingPolicy } from '../domain/reporting-policy';
import { firstObligations, sourceDelayMinutes } from '../domain/statutory-clocks';
import type { Actor, AlertStore } from './ports';

/** Roles that may take in an emergency report (spec duty §3 [inferred]). */
const intakeRoles = ['DUTY_OFFICER', 'INFO_OFFICER', 'DUTY_ROOM_MANAGER', 'OFFICE_LEADER'];
/** Clock skew tolerated between the reporter and the server (NF-9: server time decides). [inferred] */
const futureSkewMs = 5 * 60_000;

function validate(input: IntakeInput, now: Date): FieldViolation[] {
  const v: FieldViolation[] = [];
  if (!input.title.trim()) v.push({ field: 'title', message: 'is required' });
  if (input.title.length > 120) v.push({ field: 'title', message: 'is longer than 120 characters (spec duty §15.4)' });
  if (input.occurredAt && Number.isNaN(input.occurredAt.getTime()))
    v.push({ field: 'occurredAt', message: 'is not a valid instant' });
  else if (input.occurredAt && input.occurredAt.getTime() > now.getTime() + futureSkewMs)
    v.push({ field: 'occurredAt', message: 'lies in the future' });
  return v;
}

/**
 * 突发事件信息接报 (spec duty §9, NF-1/NF-2/NF-5): computes the statutory clocks, resolves the people on duty
 * from memory, persists the incident in ONE insert (state, timers, event, audit), then hands it to the
 * in-process engine, which sends the first notifications without another store read. The id comes from
 * the caller and idempotency key, so a retry finds the first incident instead of raising a second alarm.
 */
export function createRaiseIncident(deps: {
  store: AlertStore;
  /** Hands a stored incident to the escalation engine; `dispatched` tells it the first alerts already went out. */
  track: (incident: Incident, dispatched?: Promise<boolean>) => void;
  /** Sends the first alerts while the insert is on the way (ADR 0004); absent: they go out after the insert. */
  dispatch?: (incident: Incident) => Promise<boolean>;
  directory: (at: Date) => DutyDirectory;
  clock: Clock;
  reporting: ReportingPolicy;
  escalation: EscalationPolicy;
  owner: string;
}) {
  return async function raiseIncident(cmd: { idempotencyKey: string; input: IntakeInput }, actor: Actor) {
    if (!hasRole(actor, ...intakeRoles))
      throw new DutyError('INTAKE_NOT_PERMITTED', 'only the duty desk takes in emergency reports');
    if (!cmd.idempotencyKey.trim())
      throw new DutyError('INCIDENT_INVALID', 'idempotency_key is required', [
        { field: 'idempotencyKey', message: 'is required' },
      ]);
    const now = deps.clock.now();
    const { input } = cmd;
    const violations = validate(input, now);
    if (violations.length) throw new DutyError('INCIDENT_INVALID', 'the intake form is incomplete', violations);

    const id = 'inc-' + createHash('sha256').update(`${actor.userId}:${cmd.idempotencyKey}`).digest('hex').slice(0, 24);
    // spec duty §15.4: possiblyMajor defaults to true while the severity is unknown
    const possiblyMajor = input.possiblyMajor ?? input.severity === 'UNKNOWN';
    const occurredAt = input.occurredAt ?? now;
    const obligations = firstObligations(
      { severity: input.severity, possiblyMajor, occurredAt, receivedAt: now },
      deps.reporting,
    );
    const timers = initialTimers(isMajor(input.severity, possiblyMajor), deps.directory(now), now, deps.escalation);
    const incident: Incident = {
      id,
      title: input.title.trim(),
      category: input.category,
      severity: input.severity,
      possiblyMajor,
      occurredAt,
      occurredAtEstimated: !input.occurredAt,
      receivedAt: now,
      receivedBy: actor.userId,
      sourceChannel: input.sourceChannel,
      sourceUnitId: input.sourceUnitId,
      location: input.location,
      description: input.description,
      classified: input.classified,
      status: 'ESCALATING',
      flags: obligations.some((o) => o.status === 'BREACHED_ON_RECEIPT') ? ['BREACHED_ON_RECEIPT'] : [],
      sourceDelayMinutes: sourceDelayMinutes(occurredAt, now),
      obligations,
      timers,
      recipients: [...new Set(Object.values(timers).map((t) => t.recipientId))],
      notifications: [],
    };
    const dispatched = deps.dispatch?.(incident);
    if (await deps.store.insertIncident(incident, deps.owner)) {
      deps.track(incident, dispatched);
      return incident;
    }
    // a retry: the stored incident is already escalating (its alerts, if just re-sent, repeat ids the provider drops)
    const existing = await deps.store.getIncident(id);
    if (!existing) throw new Error(`incident ${id} exists but cannot be read back`);
    return existing;
  };
}
