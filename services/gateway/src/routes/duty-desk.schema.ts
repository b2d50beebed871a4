import { z } from 'zod';
import { parameterRef, withIdParams, zodOperation } from '../openapi/common';
import { instantJson, resourceId } from './common.schema';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).default('');

/** Body of POST /v1/duty/desk/documents — a document received at the desk (spec duty §7 DK-4, DK-5). */
export const logDocumentBody = z
  .strictObject({
    kind: z.enum(['DOCUMENT', 'LETTER', 'FAX', 'TELEGRAM']),
    addressedTo: z.enum(['GOVERNMENT', 'OFFICE', 'OTHER']).default('GOVERNMENT'),
    sender: text(200),
    title: text(300),
    urgency: z.enum(['NORMAL', 'URGENT', 'EXTRA_URGENT']).default('NORMAL'),
    receivedAt: instantJson.optional().meta({ description: 'when it arrived; now when absent' }),
    secrecyLevel: z
      .enum(['PUBLIC', 'INTERNAL', 'SECRET', 'CONFIDENTIAL', 'TOP_SECRET'])
      .optional()
      .meta({ description: '密级 marked on the document; absent when unmarked' }),
    senderOrgId: resourceId.optional().meta({ description: "the sender's org-directory id, when known" }),
  })
  .meta({
    description:
      '收文 at the duty desk: off-hours ones go to the 综合股 list; 急件/特急件 must reach a leader in time.',
  });

export const forwardBody = z.strictObject({ leaderId: resourceId });

/** Public lines and the accepted / redirected categories (spec duty §8.1, §8.2). */
export const callLine = z.enum(['MAYOR_PUBLIC_LINE', 'DIRECT_LINE', 'HEAD_HOTLINE', 'SPECIAL_LINE', 'POVERTY_HOTLINE']);
export const callCategory = z.enum([
  'CRITICISM',
  'DEVELOPMENT_SUGGESTION',
  'CONSULTATION',
  'LIVELIHOOD_PROBLEM',
  'ADMIN_VIOLATION_COMPLAINT',
  'ABOUT_PARTY_COMMITTEE',
  'ABOUT_PEOPLES_CONGRESS',
  'ABOUT_CPPCC',
  'ABOUT_MILITARY',
  'ABOUT_COURT',
  'ABOUT_PROCURATORATE',
  'LETTERS_AND_VISITS',
]);

/** Body of POST /v1/duty/desk/calls (spec duty §8.4 receive). */
export const receiveCallBody = z
  .strictObject({
    line: callLine,
    channel: z.enum(['PHONE', 'VISIT']).default('PHONE'),
    callerName: optionalText(100),
    callerPhone: optionalText(40),
    category: callCategory,
    content: text(4000),
  })
  .meta({ description: 'A call or visit on a public line; out-of-scope categories can only be redirected.' });

export const answerBody = z.strictObject({ answer: text(4000) });
export const redirectBody = z.strictObject({ note: optionalText(1000) });
export const slipBody = z.strictObject({ proposal: text(4000), leaderId: resourceId });
export const instructionBody = z.strictObject({ instruction: text(4000) });
export const replyBody = z.strictObject({ reply: text(4000) });
export const transferBody = z.strictObject({
  unitId: resourceId,
  important: z
    .boolean()
    .default(false)
    .meta({ description: '重要事项: supervision allows 10 days for feedback, not 5' }),
  multiDepartment: z.boolean().default(false).meta({ description: 'needs several departments: also 10 days' }),
});

/** Body of POST /v1/duty/desk/visitors (spec duty §12.1 SC-2, SC-3). */
export const visitorBody = z
  .strictObject({
    visitorKind: z.enum(['OUTSIDE_VISITOR', 'OTHER_UNIT_STAFF', 'COMPOUND_STAFF']).default('OUTSIDE_VISITOR'),
    name: text(100),
    hostUnitId: optionalText(128),
    business: optionalText(500),
    hostConfirmed: z.boolean(),
    idVerified: z.boolean().meta({ description: 'a valid ID document was shown and checked' }),
    screened: z.boolean().meta({ description: 'checked for controlled knives and dangerous articles' }),
  })
  .meta({ description: '来客登记: ADMITTED only with host consent, valid ID and screening; otherwise DENIED.' });

/** Body of POST /v1/duty/desk/post-leaves (spec duty §12.3 SC-10). */
export const postLeaveBody = z.strictObject({
  guardId: resourceId,
  post: text(100),
  approvedBy: z.string().trim().max(128).default(''),
  replacementId: z.string().trim().max(128).default(''),
  from: instantJson,
  to: instantJson,
  reason: optionalText(500),
});

/** Body of POST /v1/duty/desk/petition-visits (spec duty §12.5). */
export const petitionBody = z.strictObject({
  groupSize: z.int().min(1).max(100_000),
  matter: optionalText(1000),
  gate: optionalText(100),
});

/** Query of GET /v1/duty/desk/shift-plan (spec duty §13, §4.1). */
export const shiftPlanQuery = z.strictObject({
  from: z.iso.date(),
  days: z.coerce.number().int().min(1).max(62).default(1),
});

const op = (o: Omit<Parameters<typeof zodOperation>[0], 'tag'>) => zodOperation({ tag: 'duty', ...o });

const document = 'The desk document';
const call = 'The call with the actions allowed now';

/** The desk's operations in the gateway's OpenAPI document (add `...dutyDeskPaths` to openapi.ts paths). */
export const dutyDeskPaths = {
  '/v1/duty/desk/documents': {
    post: op({
      id: 'logDeskDocument',
      summary: 'Log a document, letter, fax or telegram received at the duty desk (off-hours → 综合股 list)',
      body: logDocumentBody,
      status: '201',
      result: document,
      problems: ['403', '409'],
    }),
  },
  '/v1/duty/desk/documents/{id}': {
    get: op({
      id: 'getDeskDocument',
      summary: 'Read one desk document',
      params: [parameterRef('Id'), parameterRef('RequestId')],
      result: document,
      problems: ['403', '404'],
    }),
  },
  '/v1/duty/desk/documents/{id}/register': {
    post: op({
      id: 'registerDeskDocument',
      summary: 'The 综合股 registers an off-hours document',
      params: withIdParams,
      result: document,
    }),
  },
  '/v1/duty/desk/documents/{id}/forward': {
    post: op({
      id: 'forwardUrgentDocument',
      summary: 'Record that an urgent document went to a leader',
      params: withIdParams,
      body: forwardBody,
      result: document,
    }),
  },
  '/v1/duty/desk/registration-queue': {
    get: op({
      id: 'listRegistrationQueue',
      summary: 'The 综合股 registration list: off-hours documents not registered yet',
      params: [parameterRef('RequestId')],
      result: 'The documents, oldest first',
      problems: ['403'],
    }),
  },
  '/v1/duty/desk/calls': {
    post: op({
      id: 'receiveCall',
      summary: 'Take in a call or visit on a public line',
      body: receiveCallBody,
      status: '201',
      result: call,
      problems: ['403'],
    }),
  },
  '/v1/duty/desk/calls/{id}': {
    get: op({
      id: 'getCall',
      summary: 'Read one call',
      params: [parameterRef('Id'), parameterRef('RequestId')],
      result: call,
      problems: ['403', '404'],
    }),
  },
  '/v1/duty/desk/calls/{id}/answer': {
    post: op({
      id: 'answerCall',
      summary: 'Answer within the officer’s authority',
      params: withIdParams,
      body: answerBody,
      result: call,
    }),
  },
  '/v1/duty/desk/calls/{id}/redirect': {
    post: op({
      id: 'redirectCall',
      summary: 'Send the caller to the competent organ or the petition department',
      params: withIdParams,
      body: redirectBody,
      result: call,
    }),
  },
  '/v1/duty/desk/calls/{id}/slip': {
    post: op({
      id: 'draftHandlingSlip',
      summary: 'Fill in a 来电/来访处理笺 for a leader',
      params: withIdParams,
      body: slipBody,
      result: call,
    }),
  },
  '/v1/duty/desk/calls/{id}/instruction': {
    post: op({
      id: 'recordSlipInstruction',
      summary: 'Record the leader’s instruction on the slip',
      params: withIdParams,
      body: instructionBody,
      result: call,
    }),
  },
  '/v1/duty/desk/calls/{id}/reply': {
    post: op({
      id: 'replyCall',
      summary: 'Reply to the caller after the instruction',
      params: withIdParams,
      body: replyBody,
      result: call,
    }),
  },
  '/v1/duty/desk/calls/{id}/transfer': {
    post: op({
      id: 'transferCall',
      summary: 'Transfer the matter to a unit after the instruction',
      params: withIdParams,
      body: transferBody,
      result: call,
    }),
  },
  '/v1/duty/desk/visitors': {
    post: op({
      id: 'recordVisitor',
      summary: 'Record a visitor at the gate with the admission checks (ADMITTED or DENIED)',
      body: visitorBody,
      status: '201',
      result: 'The visitor entry',
      problems: ['403'],
    }),
  },
  '/v1/duty/desk/visitors/{id}/exit': {
    post: op({
      id: 'recordVisitorExit',
      summary: 'An admitted visitor left',
      params: withIdParams,
      result: 'The visitor entry',
    }),
  },
  '/v1/duty/desk/post-leaves': {
    post: op({
      id: 'requestPostLeave',
      summary: 'A guard leaves the post: needs leader approval and a named replacement',
      body: postLeaveBody,
      status: '201',
      result: 'The approved absence',
      problems: ['403', '409'],
    }),
  },
  '/v1/duty/desk/petition-visits': {
    post: op({
      id: 'recordPetitionVisit',
      summary: 'Record petitioners at the gate; notifies the reception room (and more for large groups)',
      body: petitionBody,
      status: '201',
      result: 'The visit with the notifications made',
      problems: ['403'],
    }),
  },
  '/v1/duty/desk/shift-plan': {
    get: op({
      id: 'planDutyShifts',
      summary: 'Driver on-call shifts beside the office duty shifts for a run of days',
      params: [
        { name: 'from', in: 'query', required: true, schema: { type: 'string', format: 'date' } },
        { name: 'days', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 62, default: 1 } },
        parameterRef('RequestId'),
      ],
      result: 'driverShifts and officeShifts',
      problems: [],
    }),
  },
};
