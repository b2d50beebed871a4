import { DutyError } from './duty-error';
import { resolveSlot, type DutyDirectory } from './escalation-ladder';
import { isMajor, type Incident, type ReportKind, type SignStep, type WrittenDraft } from './incident';

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
): Incident {
  if (!d.content.trim())
    throw new DutyError('REPORT_INVALID', 'a written report states time, place, what happened and measures (WR-5)', [
      { field: 'content', message: 'is required' },
    ]);
  if (incident.status === 'RESOLVED')
    throw new DutyError('INCIDENT_STATE', `incident ${incident.id} is already resolved`);
  const draft: WrittenDraft = {
    id: d.id,
    kind: d.kind,
    content: d.content.trim(),
    createdBy: d.createdBy,
    createdAt: now,
    chain: signingChain(incident, dir),
    status: 'IN_REVIEW',
  };
  return { ...incident, drafts: [...(incident.drafts ?? []), draft] };
}

/**
 * The next person in the chain reviews or signs; nobody else may, and nobody may skip ahead (WR-2: a leader's
 * changes are made before it goes on). The last signature makes the draft SIGNED.
 */
export function actOnDraft(incident: Incident, draftId: string, personId: string, now: Date): Incident {
  const draft = (incident.drafts ?? []).find((x) => x.id === draftId);
  if (!draft) throw new DutyError('INCIDENT_NOT_FOUND', `no written report ${draftId} on incident ${incident.id}`);
  if (draft.status === 'SIGNED') throw new DutyError('INCIDENT_STATE', `written report ${draftId} is already signed`);
  const i = draft.chain.findIndex((s) => !s.actedAt);
  const step = draft.chain[i]!;
  if (step.personId !== personId)
    throw new DutyError(
      'NOT_THE_SIGNER',
      `the written report waits for ${step.role} (${step.personId}) to ${step.action.toLowerCase()}`,
    );
  const chain = draft.chain.map((s, k) => (k === i ? { ...s, actedAt: now } : s));
  const signed = i === chain.length - 1;
  const next: WrittenDraft = { ...draft, chain, ...(signed ? { status: 'SIGNED' as const, signedAt: now } : {}) };
  return { ...incident, drafts: (incident.drafts ?? []).map((x) => (x.id === draftId ? next : x)) };
}

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
