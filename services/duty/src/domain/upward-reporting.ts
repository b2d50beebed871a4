import { DutyError } from './duty-error';
import {
  isMajor,
  type Incident,
  type Obligation,
  type PartyOfficeConfirmation,
  type ReportKind,
  type ReportMode,
  type UpwardReport,
  type Verification,
  type VerificationTask,
  type ViolationCandidate,
} from './incident';
import type { ReportingPolicy } from './reporting-policy';
import { reclassify } from './reclassify';
import { requireSigned } from './written-report';

const minute = 60_000;
const open = (o: Obligation) => o.status === 'PENDING' || o.status === 'WARNING';
const unmet = (o: Obligation) => open(o) || o.status === 'BREACHED' || o.status === 'BREACHED_ON_RECEIPT';

/** What a change to the reporting state did, for the adapter to turn into events and audit. */
export interface ReportingChange {
  incident: Incident;
  /** Obligations whose status changed, after the change. */
  changed: Obligation[];
  /** Obligations created by the change (follow-ups). */
  created: Obligation[];
  violations: ViolationCandidate[];
}

export interface ReportInput {
  id: string;
  targetId: string;
  mode: ReportMode;
  kind: ReportKind;
  content: string;
  reportedBy: string;
  receiverName: string;
  documentRef: string;
  /** Required exactly when the target is reported VIA_PARTY_OFFICE (PO-1). */
  partyOffice?: PartyOfficeConfirmation;
}

/**
 * PO-1: a target reported VIA_PARTY_OFFICE is reported by the same-level party office, so the desk records its
 * report only with the office's confirmation (who confirmed, when — not later than now); a SELF target takes none.
 * The obligation keeps its clock: it is met when the desk records the report, as in SELF mode.
 */
function checkPartyOffice(input: ReportInput, p: ReportingPolicy, now: Date): PartyOfficeConfirmation | undefined {
  const target = p.targets.find((t) => t.id === input.targetId);
  const c = input.partyOffice;
  if (target?.mode !== 'VIA_PARTY_OFFICE') {
    if (c)
      throw new DutyError('REPORT_INVALID', `${input.targetId} is reported by the duty desk itself (PO-1)`, [
        { field: 'partyOffice', message: 'only for a target reported via the party office' },
      ]);
    return undefined;
  }
  const v = [];
  if (!c?.confirmedBy.trim())
    v.push({ field: 'partyOffice.confirmedBy', message: 'name who at the party office confirmed the report' });
  if (!c || Number.isNaN(c.confirmedAt.getTime()))
    v.push({ field: 'partyOffice.confirmedAt', message: 'when the party office confirmed it' });
  if (v.length || !c)
    throw new DutyError(
      'PARTY_OFFICE_CONFIRMATION_REQUIRED',
      `${input.targetId} is reported via the party office; record its confirmation (PO-1)`,
      v,
    );
  if (c.confirmedAt.getTime() > now.getTime())
    throw new DutyError('REPORT_INVALID', 'the party office cannot have confirmed a report in the future', [
      { field: 'partyOffice.confirmedAt', message: 'not later than now' },
    ]);
  return { confirmedBy: c.confirmedBy.trim(), confirmedAt: c.confirmedAt, reference: c.reference.trim() };
}

/** The next due time among the incident's open obligations, for the sweep that re-arms timers (NF-3). */
export function nextObligationAt(obligations: readonly Obligation[]): Date | null {
  let next: number | null = null;
  for (const o of obligations) {
    const t =
      o.status === 'PENDING'
        ? Math.min(o.warnAt.getTime(), o.dueAt.getTime())
        : o.status === 'WARNING'
          ? o.dueAt.getTime()
          : null;
    if (t !== null && (next === null || t < next)) next = t;
  }
  return next === null ? null : new Date(next);
}

const lateReport = (incident: Incident, o: Obligation, at: Date): ViolationCandidate => ({
  id: `${incident.id}:LATE_REPORT:${o.id}`,
  type: 'LATE_REPORT',
  personId: incident.receivedBy,
  obligationId: o.id,
  at,
  status: 'CANDIDATE',
});

function withViolations(
  incident: Incident,
  add: ViolationCandidate[],
): { list: ViolationCandidate[]; added: ViolationCandidate[] } {
  const list = [...(incident.violations ?? [])];
  const added = add.filter((v) => !list.some((x) => x.id === v.id));
  return { list: [...list, ...added], added };
}

/**
 * AK-4 deadline guard: at the guard time an obligation still PENDING turns WARNING and a CRITICAL alert goes
 * out (the caller sends it). Anything else — fulfilled, waived, already warned — is left as it was (null).
 */
export function warnObligation(incident: Incident, obligationId: string, now: Date): ReportingChange | null {
  const o = incident.obligations.find((x) => x.id === obligationId);
  if (!o || o.status !== 'PENDING' || isClosed(incident) || now.getTime() < o.warnAt.getTime()) return null;
  const next: Obligation = { ...o, status: 'WARNING' };
  return {
    incident: { ...incident, obligations: incident.obligations.map((x) => (x.id === o.id ? next : x)) },
    changed: [next],
    created: [],
    violations: [],
  };
}

/**
 * The deadline passed with the report not made (§9.10 PENDING|WARNING → BREACHED): recorded as 迟报 and a
 * LATE_REPORT violation candidate for the duty desk (§11.1, §19 scenario 16).
 */
export function breachObligation(incident: Incident, obligationId: string, now: Date): ReportingChange | null {
  const o = incident.obligations.find((x) => x.id === obligationId);
  if (!o || !open(o) || isClosed(incident) || now.getTime() < o.dueAt.getTime()) return null;
  const next: Obligation = { ...o, status: 'BREACHED' };
  const { list, added } = withViolations(incident, [lateReport(incident, o, now)]);
  return {
    incident: {
      ...incident,
      obligations: incident.obligations.map((x) => (x.id === o.id ? next : x)),
      violations: list,
    },
    changed: [next],
    created: [],
    violations: added,
  };
}

/** No report clock runs on a resolved or closed incident; a voided one still runs its corrections' clocks. */
const isClosed = (i: Incident) => i.status === 'RESOLVED' || i.status === 'CLOSED';

function followUp(targetId: string, n: number, from: Date, incident: Incident, p: ReportingPolicy): Obligation {
  const cadence = isMajor(incident.severity, incident.possiblyMajor) ? p.followUpMajorMin : p.followUpOtherMin;
  const dueAt = new Date(from.getTime() + cadence * minute);
  const guard = cadence <= p.shortLimitMax ? p.guardShortMin : p.guardLongMin;
  return {
    id: `${targetId}:WRITTEN:FOLLOW_UP:${n}`,
    targetId,
    mode: 'WRITTEN',
    kind: 'FOLLOW_UP',
    dueAt,
    warnAt: new Date(dueAt.getTime() - guard * minute),
    status: 'PENDING',
  };
}

/** Targets that received a first report (FR-3: each of them must get the final report). */
export const firstReportedTargets = (i: Incident): string[] => [
  ...new Set((i.reports ?? []).filter((r) => r.kind === 'FIRST').map((r) => r.targetId)),
];

/**
 * 上报 recorded (spec duty §9.3, §9.8, §9.10). A first report meets the target's obligation of that mode —
 * on time up to its deadline, late after it (then also a LATE_REPORT candidate unless the source's delay
 * caused it, CK-4). It never waits for a leader (TL-4): made before any acknowledgement or instruction it is
 * stored with `reportedWithoutInstruction` (AK-4). When every first phone obligation is met the incident is
 * FIRST_REPORTED; when every first written one is too it is FOLLOWING_UP, and each target that got a first
 * report owes a follow-up within the cadence (FR-2). A follow-up report meets the open follow-up of its
 * target and starts the next one; a final report meets it and ends that target's follow-ups.
 */
export function recordReport(incident: Incident, input: ReportInput, now: Date, p: ReportingPolicy): ReportingChange {
  const v = [];
  if (!input.receiverName.trim())
    v.push({ field: 'receiverName', message: 'name the person at the target who took the report (§9.10)' });
  if (input.mode === 'WRITTEN' && !input.documentRef.trim())
    v.push({ field: 'documentRef', message: 'a written report needs the signed document reference (§9.10)' });
  if (!input.content.trim() && input.kind !== 'FIRST')
    v.push({ field: 'content', message: 'follow-up and final reports state development, measures and results (FR-1)' });
  if (v.length) throw new DutyError('REPORT_INVALID', 'the report record is incomplete', v);
  if (isClosed(incident))
    throw new DutyError('INCIDENT_STATE', `incident ${incident.id} is already ${incident.status.toLowerCase()}`);
  const correcting = input.kind === 'CORRECTION';
  // a voided incident owes only corrections, and only a voided one owes them (§9.10)
  if ((incident.status === 'VOIDED') !== correcting)
    throw new DutyError(
      'INCIDENT_STATE',
      correcting
        ? 'a CORRECTION report is made only for a voided incident'
        : `incident ${incident.id} is voided; only its CORRECTION reports are recorded`,
    );
  if (input.mode === 'WRITTEN') requireSigned(incident, input.documentRef.trim());
  const targets = new Set(incident.obligations.map((o) => o.targetId));
  if (!targets.has(input.targetId))
    throw new DutyError('REPORT_INVALID', `no report to ${input.targetId} is owed for this incident`, [
      { field: 'targetId', message: `one of: ${[...targets].join(', ')}` },
    ]);
  if (correcting && !incident.obligations.some((o) => o.kind === 'CORRECTION' && o.targetId === input.targetId))
    throw new DutyError('REPORT_INVALID', `${input.targetId} had no report, so it is owed no correction`, [
      { field: 'targetId', message: 'name a target that received a report before the void' },
    ]);
  if (!correcting && input.kind !== 'FIRST' && !firstReportedTargets(incident).includes(input.targetId))
    throw new DutyError('INCIDENT_STATE', 'follow-up and final reports come after a first report to the same target');

  const partyOffice = checkPartyOffice(input, p, now);
  const { partyOffice: _given, ...fields } = input;
  const report: UpwardReport = {
    ...fields,
    ...(partyOffice ? { partyOffice } : {}),
    content: input.content.trim(),
    receiverName: input.receiverName.trim(),
    documentRef: input.documentRef.trim(),
    reportedAt: now,
    reportedWithoutInstruction: incident.status === 'ESCALATING',
  };
  const meets = (o: Obligation) =>
    o.targetId === input.targetId &&
    unmet(o) &&
    (input.kind === 'FIRST'
      ? o.kind === 'FIRST' && o.mode === input.mode
      : // a correction in writing serves as well as the phone call the policy asks for
        correcting
        ? o.kind === 'CORRECTION'
        : o.kind === 'FOLLOW_UP');
  const changed: Obligation[] = [];
  const late: ViolationCandidate[] = [];
  let obligations = incident.obligations.map((o) => {
    if (!meets(o)) return o;
    const onTime = open(o) && now.getTime() <= o.dueAt.getTime();
    const next: Obligation = {
      ...o,
      status: onTime ? 'FULFILLED_ON_TIME' : 'FULFILLED_LATE',
      fulfilledByReportId: report.id,
      fulfilledAt: now,
    };
    if (!onTime && o.status !== 'BREACHED_ON_RECEIPT') late.push(lateReport(incident, o, now));
    changed.push(next);
    return next;
  });
  const reports = [...(incident.reports ?? []), report];
  let status = incident.status;
  const firstOf = (mode: ReportMode) => obligations.filter((o) => o.kind === 'FIRST' && o.mode === mode);
  const met = (o: Obligation) =>
    o.status === 'FULFILLED_ON_TIME' || o.status === 'FULFILLED_LATE' || o.status === 'WAIVED';
  if ((status === 'ESCALATING' || status === 'COMMANDED') && firstOf('PHONE').every(met)) status = 'FIRST_REPORTED';
  const created: Obligation[] = [];
  const withFirst = [...new Set(reports.filter((r) => r.kind === 'FIRST').map((r) => r.targetId))];
  if (status === 'FIRST_REPORTED' && firstOf('WRITTEN').every(met)) {
    status = 'FOLLOWING_UP';
    for (const t of withFirst)
      if (!reports.some((r) => r.targetId === t && r.kind === 'FINAL')) created.push(followUp(t, 1, now, incident, p));
  } else if (status === 'FOLLOWING_UP' && input.kind === 'FOLLOW_UP') {
    const n = obligations.filter((o) => o.kind === 'FOLLOW_UP' && o.targetId === input.targetId).length + 1;
    created.push(followUp(input.targetId, n, now, incident, p));
  }
  obligations = [...obligations, ...created];
  const { list, added } = withViolations(incident, late);
  return {
    incident: {
      ...incident,
      obligations,
      reports,
      status,
      violations: list,
      reportedWithoutInstruction: incident.reportedWithoutInstruction || report.reportedWithoutInstruction,
    },
    changed,
    created,
    violations: added,
  };
}

/**
 * submitFinalReport (§9.10 FOLLOWING_UP → RESOLVED): refused until every target that had a first report got
 * the final report (FR-3, §19 scenario 22). Follow-ups still open are waived: the final report ended them.
 */
export function resolveIncident(incident: Incident, now: Date): ReportingChange {
  if (incident.status !== 'FOLLOWING_UP')
    throw new DutyError('INCIDENT_STATE', `an incident is resolved from FOLLOWING_UP, not ${incident.status}`);
  const missing = firstReportedTargets(incident).filter(
    (t) => !(incident.reports ?? []).some((r) => r.targetId === t && r.kind === 'FINAL'),
  );
  if (missing.length)
    throw new DutyError(
      'FINAL_REPORT_MISSING',
      'every target that had a first report must get the final report first (FR-3)',
      missing.map((t) => ({ field: 'targetId', message: `${t} has no final report` })),
    );
  const changed: Obligation[] = [];
  const obligations = incident.obligations.map((o) => {
    if (!open(o)) return o;
    const next: Obligation = { ...o, status: 'WAIVED', waivedReason: 'the final report ended it (FR-3)' };
    changed.push(next);
    return next;
  });
  return {
    incident: { ...incident, obligations, status: 'RESOLVED', resolvedAt: now },
    changed,
    created: [],
    violations: [],
  };
}

/**
 * A higher authority asked about the incident (PO-2, §19 scenario 23): when nothing has been reported to that
 * target yet, information flowed the wrong way — the incident is flagged REVERSE_FLOW and a violation
 * candidate is raised against the duty desk.
 */
export function recordEnquiry(
  incident: Incident,
  e: { id: string; targetId: string; loggedBy: string; note: string },
  now: Date,
): ReportingChange & { reverseFlow: boolean } {
  const enquiries = [...(incident.enquiries ?? []), { ...e, at: now }];
  const reverseFlow = !(incident.reports ?? []).some((r) => r.targetId === e.targetId);
  const { list, added } = withViolations(
    incident,
    reverseFlow
      ? [
          {
            id: `${incident.id}:REVERSE_FLOW:${e.targetId}`,
            type: 'REVERSE_FLOW',
            personId: incident.receivedBy,
            at: now,
            status: 'CANDIDATE',
          },
        ]
      : [],
  );
  const flags =
    reverseFlow && !incident.flags.includes('REVERSE_FLOW')
      ? [...incident.flags, 'REVERSE_FLOW' as const]
      : incident.flags;
  return {
    incident: { ...incident, enquiries, flags, violations: list },
    changed: [],
    created: [],
    violations: added,
    reverseFlow,
  };
}

const parties: VerificationTask['party'][] = [
  'REPORTING_UNIT',
  'LOCAL_PARTY_COMMITTEE',
  'PUBLIC_SECURITY',
  'EMERGENCY_OFFICE',
];

/**
 * S5 verification (004 L122): doubtful facts are checked with the reporting unit and, where in doubt, the
 * local party committee, public security and the emergency office — tasks that stay open while reporting
 * goes on (§19 scenario 20). CONFIRMED or REFUTED closes them.
 */
export function setVerification(incident: Incident, to: Verification, now: Date): Incident {
  const tasks = [...(incident.verificationTasks ?? [])];
  if (to === 'DOUBTFUL' || to === 'VERIFYING') {
    const wanted = to === 'DOUBTFUL' ? parties : parties.slice(0, 1);
    for (const party of wanted)
      if (!tasks.some((t) => t.party === party && t.status === 'OPEN'))
        tasks.push({ party, status: 'OPEN', openedAt: now });
  }
  const closed =
    to === 'CONFIRMED' || to === 'REFUTED'
      ? tasks.map((t) => (t.status === 'OPEN' ? { ...t, status: 'DONE' as const, closedAt: now } : t))
      : tasks;
  return { ...incident, verification: to, verificationTasks: closed };
}

/**
 * reclassify(severity) by a leader (spec duty §9.10 RC-1, §19 scenario 19): first-report obligations are
 * recomputed from occurrence — new ones may be BREACHED at once, fulfilled and breached ones stay, pending
 * ones the new class lacks are WAIVED. A downgrade needs the leader's reason.
 */
export function reclassifyIncident(
  incident: Incident,
  to: { severity: Incident['severity']; possiblyMajor: boolean; reason: string },
  now: Date,
  p: ReportingPolicy,
): ReportingChange {
  if (isClosed(incident) || incident.status === 'VOIDED')
    throw new DutyError('INCIDENT_STATE', `incident ${incident.id} is already ${incident.status.toLowerCase()}`);
  const rank = (s: Incident['severity'], major: boolean) => ({ I: 4, II: 3, UNKNOWN: major ? 3 : 0, III: 2, IV: 1 })[s];
  const down = rank(to.severity, to.possiblyMajor) < rank(incident.severity, incident.possiblyMajor);
  if (down && !to.reason.trim())
    throw new DutyError('REPORT_INVALID', 'a downgrade keeps the leader’s reason (RC-1)', [
      { field: 'reason', message: 'is required when lowering the severity' },
    ]);
  const first = incident.obligations.filter((o) => o.kind === 'FIRST');
  const others = incident.obligations.filter((o) => o.kind !== 'FIRST');
  const recomputed = reclassify({ occurredAt: incident.occurredAt, obligations: first }, to, now, p);
  const before = new Map(first.map((o) => [o.id, o]));
  const changed = recomputed.filter((o) => before.get(o.id)?.status !== o.status || !before.has(o.id));
  const created = recomputed.filter((o) => !before.has(o.id));
  const upgraded = !isMajor(incident.severity, incident.possiblyMajor) && isMajor(to.severity, to.possiblyMajor);
  return {
    incident: {
      ...incident,
      severity: to.severity,
      possiblyMajor: to.possiblyMajor,
      obligations: [...recomputed, ...others],
      ...(upgraded ? { upgradedToMajorAt: now } : {}),
    },
    changed,
    created,
    violations: [],
  };
}
