import { DutyError } from './duty-error';
import { resolveSlot, type DutyDirectory } from './escalation-ladder';
import { isMajor, type Incident, type ReportKind, type SignStep, type WrittenDraft } from './incident';

/** WR-1: minutes each approver has to act — 3 for I/II (and classified), 10 for the rest [inferred; config]. */
export interface SigningPolicy {
  majorStepMin: number;
  otherStepMin: number;
}
export const defaultSigningPolicy: SigningPolicy = { majorStepMin: 3, otherStepMin: 10 };

const stepBudgetMs = (i: Pick<Incident, 'severity' | 'possiblyMajor' | 'classified'>, p: SigningPolicy) =>
  (isMajor(i.severity, i.possiblyMajor) || i.classified ? p.majorStepMin : p.otherStepMin) * 60_000;

const plan = (major: boolean): Pick<SignStep, 'role' | 'action'>[] =>
  major
    ? [
        { role: 'OFFICE_DEPUTY', action: 'REVIEW' },
        { role: 'OFFICE_DIRECTOR', action: 'REVIEW' },
        { role: 'GOV_PRINCIPAL', action: 'SIGN' },
      ]
    : [{ role: 'OFFICE_DEPUTY', action: 'SIGN' }];

/**
 * The review and signing chain of a written report (spec duty §9.7): for I/II or classified incidents the
 * office deputy in charge and the office director review and the government principal signs (000 L702,
 * 003 L496); other major urgent information is decided by the office deputy (004 L111). A holder marked
 * away is replaced by their substitute — the acting director for the director (003 L568), the executive
 * deputy for the principal (001 L9) — at drafting time (§19 scenario 21).
 */
export function signingChain(
  incident: Pick<Incident, 'severity' | 'possiblyMajor' | 'classified'>,
  dir: DutyDirectory,
): SignStep[] {
  const major = isMajor(incident.severity, incident.possiblyMajor) || incident.classified;
  return plan(major).map((s) => {
    const who = resolveSlot(s.role, dir);
    if (!who)
      throw new DutyError('SIGNER_UNAVAILABLE', `nobody holds ${s.role} or stands in for them; update the contacts`, [
        { field: 'contacts', message: `${s.role} missing` },
      ]);
    return { ...s, personId: who.personId, ...(who.substituteFor ? { substituteFor: who.substituteFor } : {}) };
  });
}

/** A written report enters its chain (WR-1/WR-5: content required). */
export function draftWrittenReport(
  incident: Incident,
  d: { id: string; kind: ReportKind; content: string; createdBy: string },
  dir: DutyDirectory,
  now: Date,
  p: SigningPolicy = defaultSigningPolicy,
): Incident {
  if (!d.content.trim())
    throw new DutyError('REPORT_INVALID', 'a written report states time, place, what happened and measures (WR-5)', [
      { field: 'content', message: 'is required' },
    ]);
  if (incident.status === 'RESOLVED' || incident.status === 'CLOSED')
    throw new DutyError('INCIDENT_STATE', `incident ${incident.id} is already ${incident.status.toLowerCase()}`);
  // a voided incident owes only its corrections (spec duty §9.10)
  if ((incident.status === 'VOIDED') !== (d.kind === 'CORRECTION'))
    throw new DutyError(
      'INCIDENT_STATE',
      incident.status === 'VOIDED'
        ? `incident ${incident.id} is voided; only a CORRECTION report may be drafted`
        : 'a CORRECTION report is drafted only for a voided incident',
    );
  const draft: WrittenDraft = {
    id: d.id,
    kind: d.kind,
    content: d.content.trim(),
    createdBy: d.createdBy,
    createdAt: now,
    chain: signingChain(incident, dir).map((step, k) =>
      k === 0 ? { ...step, dueAt: new Date(now.getTime() + stepBudgetMs(incident, p)), timeouts: 0 } : step,
    ),
    status: 'IN_REVIEW',
  };
  return { ...incident, drafts: [...(incident.drafts ?? []), draft] };
}

/**
 * The next person in the chain reviews or signs; nobody else may, and nobody may skip ahead (WR-2: a leader's
 * changes are made before it goes on). The last signature makes the draft SIGNED.
 */
export function actOnDraft(
  incident: Incident,
  draftId: string,
  personId: string,
  now: Date,
  o: { skipReason?: string; policy?: SigningPolicy } = {},
): Incident {
  const draft = (incident.drafts ?? []).find((x) => x.id === draftId);
  if (!draft) throw new DutyError('INCIDENT_NOT_FOUND', `no written report ${draftId} on incident ${incident.id}`);
  if (draft.status !== 'IN_REVIEW')
    throw new DutyError('INCIDENT_STATE', `written report ${draftId} is ${draft.status.toLowerCase()}`);
  let i = draft.chain.findIndex((s) => !s.actedAt);
  const step = draft.chain[i]!;
  const chain = [...draft.chain];
  if (step.personId !== personId) {
    // WR-1: after the second timeout the next level may act in the current approver's place, with a reason
    const next = draft.chain[i + 1];
    const mayStepIn = (step.timeouts ?? 0) >= 2 && next?.personId === personId;
    if (!mayStepIn)
      throw new DutyError(
        'NOT_THE_SIGNER',
        `the written report waits for ${step.role} (${step.personId}) to ${step.action.toLowerCase()}`,
      );
    if (!o.skipReason?.trim())
      throw new DutyError('REPORT_INVALID', 'acting in place of a silent approver needs the reason (WR-1)', [
        { field: 'skipReason', message: 'is required' },
      ]);
    chain[i] = { ...step, actedAt: now, skipped: { by: personId, reason: o.skipReason.trim() } };
    i += 1;
  }
  chain[i] = { ...chain[i]!, actedAt: now };
  const signed = i === chain.length - 1;
  if (!signed)
    chain[i + 1] = {
      ...chain[i + 1]!,
      dueAt: new Date(now.getTime() + stepBudgetMs(incident, o.policy ?? defaultSigningPolicy)),
      timeouts: 0,
    };
  const next: WrittenDraft = { ...draft, chain, ...(signed ? { status: 'SIGNED' as const, signedAt: now } : {}) };
  return { ...incident, drafts: (incident.drafts ?? []).map((x) => (x.id === draftId ? next : x)) };
}

/**
 * WR-1: the current approver's time ran out. The first time they are called again and their substitute is told
 * (the caller sends both alerts: `alert`), with a new budget; from the second time the next level may act in
 * their place. Null when the step was acted on meanwhile (a late or repeated timer).
 */
export function signStepTimedOut(
  incident: Incident,
  draftId: string,
  stepIndex: number,
  now: Date,
  dir: DutyDirectory,
  p: SigningPolicy = defaultSigningPolicy,
): { incident: Incident; alert: string[]; timeouts: number } | null {
  const draft = (incident.drafts ?? []).find((x) => x.id === draftId);
  const step = draft?.chain[stepIndex];
  if (!draft || draft.status !== 'IN_REVIEW' || !step || step.actedAt || !step.dueAt) return null;
  if (now.getTime() < step.dueAt.getTime()) return null;
  if (draft.chain.findIndex((s) => !s.actedAt) !== stepIndex) return null;
  const timeouts = (step.timeouts ?? 0) + 1;
  const contact = dir.contact(step.personId);
  const substitute =
    contact?.substituteId ??
    (step.role === 'OFFICE_DIRECTOR'
      ? dir.byRole.OFFICE_ACTING_DIRECTOR
      : step.role === 'GOV_PRINCIPAL'
        ? dir.byRole.GOV_EXEC_DEPUTY
        : undefined);
  const nextPerson = draft.chain[stepIndex + 1]?.personId;
  const alert =
    timeouts === 1
      ? [step.personId, ...(substitute && substitute !== step.personId ? [substitute] : [])]
      : [step.personId, ...(nextPerson ? [nextPerson] : [])];
  const chain = draft.chain.map((s, k) =>
    k === stepIndex ? { ...s, timeouts, dueAt: new Date(now.getTime() + stepBudgetMs(incident, p)) } : s,
  );
  const next: WrittenDraft = { ...draft, chain };
  return {
    incident: { ...incident, drafts: (incident.drafts ?? []).map((x) => (x.id === draftId ? next : x)) },
    alert,
    timeouts,
  };
}

/** The signing steps waiting on someone, with when their time runs out (the report clock arms these). */
export const pendingSignSteps = (incident: Incident): { draftId: string; stepIndex: number; dueAt: Date }[] =>
  (incident.drafts ?? []).flatMap((d) => {
    if (d.status !== 'IN_REVIEW') return [];
    const k = d.chain.findIndex((s) => !s.actedAt);
    const step = d.chain[k];
    return step?.dueAt ? [{ draftId: d.id, stepIndex: k, dueAt: new Date(step.dueAt) }] : [];
  });

/** A written report goes up only with a signed draft of this incident as its document (§19 scenario 21). */
export function requireSigned(incident: Incident, documentRef: string): void {
  const draft = (incident.drafts ?? []).find((x) => x.id === documentRef);
  if (!draft || draft.status !== 'SIGNED')
    throw new DutyError('REPORT_NOT_SIGNED', 'a written report goes out only once its draft is signed (§9.7)', [
      {
        field: 'documentRef',
        message: draft ? 'the draft is still in review' : 'name a signed draft of this incident',
      },
    ]);
}

/** The next time the report clock must act on an incident: a guard, a deadline or a signing step's budget. */
export function nextDueAt(obligationsNext: Date | null, incident: Incident): Date | null {
  const times = [
    ...(obligationsNext ? [obligationsNext.getTime()] : []),
    ...pendingSignSteps(incident).map((s) => s.dueAt.getTime()),
  ];
  return times.length ? new Date(Math.min(...times)) : null;
}
