import { z } from 'zod';
import { parameterRef, withIdParams, zodOperation } from '../openapi/common';
import { instantJson, resourceId } from './common.schema';

const optionalText = (max: number) => z.string().trim().max(max).default('');
const shiftType = z.enum(['OFFICE_DAY', 'OFFICE_NIGHT', 'OFFICE_LEADER_24H', 'GOV_LEADER_24H']);

const shift = z.strictObject({ type: shiftType, startsAt: instantJson, endsAt: instantJson, personId: resourceId });
const contact = z.strictObject({
  personId: resourceId,
  name: optionalText(100),
  phone: optionalText(40),
  standingRole: z
    .enum(['OFFICE_DIRECTOR', 'OFFICE_ACTING_DIRECTOR', 'OFFICE_DEPUTY', 'GOV_PRINCIPAL', 'GOV_EXEC_DEPUTY'])
    .optional(),
  away: z.boolean().default(false),
  substituteId: z.string().trim().max(128).default(''),
});
const restOverride = z.strictObject({
  personId: resourceId,
  startsAt: instantJson.meta({ description: 'start of the shift that follows the night' }),
  reason: z.string().trim().min(1).max(1000),
});

const content = {
  shifts: z.array(shift).max(2000).default([]),
  contacts: z.array(contact).max(500).default([]),
  restOverrides: z
    .array(restOverride)
    .max(200)
    .default([])
    .meta({ description: 'RS-4: a night followed directly by a day, with the reason' }),
  fairnessExemption: optionalText(1000).meta({ description: 'RS-2: why shift counts may differ by more than one' }),
};

/** Body of POST /v1/duty/rosters/drafts — a roster to review (spec duty §4.3, §15.1). */
export const createDraftBody = z
  .strictObject({
    kind: z.enum(['REGULAR', 'HOLIDAY']),
    periodStart: instantJson,
    periodEnd: instantJson,
    holidayName: optionalText(100).meta({ description: 'required for a HOLIDAY roster' }),
    ...content,
  })
  .meta({ description: '值班表 draft: submitted, approved and published in turn (§4.3).' });

/** Body of POST /v1/duty/rosters/drafts/{id}/revision — new content for a DRAFT. */
export const reviseDraftBody = z.strictObject(content);

/** Body of POST /v1/duty/rosters/drafts/{id}/approval. */
export const approveBody = z.strictObject({ note: optionalText(1000) });

/** Body of POST /v1/duty/rosters/drafts/{id}/rejection — back to DRAFT with a reason. */
export const rejectBody = z.strictObject({ reason: z.string().trim().min(1).max(1000) });

const member = z.strictObject({ personId: resourceId, name: optionalText(100), phone: optionalText(40) });

/** Body of POST /v1/duty/rosters/drafts/holiday — a HOLIDAY roster from the calendar (spec duty §4.2). */
export const holidayDraftBody = z
  .strictObject({
    holidayName: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .meta({ description: 'the calendar name, e.g. "National Day" or "国庆节"' }),
    year: z.int().min(2000).max(2100),
    officers: z.array(member).min(2).max(200),
    leaders: z.array(member).min(1).max(50),
    govLeaders: z.array(member).max(50).default([]),
    contacts: z.array(contact).max(500).default([]),
  })
  .meta({ description: '节假日值班表: officers day/night and leaders 24 h in rotation (RS-2..RS-4).' });

type Op = Omit<Parameters<typeof zodOperation>[0], 'tag' | 'result'>;
const op = (o: Op) =>
  zodOperation({
    tag: 'duty',
    result: 'The roster draft; status DRAFT, SUBMITTED, APPROVED, PUBLISHED, or LOCKED once its period ended',
    resultObject: 'The roster draft',
    ...o,
  });

/** Roster-review operations in the gateway's OpenAPI document (add `...dutyRostersPaths` to openapi.ts paths). */
export const dutyRostersPaths = {
  '/v1/duty/rosters/drafts': {
    post: op({
      id: 'createRosterDraft',
      summary: 'Draft a roster for review',
      body: createDraftBody,
      status: '201',
      problems: ['403', '409'],
    }),
  },
  '/v1/duty/rosters/drafts/holiday': {
    post: op({
      id: 'draftHolidayRoster',
      summary: 'Draft a holiday roster for a holiday of the working-day calendar',
      body: holidayDraftBody,
      status: '201',
    }),
  },
  '/v1/duty/rosters/drafts/{id}': {
    get: op({
      id: 'getRosterDraft',
      summary: 'Read one roster under review',
      params: [parameterRef('Id'), parameterRef('RequestId')],
      problems: ['403', '404'],
    }),
  },
  '/v1/duty/rosters/drafts/{id}/revision': {
    post: op({
      id: 'reviseRosterDraft',
      summary: 'Replace the content of a DRAFT',
      params: withIdParams,
      body: reviseDraftBody,
    }),
  },
  '/v1/duty/rosters/drafts/{id}/submission': {
    post: op({
      id: 'submitRosterDraft',
      summary: 'Submit a DRAFT; coverage, fairness and rest rules must pass',
      params: withIdParams,
    }),
  },
  '/v1/duty/rosters/drafts/{id}/approval': {
    post: op({
      id: 'approveRosterDraft',
      summary: 'Approve a SUBMITTED roster (director or duty-room manager)',
      params: withIdParams,
      body: approveBody,
    }),
  },
  '/v1/duty/rosters/drafts/{id}/rejection': {
    post: op({
      id: 'rejectRosterDraft',
      summary: 'Reject a SUBMITTED roster back to DRAFT with a reason',
      params: withIdParams,
      body: rejectBody,
    }),
  },
  '/v1/duty/rosters/drafts/{id}/publication': {
    post: op({
      id: 'publishRosterDraft',
      summary: 'Publish an APPROVED roster (a holiday roster ≥ 3 working days ahead); it then answers who is on duty',
      params: withIdParams,
    }),
  },
};
