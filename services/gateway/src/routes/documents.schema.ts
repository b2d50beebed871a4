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
    registeredAt: instantJson,
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
  })
  .meta({ description: '收文 as registered.' });
export type IncomingDocumentJson = z.infer<typeof incomingDocumentJson>;

export const incomingDocumentWithAuditJson = z.object({
  document: incomingDocumentJson,
  audit: z.array(auditRecordJson),
});
