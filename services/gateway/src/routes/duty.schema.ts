import { z } from 'zod';
import { instantJson, resourceId } from './common.schema';

/** 事件等级 (spec duty §9.1 EM-2). */
export const severity = z.enum(['I', 'II', 'III', 'IV', 'UNKNOWN']);
/** Kinds of information that must be reported (spec duty §9.1 EM-1). */
export const category = z.enum([
  'NATURAL_DISASTER',
  'ACCIDENT',
  'PUBLIC_HEALTH',
  'MASS_INCIDENT',
  'PUBLIC_ORDER_CRIMINAL',
  'NATIONAL_SECURITY_STABILITY',
  'SENSITIVE_OPINION',
  'PRECURSOR_INTELLIGENCE',
  'OTHER',
]);
export type SeverityName = z.infer<typeof severity>;
export type CategoryName = z.infer<typeof category>;

/** Body of POST /v1/duty/incidents (突发事件信息接报); unknown fields are refused so typos surface. */
export const raiseIncidentBody = z
  .strictObject({
    title: z.string().trim().min(1).max(120),
    category,
    severity: severity.default('UNKNOWN'),
    possiblyMajor: z.boolean().optional().meta({ description: 'default: true while the severity is UNKNOWN' }),
    occurredAt: instantJson.optional().meta({ description: '事发时间 T_evt; receipt time (estimated) when absent' }),
    sourceChannel: z.enum(['PHONE', 'FAX', 'SYSTEM', 'VISIT', 'SECURITY', 'CALL_LINE']).default('PHONE'),
    sourceUnitId: z.string().trim().max(128).default(''),
    location: z.string().trim().max(200).default(''),
    description: z.string().max(4000).default(''),
    classified: z.boolean().default(false).meta({ description: 'classified details never go into an SMS' }),
  })
  .meta({ description: '接报 — takes in an emergency report and alerts the people on duty at once.' });
export type RaiseIncidentBody = z.output<typeof raiseIncidentBody>;

/** Body of POST /v1/duty/incidents/:id/ack. */
export const acknowledgeBody = z.strictObject({
  personId: resourceId.optional().meta({ description: 'who acknowledges; the caller when absent' }),
});

export const onDutyQuery = z.strictObject({
  at: instantJson.optional().meta({ description: 'RFC 3339 instant; now when absent' }),
});

/** Body of POST /v1/duty/incidents/:id/instructions (领导批示, spec duty §9.9). */
export const instructionBody = z.strictObject({
  leaderId: resourceId.optional().meta({ description: 'who gave it; the caller when absent' }),
  text: z.string().trim().min(1).max(2000),
  needsFollowUp: z.boolean().default(false).meta({ description: '有督促落实要求: supervision opens a follow-up item' }),
  followUpDays: z.int().min(0).max(365).default(0).meta({ description: '"三日内报结果" = 3; 0 = no limit stated' }),
  suggestedLeadUnit: z.string().trim().max(128).default(''),
});

/** Body of POST /v1/duty/incidents/:id/reports (上报, spec duty §9.3, §9.8, §9.10). */
export const upwardReportBody = z.strictObject({
  targetId: resourceId.meta({ description: 'the report target, e.g. first-superior or province' }),
  mode: z.enum(['PHONE', 'WRITTEN']),
  kind: z
    .enum(['FIRST', 'FOLLOW_UP', 'FINAL', 'CORRECTION'])
    .default('FIRST')
    .meta({ description: 'CORRECTION only on a voided incident, to a target that had a report' }),
  content: z.string().max(8000).default(''),
  receiverName: z.string().trim().min(1).max(64).meta({ description: 'who took the call or signed for it' }),
  documentRef: z
    .string()
    .trim()
    .max(128)
    .default('')
    .meta({ description: 'signed document reference; required for WRITTEN' }),
  partyOffice: z
    .strictObject({
      confirmedBy: z.string().trim().min(1).max(64).meta({ description: 'who at the party office confirmed it' }),
      confirmedAt: instantJson.meta({ description: 'when they confirmed it' }),
      reference: z.string().trim().max(128).default('').meta({ description: "the party office's own reference" }),
    })
    .optional()
    .meta({
      description:
        'PO-1: required when the target is reported VIA_PARTY_OFFICE (else PARTY_OFFICE_CONFIRMATION_REQUIRED), ' +
        'refused for a SELF target',
    }),
});

/** Body of POST /v1/duty/incidents/:id/enquiries: a higher authority asked about the incident (PO-2). */
export const enquiryBody = z.strictObject({
  targetId: resourceId.meta({ description: 'the authority that asked' }),
  note: z.string().max(2000).default(''),
});

/** Body of POST /v1/duty/incidents/:id/verification (S5). */
export const verificationBody = z.strictObject({
  verification: z.enum(['UNVERIFIED', 'VERIFYING', 'CONFIRMED', 'DOUBTFUL', 'REFUTED']),
});

export const streamQuery = z.strictObject({
  recipientId: resourceId.optional().meta({ description: "only this person's alerts; all of the desk's when absent" }),
});

/** Body of POST /v1/duty/incidents/:id/drafts: a written report enters its signing chain (spec duty §9.7). */
export const draftBody = z.strictObject({
  kind: z.enum(['FIRST', 'FOLLOW_UP', 'FINAL', 'CORRECTION']).default('FIRST'),
  content: z
    .string()
    .trim()
    .min(1)
    .max(8000)
    .meta({ description: 'time, place, what happened, casualties, measures (WR-5)' }),
});

/** Body of POST /v1/duty/incidents/:id/reclassify (RC-1). */
export const reclassifyBody = z.strictObject({
  severity,
  possiblyMajor: z.boolean().default(false),
  reason: z.string().trim().max(2000).default('').meta({ description: 'required when lowering the severity' }),
});

/** Body of POST /v1/duty/rosters (值班表, spec duty §4): checked for 24-hour coverage before it is published. */
export const rosterBody = z.strictObject({
  periodStart: instantJson,
  periodEnd: instantJson,
  shifts: z
    .array(
      z.strictObject({
        type: z.enum(['OFFICE_DAY', 'OFFICE_NIGHT', 'OFFICE_LEADER_24H', 'GOV_LEADER_24H']),
        startsAt: instantJson,
        endsAt: instantJson,
        personId: resourceId,
      }),
    )
    .min(1)
    .max(2000),
  contacts: z
    .array(
      z.strictObject({
        personId: resourceId,
        name: z.string().trim().min(1).max(64),
        phone: z.string().trim().max(32).default(''),
        standingRole: z
          .enum(['OFFICE_DIRECTOR', 'OFFICE_ACTING_DIRECTOR', 'OFFICE_DEPUTY', 'GOV_PRINCIPAL', 'GOV_EXEC_DEPUTY'])
          .optional(),
        away: z.boolean().default(false),
        substituteId: resourceId.optional(),
      }),
    )
    .max(2000)
    .default([]),
});
export type RosterBody = z.output<typeof rosterBody>;

/** Body of POST /v1/duty/incidents/:id/drafts/:draftId/approve (optional). */
export const approveDraftBody = z.strictObject({
  skipReason: z
    .string()
    .trim()
    .max(500)
    .default('')
    .meta({ description: 'the next level acting in place of an approver whose time ran out twice (WR-1)' }),
});

/** Body of POST /v1/duty/delivery-receipts: the SMS provider's delivery reports (spec duty §9.5 AK-2). */
export const receiptsBody = z.strictObject({
  receipts: z
    .array(
      z.strictObject({
        messageId: z.string().min(1).max(256),
        status: z.enum(['DELIVERED', 'FAILED']),
        at: instantJson,
      }),
    )
    .min(1)
    .max(1000),
});

/** Body of POST /v1/duty/incidents/:id/void (spec duty §9.10): a leader voids the incident before resolution. */
export const voidBody = z.strictObject({
  reason: z.string().trim().min(1).max(2000).meta({ description: 'why the incident is void, e.g. a false alarm' }),
});

/** Query of GET /v1/duty/contact-sheet (NF-8). */
export const contactSheetQuery = z.strictObject({
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
    .optional()
    .meta({ description: 'local date (Asia/Shanghai) of the duty day; the current duty day when absent' }),
});
