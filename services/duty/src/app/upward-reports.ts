import { createHash } from 'node:crypto';
import { hasRole } from '@gov/platform/auth';
import type { Clock } from '../domain/clock';
import { DutyError } from '../domain/duty-error';
import type { Incident, PartyOfficeConfirmation, ReportKind, ReportMode, Verification } from '../domain/incident';
import type { ReportingPolicy } from '../domain/reporting-policy';
import {
  reclassifyIncident,
  recordEnquiry,
  recordReport,
  resolveIncident,
  setVerification,
} from '../domain/upward-reporting';
import type { DutyDirectory } from '../domain/escalation-ladder';
import { actOnDraft, defaultSigningPolicy, draftWrittenReport, type SigningPolicy } from '../domain/written-report';
import type { Actor, Idempotency, ReportingStore } from './ports';

/** The duty desk and its leaders record reports and enquiries (spec duty §3 [inferred]). */
const deskRoles = ['DUTY_OFFICER', 'INFO_OFFICER', 'DUTY_ROOM_MANAGER', 'OFFICE_LEADER', 'OFFICE_DIRECTOR'];
const modes: ReportMode[] = ['PHONE', 'WRITTEN'];
const kinds: ReportKind[] = ['FIRST', 'FOLLOW_UP', 'FINAL', 'CORRECTION'];
const verifications: Verification[] = ['UNVERIFIED', 'VERIFYING', 'CONFIRMED', 'DOUBTFUL', 'REFUTED'];
/** Who may change an incident's severity (spec duty §9.10: a leader role) [inferred]. */
const leaderRoles = ['OFFICE_LEADER', 'OFFICE_DIRECTOR', 'GOV_LEADER'];
const severities: Incident['severity'][] = ['I', 'II', 'III', 'IV', 'UNKNOWN'];

const idOf = (prefix: string, scope: string, key: string) =>
  `${prefix}-` + createHash('sha256').update(`${scope}:${key}`).digest('hex').slice(0, 20);

function oneOf<T extends string>(field: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value))
    throw new DutyError('REPORT_INVALID', `${field} must be one of ${allowed.join(', ')}`, [
      { field, message: `one of ${allowed.join(', ')}` },
    ]);
  return value as T;
}

/** The party office's confirmation as given; an unreadable time is refused here, a missing one by the domain. */
function confirmation(c: { confirmedBy: string; confirmedAt: string; reference?: string }): PartyOfficeConfirmation {
  const at = c.confirmedAt.trim() ? new Date(c.confirmedAt) : new Date(Number.NaN);
  if (c.confirmedAt.trim() && Number.isNaN(at.getTime()))
    throw new DutyError('REPORT_INVALID', 'partyOffice.confirmedAt is not a time', [
      { field: 'partyOffice.confirmedAt', message: 'RFC 3339 date-time' },
    ]);
  return { confirmedBy: c.confirmedBy, confirmedAt: at, reference: c.reference ?? '' };
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
  /** Contacts and whereabouts from the in-memory roster, for the signing chain's substitutes. */
  directory: (at: Date) => DutyDirectory;
  /** WR-1 budgets of the signing chain. */
  signing?: SigningPolicy;
  /** RC-1: alerts the S3 people of an incident lifted into I/II (see alert-upgrade); absent: nobody is alerted. */
  alertUpgrade?: (incident: Incident) => Promise<unknown>;
}) {
  const signing = deps.signing ?? defaultSigningPolicy;
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
        /** PO-1: the party office's confirmation, for a target it reports (RFC 3339 time). */
        partyOffice?: { confirmedBy: string; confirmedAt: string; reference?: string } | undefined;
      },
      actor: Actor,
    ): Promise<{ reportId: string; incidentId: string }> {
      const role = authorise(actor);
      const mode = oneOf('mode', cmd.mode, modes);
      const kind = oneOf('kind', cmd.kind || 'FIRST', kinds);
      const partyOffice = cmd.partyOffice ? confirmation(cmd.partyOffice) : undefined;
      const scope = `duty.report:${actor.userId}`;
      const id = idOf('rep', scope, key(cmd.idempotencyKey));
      return deps.idempotency.run(scope, cmd.idempotencyKey, cmd, async () => {
        await apply(
          cmd.incidentId,
          (i) =>
            (i.reports ?? []).some((r) => r.id === id)
              ? null
              : recordReport(
                  i,
                  {
                    ...cmd,
                    id,
                    mode,
                    kind,
                    reportedBy: actor.userId,
                    // the parsed confirmation replaces the wire one (or clears an absent one)
                    partyOffice,
                  },
                  deps.clock.now(),
                  deps.policy,
                ),
          'report.recorded',
          actor,
          role,
          {
            reportId: id,
            targetId: cmd.targetId,
            mode,
            kind,
            ...(partyOffice ? { partyOfficeConfirmedBy: partyOffice.confirmedBy } : {}),
          },
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

    /** A written report enters review and signing (spec duty §9.7); returns the draft id, the future document ref. */
    async draftWrittenReport(
      cmd: { idempotencyKey: string; incidentId: string; kind: string; content: string },
      actor: Actor,
    ): Promise<{ draftId: string; incidentId: string }> {
      const role = authorise(actor);
      const kind = oneOf('kind', cmd.kind || 'FIRST', kinds);
      const scope = `duty.draft:${actor.userId}`;
      const id = idOf('wr', scope, key(cmd.idempotencyKey));
      return deps.idempotency.run(scope, cmd.idempotencyKey, cmd, async () => {
        await apply(
          cmd.incidentId,
          (i) => {
            if ((i.drafts ?? []).some((x) => x.id === id)) return null;
            const now = deps.clock.now();
            const next = draftWrittenReport(
              i,
              { id, kind, content: cmd.content, createdBy: actor.userId },
              deps.directory(now),
              now,
              signing,
            );
            return { incident: next, changed: [], created: [], violations: [] };
          },
          'written-report.drafted',
          actor,
          role,
          { draftId: id, kind },
        );
        return { draftId: id, incidentId: cmd.incidentId };
      });
    },

    /** The caller reviews or signs a draft when the chain has come to them (spec duty §9.7, scenario 21). */
    async actOnDraft(
      cmd: { idempotencyKey: string; incidentId: string; draftId: string; skipReason?: string },
      actor: Actor,
    ): Promise<{ incidentId: string }> {
      const scope = `duty.draft-act:${actor.userId}`;
      key(cmd.idempotencyKey);
      return deps.idempotency.run(scope, cmd.idempotencyKey, cmd, async () => {
        await apply(
          cmd.incidentId,
          (i) => ({
            incident: actOnDraft(i, cmd.draftId, actor.userId, deps.clock.now(), {
              ...(cmd.skipReason ? { skipReason: cmd.skipReason } : {}),
              policy: signing,
            }),
            changed: [],
            created: [],
            violations: [],
          }),
          'written-report.approved',
          actor,
          'SIGNER',
          { draftId: cmd.draftId, ...(cmd.skipReason ? { inPlaceOfSilentApprover: cmd.skipReason } : {}) },
        );
        return { incidentId: cmd.incidentId };
      });
    },

    /** reclassify(severity) by a leader (spec duty §9.10 RC-1, scenario 19); obligations recomputed and re-armed. */
    async reclassify(
      cmd: { idempotencyKey: string; incidentId: string; severity: string; possiblyMajor: boolean; reason: string },
      actor: Actor,
    ): Promise<{ incidentId: string }> {
      if (!hasRole(actor, ...leaderRoles))
        throw new DutyError('RECLASSIFY_NOT_PERMITTED', 'only a leader changes an incident’s severity (§9.10)');
      const severity = oneOf('severity', cmd.severity, severities);
      const scope = `duty.reclassify:${actor.userId}`;
      key(cmd.idempotencyKey);
      return deps.idempotency.run(scope, cmd.idempotencyKey, cmd, async () => {
        const incident = await apply(
          cmd.incidentId,
          (i) =>
            i.severity === severity && i.possiblyMajor === cmd.possiblyMajor
              ? null
              : reclassifyIncident(
                  i,
                  { severity, possiblyMajor: cmd.possiblyMajor, reason: cmd.reason },
                  deps.clock.now(),
                  deps.policy,
                ),
          'incident.reclassified',
          actor,
          actor.roles.find((r) => leaderRoles.includes(r)) ?? 'LEADER',
          { severity, possiblyMajor: cmd.possiblyMajor, reason: cmd.reason },
        );
        // also on a re-run that found the severity already changed: the ledger keeps anyone from a second alert
        await deps.alertUpgrade?.(incident);
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
