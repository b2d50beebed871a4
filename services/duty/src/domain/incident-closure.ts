import { chronologyGaps, type Chronology } from './chronology';
import { DutyError } from './duty-error';
import type { Incident, Obligation } from './incident';
import type { ReportingPolicy } from './reporting-policy';
import type { ReportingChange } from './upward-reporting';

// the LG-3 check lives with the chronology; re-exported for the callers that know it from here
export { chronologyGaps, type Chronology };

const minute = 60_000;
/** States an incident may be voided from: anything before RESOLVED (spec duty §9.10). */
const voidable: Incident['status'][] = ['ESCALATING', 'COMMANDED', 'FIRST_REPORTED', 'FOLLOWING_UP'];
const met = (o: Obligation) => o.status === 'FULFILLED_ON_TIME' || o.status === 'FULFILLED_LATE';

/** Targets that were told anything about the incident: each of them must hear that it is void. */
export const reportedTargets = (i: Incident): string[] => [...new Set((i.reports ?? []).map((r) => r.targetId))];

function correction(targetId: string, now: Date, p: ReportingPolicy): Obligation {
  const dueAt = new Date(now.getTime() + p.correctionMin * minute);
  const guard = p.correctionMin <= p.shortLimitMax ? p.guardShortMin : p.guardLongMin;
  return {
    id: `${targetId}:${p.correctionMode}:CORRECTION`,
    targetId,
    mode: p.correctionMode,
    kind: 'CORRECTION',
    dueAt,
    warnAt: new Date(Math.max(now.getTime(), dueAt.getTime() - guard * minute)),
    status: 'PENDING',
  };
}

/**
 * void (spec duty §9.10 "any before RESOLVED → VOIDED"): a leader declares the incident void with a reason. The
 * report clocks still running stop — PENDING and WARNING obligations become WAIVED with that reason, so no guard
 * alert or breach follows — while breaches already recorded stay on the record (as in RC-1). Written reports
 * still in review are withdrawn. Every target that already received a report is owed one CORRECTION report,
 * due `correctionMin` after the void; the incident can be closed only once all of them are made.
 */
export function voidIncident(
  incident: Incident,
  v: { reason: string; by: string },
  now: Date,
  p: ReportingPolicy,
): ReportingChange {
  if (!voidable.includes(incident.status))
    throw new DutyError(
      'INCIDENT_STATE',
      `an incident is voided before it is resolved; incident ${incident.id} is ${incident.status}`,
    );
  const reason = v.reason.trim();
  if (!reason)
    throw new DutyError('VOID_REASON_REQUIRED', 'voiding an incident needs the reason (§9.10)', [
      { field: 'reason', message: 'is required' },
    ]);
  const changed: Obligation[] = [];
  const obligations = incident.obligations.map((o) => {
    if (o.status !== 'PENDING' && o.status !== 'WARNING') return o;
    const next: Obligation = { ...o, status: 'WAIVED', waivedReason: `incident voided: ${reason}` };
    changed.push(next);
    return next;
  });
  const taken = new Set(obligations.map((o) => o.id));
  const created = reportedTargets(incident)
    .map((t) => correction(t, now, p))
    .filter((o) => !taken.has(o.id));
  const drafts = (incident.drafts ?? []).map((d) =>
    d.status === 'IN_REVIEW' ? { ...d, status: 'WITHDRAWN' as const } : d,
  );
  return {
    incident: {
      ...incident,
      status: 'VOIDED',
      obligations: [...obligations, ...created],
      drafts,
      voidedAt: now,
      voidedBy: v.by,
      voidReason: reason,
    },
    changed,
    created,
    violations: [],
  };
}

/**
 * close by the log custodian (spec duty §9.10 "RESOLVED → CLOSED", "VOIDED → CLOSED"): refused while a
 * correction is still owed (CORRECTION_OPEN) or while the chronology has gaps (LOG_CHRONOLOGY_INCOMPLETE).
 */
export function closeIncident(incident: Incident, by: string, c: Chronology, now: Date): ReportingChange {
  if (incident.status !== 'RESOLVED' && incident.status !== 'VOIDED')
    throw new DutyError(
      'INCIDENT_STATE',
      `an incident is closed once RESOLVED or VOIDED; incident ${incident.id} is ${incident.status}`,
    );
  const open = incident.obligations.filter((o) => o.kind === 'CORRECTION' && !met(o));
  if (open.length)
    throw new DutyError(
      'CORRECTION_OPEN',
      'every target that received a report must get the correction before the incident is closed (§9.10)',
      open.map((o) => ({
        field: 'targetId',
        message: `${o.targetId} has no correction yet (due ${o.dueAt.toISOString()})`,
      })),
    );
  const gaps = chronologyGaps(incident, c);
  if (gaps.length)
    throw new DutyError(
      'LOG_CHRONOLOGY_INCOMPLETE',
      'the incident’s chronology is not complete (LG-3)',
      gaps.map((message) => ({ field: 'chronology', message })),
    );
  return {
    incident: { ...incident, status: 'CLOSED', closedAt: now, closedBy: by },
    changed: [],
    created: [],
    violations: [],
  };
}
