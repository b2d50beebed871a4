import { z } from 'zod';
import { auditRecordJson, classification, instantJson, orgUnitInput, orgUnitJson } from './common.schema';

/** 紧急程度: 平件, 急件, 特急. */
export const urgency = z.enum(['NORMAL', 'URGENT', 'EXTRA_URGENT']);
/** 办件 (needs action) or 阅件 (for reading). */
export const nature = z.enum(['FOR_ACTION', 'FOR_READING']);
/** How the document arrived. */
export const channel = z.enum([
  'PAPER',
  'ELECTRONIC_GOV_NET',
  'ELECTRONIC_PARTY_NET',
  'FAX',
  'TELEGRAM',
  'DUTY_HANDOVER',
  'HAND_DELIVERED',
]);
export type UrgencyName = z.infer<typeof urgency>;
export type NatureName = z.infer<typeof nature>;
export type ChannelName = z.infer<typeof channel>;

/** Body of POST /v1/documents/incoming (收文登记); unknown fields are refused so typos surface. */
export const registerIncomingBody = z
  .strictObject({
    title: z.string().trim().min(1).max(300),
    sender: orgUnitInput,
    senderDocNo: z.string().trim().max(100).default('').meta({ description: "the sender's 发文字号" }),
    urgency,
    classification,
    nature,
    channel,
    receivedAt: instantJson.meta({ description: 'RFC 3339 instant of receipt (签收)' }),
    ccOnly: z.boolean().default(false),
    fromSuperior: z.boolean().default(false),
    handlingLimitWorkingDays: z
      .int()
      .min(0)
      .max(365)
      .default(0)
      .meta({ description: '承办时限 set by the sender; 0 = none given, the service applies its default' }),
  })
  .meta({ description: '收文登记 — registers a received document.' });
export type RegisterIncomingBody = z.output<typeof registerIncomingBody>;

/**
 * Body of POST /v1/documents/incoming/{id}/registration: what the 综合股 adds to a document the duty desk signed in
 * off-hours (title and time of receipt come from the desk). Unknown fields are refused.
 */
export const registerSignedInBody = z
  .strictObject({
    sender: z
      .strictObject({
        id: z.string().trim().min(1).max(128),
        name: z.string().trim().max(200).default('').meta({ description: 'empty keeps the name the desk wrote down' }),
      })
      .meta({ description: 'the sending organ as identified by the 综合股' }),
    senderDocNo: z.string().trim().max(100).default('').meta({ description: "the sender's 发文字号" }),
    classification,
    nature,
    urgency: urgency.optional().meta({ description: 'absent keeps the urgency the duty desk recorded' }),
    ccOnly: z.boolean().default(false),
    fromSuperior: z.boolean().default(false),
    handlingLimitWorkingDays: z
      .int()
      .min(0)
      .max(365)
      .default(0)
      .meta({ description: '承办时限 set by the sender; 0 = none given, the service applies its default' }),
  })
  .meta({ description: '登记 of an off-hours document signed in by the duty desk (classify and number it).' });
export type RegisterSignedInBody = z.output<typeof registerSignedInBody>;

/** Query of GET /v1/documents/incoming/awaiting-registration. Unknown parameters are ignored. */
export const awaitingRegistrationQuery = z.object({
  pageSize: z
    .string()
    .regex(/^\d{1,3}$/, 'must be an integer from 1 to 200')
    .transform(Number)
    .pipe(z.int().min(1).max(200))
    .optional(),
  pageToken: z.string().min(1).max(512).optional(),
});
export type AwaitingRegistrationQuery = z.output<typeof awaitingRegistrationQuery>;

export const incomingDocumentJson = z
  .object({
    id: z.string(),
    receiptNo: z.string().meta({ description: '收文号, e.g. SW-2026-00001' }),
    title: z.string(),
    sender: orgUnitJson.nullable(),
    senderDocNo: z.string(),
    urgency: z.enum([...urgency.options, 'UNSPECIFIED']),
    classification: z.enum([...classification.options, 'UNSPECIFIED']),
    nature: z.enum([...nature.options, 'UNSPECIFIED']),
    channel: z.enum([...channel.options, 'UNSPECIFIED']),
    receivedAt: instantJson,
    registeredAt: instantJson.nullable().meta({ description: 'null while the document is SIGNED_IN' }),
    registrationDueAt: instantJson.nullable(),
    registeredLate: z.boolean(),
    handlingLimitWorkingDays: z.int(),
    handlingDueAt: instantJson.nullable(),
    handlingDueProvisional: z
      .boolean()
      .meta({ description: 'true when the deadline lies past the last published holiday calendar' }),
    state: z.string(),
    registeredByUnit: orgUnitJson.nullable(),
    ccOnly: z.boolean(),
    fromSuperior: z.boolean(),
    signedInAt: instantJson.nullable().meta({ description: 'set for documents handed over by the duty desk' }),
    handedToUnit: orgUnitJson.nullable().meta({ description: 'the unit a duty handover went to: the 综合股' }),
    dutyHandover: z
      .object({ deskDocumentId: z.string(), kind: z.string() })
      .nullable()
      .meta({ description: "the duty desk's record the document came from" }),
  })
  .meta({ description: '收文 as registered, or signed in (SIGNED_IN, no receipt number yet) and waiting for it.' });
export type IncomingDocumentJson = z.infer<typeof incomingDocumentJson>;

export const incomingDocumentWithAuditJson = z.object({
  document: incomingDocumentJson,
  audit: z.array(auditRecordJson),
});

export const incomingDocumentPageJson = z.object({
  documents: z.array(incomingDocumentJson),
  nextPageToken: z.string().nullable().meta({ description: 'pass as pageToken for the next page; null at the end' }),
});
