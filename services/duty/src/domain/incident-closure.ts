import { DutyError } from './duty-error';
import type { Incident, Obligation } from './incident';
import type { ReportingPolicy } from './reporting-policy';
import type { ReportingChange } from './upward-reporting';

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
 * What the incident's own record holds, for the LG-3 check: its hash-chained audit entries (the automatic
 * entry the service writes for every state change), whether the chain verifies, the acknowledgement the alert
 * path recorded, and the people the ledger shows were reached by escalation.
 */
export interface Chronology {
  entries: { action: string; at: Date; details: Record<string, unknown> }[];
  /** The first entry whose hash or link does not match; absent when the chain is intact. */
  brokenAt?: number;
  /** The first acknowledgement as the alert path recorded it (not a void's stop mark). */
  acknowledgement?: { personId: string; at: Date };
  /** People notified as the next in the chain (ESCALATION step), from the delivery ledger. */
  escalatedTo: string[];
}

/**
 * LG-3 (003 L414): the handling is on record in time order, complete and detailed. The record is the
 * incident's audit trail; it is complete when the chain is intact and every step that left a trace elsewhere —
 * intake, the acknowledgement, each escalation, instruction, report and signature, the resolution or the
 * void — has its entry. A gap appears when a fast-path write was made and the process died before the
 * aggregate caught up. Returns what is missing, empty when the chronology is complete.
 */
export function chronologyGaps(incident: Incident, c: Chronology): string[] {
  const gaps: string[] = [];
  if (c.brokenAt !== undefined) gaps.push(`the audit chain does not verify from entry ${c.brokenAt}`);
  const has = (action: string, match: (d: Record<string, unknown>) => boolean = () => true) =>
    c.entries.some((e) => e.action === action && match(e.details ?? {}));
  if (!has('incident.received')) gaps.push('the intake is not on record');
  if (c.acknowledgement && !has('incident.acknowledged'))
    gaps.push(`the acknowledgement by ${c.acknowledgement.personId} is not on record`);
  const escalated = new Set(
    c.entries
      .filter((e) => e.action === 'incident.escalated')
      .flatMap((e) => ((e.details.steps ?? []) as { recipientId?: string }[]).map((s) => s.recipientId)),
  );
  for (const p of new Set(c.escalatedTo)) if (!escalated.has(p)) gaps.push(`the escalation to ${p} is not on record`);
  const instructions = (incident as Incident & { instructions?: { id: string }[] }).instructions ?? [];
  for (const ins of instructions)
    if (!has('instruction.recorded', (d) => d.instructionId === ins.id))
      gaps.push(`instruction ${ins.id} is not on record`);
  for (const r of incident.reports ?? [])
    if (!has('report.recorded', (d) => d.reportId === r.id)) gaps.push(`report ${r.id} is not on record`);
  for (const d of incident.drafts ?? []) {
    const acted = d.chain.filter((s) => s.actedAt).length;
    const entries = c.entries.filter((e) => e.action === 'written-report.approved' && e.details.draftId === d.id);
    if (entries.length < acted) gaps.push(`signatures on written report ${d.id} are not all on record`);
  }
  if (incident.resolvedAt && !has('incident.resolved')) gaps.push('the resolution is not on record');
  if (incident.voidedAt && !has('incident.voided')) gaps.push('the void is not on record');
  return gaps;
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
