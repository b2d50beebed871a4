import { supervisionV1 } from '@gov/contracts';
import { orNull, reverse } from './common.mapper';
import type {
  CloseItemBody,
  ListItemsQuery,
  SourceTypeName,
  SubmitFeedbackBody,
  SupervisionItemJson,
  UrgencyLabelName,
} from './supervision.schema';

const { SourceType, UrgencyLabel } = supervisionV1;

export const sourceTypeToProto: Record<SourceTypeName, supervisionV1.SourceType> = {
  DOCUMENT: SourceType.SOURCE_TYPE_DOCUMENT,
  LEADER_INSTRUCTION: SourceType.SOURCE_TYPE_LEADER_INSTRUCTION,
  GOV_MEETING_DECISION: SourceType.SOURCE_TYPE_GOV_MEETING_DECISION,
  EMERGENCY_FOLLOWUP: SourceType.SOURCE_TYPE_EMERGENCY_FOLLOWUP,
  PUBLIC_CALL: SourceType.SOURCE_TYPE_PUBLIC_CALL,
  PETITION: SourceType.SOURCE_TYPE_PETITION,
};

export const urgencyLabelToProto: Record<UrgencyLabelName, supervisionV1.UrgencyLabel> = {
  NORMAL: UrgencyLabel.URGENCY_LABEL_NORMAL,
  URGENT: UrgencyLabel.URGENCY_LABEL_URGENT,
  EXTRA_URGENT: UrgencyLabel.URGENCY_LABEL_EXTRA_URGENT,
};

const sourceTypeToJson = reverse(sourceTypeToProto);
const urgencyLabelToJson = reverse(urgencyLabelToProto);

/** Absent paging fields become proto3 zero values, which the service reads as "its default". */
export function toListItemsRequest(query: ListItemsQuery): supervisionV1.ListItemsRequest {
  return {
    sourceId: query.sourceId ?? '',
    page: { pageSize: query.pageSize ?? 0, pageToken: query.pageToken ?? '' },
  };
}

export function supervisionItemToJson(item: supervisionV1.SupervisionItem): SupervisionItemJson {
  return {
    id: item.id,
    ledgerNo: item.ledgerNo,
    sourceType: sourceTypeToJson(item.sourceType),
    sourceId: item.sourceId,
    title: item.title,
    state: item.state,
    dueAt: orNull(item.dueAt),
    deadlineRule: item.deadlineRule,
    dueProvisional: item.dueProvisional,
    workingDays: item.workingDays,
    urgency: urgencyLabelToJson(item.urgency),
    openedAt: item.openedAt,
    calendarVersion: item.calendarVersion,
    outcome: orNull(item.outcome),
    originalDueAt: orNull(item.originalDueAt),
    supervisingUnitId: item.supervisingUnitId,
    leadUnitId: orNull(item.leadUnitId),
    completedAt: orNull(item.completedAt),
    closedAt: orNull(item.closedAt),
    feedback: item.feedback.map((f) => ({
      progress: f.progress,
      result: f.result,
      problems: f.problems,
      nextSteps: f.nextSteps,
      submittedBy: f.submittedBy,
      principalSignedBy: f.principalSignedBy,
      submittedAt: f.submittedAt,
      review: orNull(f.review),
      reviewComment: orNull(f.reviewComment),
      reviewedBy: orNull(f.reviewedBy),
      reviewedAt: orNull(f.reviewedAt),
    })),
  };
}

export const toSubmitFeedbackRequest = (
  id: string,
  body: SubmitFeedbackBody,
  idempotencyKey: string,
): supervisionV1.SubmitFeedbackRequest => ({ idempotencyKey, id, ...body });

/** Absent fields become empty strings, which the service reads as "not given". */
export const toCloseItemRequest = (
  id: string,
  body: CloseItemBody,
  idempotencyKey: string,
): supervisionV1.CloseItemRequest => ({
  idempotencyKey,
  id,
  leaderReport: body.leaderReport ?? '',
  cancellationReason: body.cancellationReason ?? '',
});
