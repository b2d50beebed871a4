import { supervisionV1 } from '@gov/contracts';
import { orNull, reverse } from './common.mapper';
import type { ListItemsQuery, SourceTypeName, SupervisionItemJson, UrgencyLabelName } from './supervision.schema';

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
  };
}
