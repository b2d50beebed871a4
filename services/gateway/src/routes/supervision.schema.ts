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
  })
  .meta({ description: '督办事项 — one item in the supervision ledger.' });
export type SupervisionItemJson = z.infer<typeof supervisionItemJson>;

export const supervisionItemWithAuditJson = z.object({ item: supervisionItemJson, audit: z.array(auditRecordJson) });

export const supervisionItemPageJson = z.object({
  items: z.array(supervisionItemJson),
  nextPageToken: z.string().nullable().meta({ description: 'pass as pageToken for the next page; null at the end' }),
});
