import { createHash } from 'node:crypto';
import { hasRole } from '@gov/platform/auth';
import type { Clock } from '../domain/clock';
import { DutyError } from '../domain/duty-error';
import type { Incident, ReportKind, ReportMode, Verification } from '../domain/incident';
import type { ReportingPolicy } from '../domain/reporting-policy';
import { recordEnquiry, recordReport, resolveIncident, setVerification } from '../domain/upward-reporting';
import type { Actor, Idempotency, ReportingStore } from './ports';

/** The duty desk and its leaders record reports and enquiries (spec duty §3 [inferred]). */
const deskRoles = ['DUTY_OFFICER', 'INFO_OFFICER', 'DUTY_ROOM_MANAGER', 'OFFICE_LEADER', 'OFFICE_DIRECTOR'];
const modes: ReportMode[] = ['PHONE', 'WRITTEN'];
const kinds: ReportKind[] = ['FIRST', 'FOLLOW_UP', 'FINAL'];
const verifications: Verification[] = ['UNVERIFIED', 'VERIFYING', 'CONFIRMED', 'DOUBTFUL', 'REFUTED'];

const idOf = (prefix: string, scope: string, key: string) =>
  `${prefix}-` + createHash('sha256').update(`${scope}:${key}`).digest('hex').slice(0, 20);

function oneOf<T extends string>(field: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value))
    throw new DutyError('REPORT_INVALID', `${field} must be one of ${allowed.join(', ')}`, [
      { field, message: `one of ${allowed.join(', ')}` },
    ]);
  return value as T;
}

/**
 * Upward reporting commands (spec duty §9.3, §9.6-9.8): each runs once per idempotency key, changes the
 * incident in one audited write and hands any new obligations to the obligation clock.
 */
export function createUpwardReporting(deps: {
  store: ReportingStore;
  clock: Clock;
  idempotency: Idempotency;
  policy: ReportingPolicy;
  /** New or changed obligations are (re)armed here (the obligation clock). */
  track: (incident: Incident) => void;
}) {
  function authorise(actor: Actor) {
    if (!hasRole(actor, ...deskRoles))
      throw new DutyError('INTAKE_NOT_PERMITTED', 'only the duty desk and office leaders record upward reporting');
    return actor.roles.find((r) => deskRoles.includes(r)) ?? 'DUTY_OFFICER';
  }
  async function apply(
    incidentId: string,
    change: Parameters<ReportingStore['applyReporting']>[1],
    action: string,
    actor: Actor,
    role: string,
    details: Record<string, unknown>,
  ): Promise<Incident> {
    const r = await deps.store.applyReporting(incidentId, change, { action, actor, role, details }, deps.clock.now());
    if (!r) throw new DutyError('INCIDENT_NOT_FOUND', `incident ${incidentId} does not exist`);
    deps.track(r.incident);
    return r.incident;
  }
  const key = (k: string) => {
    if (!k.trim())
      throw new DutyError('REPORT_INVALID', 'idempotency_key is required', [
        { field: 'idempotencyKey', message: 'is required' },
      ]);
    return k;
  };

  return {
    async recordUpwardReport(
      cmd: {
        idempotencyKey: string;
        incidentId: string;
        targetId: string;
        mode: string;
        kind: string;
        content: string;
        receiverName: string;
        documentRef: string;
      },
      actor: Actor,
    ): Promise<{ reportId: string; incidentId: string }> {
      const role = authorise(actor);
      const mode = oneOf('mode', cmd.mode, modes);
      const kind = oneOf('kind', cmd.kind || 'FIRST', kinds);
      const scope = `duty.report:${actor.userId}`;
      const id = idOf('rep', scope, key(cmd.idempotencyKey));
      return deps.idempotency.run(scope, cmd.idempotencyKey, cmd, async () => {
        await apply(
          cmd.incidentId,
          (i) =>
            (i.reports ?? []).some((r) => r.id === id)
              ? null
              : recordReport(i, { ...cmd, id, mode, kind, reportedBy: actor.userId }, deps.clock.now(), deps.policy),
          'report.recorded',
          actor,
          role,
          { reportId: id, targetId: cmd.targetId, mode, kind },
        );
        return { reportId: id, incidentId: cmd.incidentId };
      });
    },

    async recordEnquiry(
      cmd: { idempotencyKey: string; incidentId: string; targetId: string; note: string },
      actor: Actor,
    ): Promise<{ reverseFlow: boolean; incidentId: string }> {
      const role = authorise(actor);
      if (!cmd.targetId.trim())
        throw new DutyError('REPORT_INVALID', 'name the authority that asked', [
          { field: 'targetId', message: 'is required' },
        ]);
      const scope = `duty.enquiry:${actor.userId}`;
      const id = idOf('enq', scope, key(cmd.idempotencyKey));
      return deps.idempotency.run(scope, cmd.idempotencyKey, cmd, async () => {
        let reverseFlow = false;
        await apply(
          cmd.incidentId,
          (i) => {
            if ((i.enquiries ?? []).some((e) => e.id === id)) return null;
            const r = recordEnquiry(
              i,
              { id, targetId: cmd.targetId, loggedBy: actor.userId, note: cmd.note },
              deps.clock.now(),
            );
            reverseFlow = r.reverseFlow;
            return r;
          },
          'enquiry.logged',
          actor,
          role,
          { enquiryId: id, targetId: cmd.targetId },
        );
        return { reverseFlow, incidentId: cmd.incidentId };
      });
    },

    async setVerification(
      cmd: { idempotencyKey: string; incidentId: string; verification: string },
      actor: Actor,
    ): Promise<{ incidentId: string }> {
      const role = authorise(actor);
      const to = oneOf('verification', cmd.verification, verifications);
      const scope = `duty.verification:${actor.userId}`;
      key(cmd.idempotencyKey);
      return deps.idempotency.run(scope, cmd.idempotencyKey, cmd, async () => {
        await apply(
          cmd.incidentId,
          (i) =>
            i.verification === to
              ? null
              : { incident: setVerification(i, to, deps.clock.now()), changed: [], created: [], violations: [] },
          'verification.set',
          actor,
          role,
          { verification: to },
        );
        return { incidentId: cmd.incidentId };
      });
    },

    async resolve(cmd: { idempotencyKey: string; incidentId: string }, actor: Actor): Promise<{ incidentId: string }> {
      const role = authorise(actor);
      const scope = `duty.resolve:${actor.userId}`;
      key(cmd.idempotencyKey);
      return deps.idempotency.run(scope, cmd.idempotencyKey, cmd, async () => {
        await apply(
          cmd.incidentId,
          (i) => (i.status === 'RESOLVED' ? null : resolveIncident(i, deps.clock.now())),
          'incident.resolved',
          actor,
          role,
          {},
        );
        return { incidentId: cmd.incidentId };
      });
    },
  };
}
export type UpwardReporting = ReturnType<typeof createUpwardReporting>;
