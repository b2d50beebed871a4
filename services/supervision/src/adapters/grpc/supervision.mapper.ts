import { supervisionV1 } from '@gov/contracts';
import type { FeedbackReport, SourceType, SupervisionItem, UrgencyLabel } from '../../domain/supervision-item';
import { toProtoAuditRecord } from '@gov/platform';
import type { StoredAuditEntry } from '../../app/ports';

const S = supervisionV1.SourceType;
const sourceTypes: Record<SourceType, supervisionV1.SourceType> = {
  DOCUMENT: S.SOURCE_TYPE_DOCUMENT,
  LEADER_INSTRUCTION: S.SOURCE_TYPE_LEADER_INSTRUCTION,
  GOV_MEETING_DECISION: S.SOURCE_TYPE_GOV_MEETING_DECISION,
  EMERGENCY_FOLLOWUP: S.SOURCE_TYPE_EMERGENCY_FOLLOWUP,
  PUBLIC_CALL: S.SOURCE_TYPE_PUBLIC_CALL,
  PETITION: S.SOURCE_TYPE_PETITION,
};
const U = supervisionV1.UrgencyLabel;
const urgencies: Record<UrgencyLabel, supervisionV1.UrgencyLabel> = {
  NORMAL: U.URGENCY_LABEL_NORMAL,
  URGENT: U.URGENCY_LABEL_URGENT,
  EXTRA_URGENT: U.URGENCY_LABEL_EXTRA_URGENT,
};

export const toProtoSourceType = (s: SourceType) => sourceTypes[s];
export const toProtoUrgency = (u: UrgencyLabel) => urgencies[u];

export function toProtoItem(i: SupervisionItem): supervisionV1.SupervisionItem {
  return {
    id: i.id,
    ledgerNo: i.ledgerNo,
    sourceType: sourceTypes[i.sourceType],
    sourceId: i.sourceId,
    title: i.title,
    state: i.state,
    dueAt: i.dueAt.toISOString(),
    deadlineRule: i.deadlineRule,
    dueProvisional: i.dueProvisional,
    workingDays: i.workingDays,
    urgency: urgencies[i.urgency],
    openedAt: i.openedAt.toISOString(),
    calendarVersion: i.calendarVersion,
    outcome: i.outcome ?? '',
    originalDueAt: i.originalDueAt.toISOString(),
    supervisingUnitId: i.supervisingUnitId,
    leadUnitId: i.leadUnitId ?? '',
    completedAt: i.completedAt?.toISOString() ?? '',
    closedAt: i.closedAt?.toISOString() ?? '',
    feedback: (i.feedback ?? []).map(toProtoFeedback),
  };
}

function toProtoFeedback(f: FeedbackReport): supervisionV1.FeedbackReport {
  return {
    progress: f.progress,
    result: f.result,
    problems: f.problems,
    nextSteps: f.nextSteps ?? '',
    submittedBy: f.submittedBy,
    principalSignedBy: f.principalSignedBy,
    submittedAt: f.submittedAt.toISOString(),
    review: f.review ?? '',
    reviewComment: f.reviewComment ?? '',
    reviewedBy: f.reviewedBy ?? '',
    reviewedAt: f.reviewedAt?.toISOString() ?? '',
  };
}

/** Audit lines go out in the platform's one shape. */
export const toProtoAudit = (a: StoredAuditEntry) => toProtoAuditRecord(a);
