import { z } from 'zod';
import { auditRecordJson, instantJson, resourceId } from './common.schema';

/** Where a supervised matter came from: a document, a leader's 批示, a meeting decision, an emergency. */
export const sourceType = z.enum([
  'DOCUMENT',
  'LEADER_INSTRUCTION',
  'GOV_MEETING_DECISION',
  'EMERGENCY_FOLLOWUP',
  'PUBLIC_CALL',
  'PETITION',
]);
/** Urgency label derived from the time allowed. */
export const urgencyLabel = z.enum(['NORMAL', 'URGENT', 'EXTRA_URGENT']);
export type SourceTypeName = z.infer<typeof sourceType>;
export type UrgencyLabelName = z.infer<typeof urgencyLabel>;

/** Query of GET /v1/supervision/items. Unknown parameters are ignored (cache busters, tracking tags). */
export const listItemsQuery = z.object({
  sourceId: resourceId.optional(),
  pageSize: z
    .string()
    .regex(/^\d{1,3}$/, 'must be an integer from 1 to 100')
    .transform(Number)
    .pipe(z.int().min(1).max(100))
    .optional(),
  pageToken: z.string().min(1).max(512).optional(),
});
export type ListItemsQuery = z.output<typeof listItemsQuery>;

const text = (max: number) => z.string().trim().min(1).max(max);

/** Body of POST /v1/supervision/items/{id}/feedback: the lead unit's FINAL written report. */
export const submitFeedbackBody = z.strictObject({
  progress: text(4000),
  result: text(4000),
  problems: text(4000).meta({ description: 'say "none" (无) explicitly when there were none' }),
  nextSteps: z.string().trim().max(4000).default(''),
  principalSignedBy: z
    .string()
    .trim()
    .max(128)
    .default('')
    .meta({ description: 'user id of the unit principal who signed off; required unless a UNIT_PRINCIPAL submits' }),
});
export type SubmitFeedbackBody = z.output<typeof submitFeedbackBody>;
/** Body of POST /v1/supervision/items/{id}/acceptance. */
export const acceptFeedbackBody = z.strictObject({ comment: z.string().trim().max(2000).default('') });
/** Body of POST /v1/supervision/items/{id}/return. */
export const returnFeedbackBody = z.strictObject({ reason: text(2000) });
/** Body of POST /v1/supervision/items/{id}/closure: exactly one of the two. */
export const closeItemBody = z
  .strictObject({
    leaderReport: z.string().trim().max(2000).optional().meta({ description: 'how the result reached the leader' }),
    cancellationReason: z.string().trim().max(2000).optional().meta({ description: 'set instead to cancel' }),
  })
  .refine((b) => !!b.leaderReport !== !!b.cancellationReason, 'give exactly one of leaderReport, cancellationReason');
export type CloseItemBody = z.output<typeof closeItemBody>;

export const feedbackReportJson = z.object({
  progress: z.string(),
  result: z.string(),
  problems: z.string(),
  nextSteps: z.string(),
  submittedBy: z.string(),
  principalSignedBy: z.string(),
  submittedAt: instantJson,
  review: z.string().nullable().meta({ description: 'ACCEPTED, RETURNED, or null while under review' }),
  reviewComment: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedAt: instantJson.nullable(),
});

export const supervisionItemJson = z
  .object({
    id: z.string(),
    ledgerNo: z.string().meta({ description: 'ledger (台账) number DC-{YYYY}-{NNNNN}' }),
    sourceType: z.enum([...sourceType.options, 'UNSPECIFIED']),
    sourceId: z.string(),
    title: z.string(),
    state: z.string(),
    dueAt: instantJson.nullable(),
    deadlineRule: z.string().meta({ description: 'the rule that set the deadline' }),
    dueProvisional: z.boolean().meta({ description: 'true when the deadline lies past the published calendar' }),
    workingDays: z.int(),
    urgency: z.enum([...urgencyLabel.options, 'UNSPECIFIED']),
    openedAt: instantJson,
    calendarVersion: z.string(),
    outcome: z
      .string()
      .nullable()
      .meta({ description: 'COMPLETED_ON_TIME, COMPLETED_AFTER_EXTENSION, COMPLETED_LATE or CANCELLED once closed' }),
    originalDueAt: instantJson.nullable(),
    supervisingUnitId: z.string(),
    leadUnitId: z.string().nullable(),
    completedAt: instantJson.nullable(),
    closedAt: instantJson.nullable(),
    feedback: z.array(feedbackReportJson).meta({ description: 'FINAL reports, oldest first' }),
  })
  .meta({ description: '督办事项 — one item in the supervision ledger.' });
export type SupervisionItemJson = z.infer<typeof supervisionItemJson>;

export const supervisionItemWithAuditJson = z.object({ item: supervisionItemJson, audit: z.array(auditRecordJson) });

export const supervisionItemPageJson = z.object({
  items: z.array(supervisionItemJson),
  nextPageToken: z.string().nullable().meta({ description: 'pass as pageToken for the next page; null at the end' }),
});
