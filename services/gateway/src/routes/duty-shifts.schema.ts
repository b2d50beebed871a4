import { z } from 'zod';
import { parameterRef, withIdParams, zodOperation } from '../openapi/common';
import { instantJson, resourceId } from './common.schema';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).default('');

/** Body of POST /v1/duty/handovers — the handover of one shift change (spec duty §5). */
export const openHandoverBody = z
  .strictObject({
    fromShiftId: resourceId,
    toShiftId: resourceId,
    outgoingOfficerId: resourceId,
    incomingOfficerId: resourceId,
    shiftStart: instantJson.meta({ description: 'start of the incoming shift' }),
  })
  .meta({ description: '交接班: the incoming officer is due 10 minutes before shiftStart (HO-1).' });

const pendingItem = z.strictObject({
  kind: z.enum(['INCIDENT', 'OBLIGATION', 'CALL_SLIP', 'OFFHOURS_DOCUMENT', 'INSTRUCTION', 'OTHER']),
  refId: resourceId,
  note: optionalText(1000),
});

/** Body of POST /v1/duty/handovers/{id}/items (spec duty §5 HO-3). */
export const presentItemsBody = z
  .strictObject({
    items: z.array(pendingItem).max(200).default([]),
    resolvedRefIds: z.array(resourceId).max(200).default([]),
    notes: optionalText(4000),
  })
  .meta({ description: 'Open matters handed over; carried ones stay unless resolved.' });

/** Body of POST /v1/duty/handovers/{id}/log-confirmations (spec duty §5 HO-3). */
export const confirmLogBody = z.strictObject({ logSeqs: z.array(z.int().min(1)).min(1).max(1000) });

const swapSide = z.strictObject({
  personId: resourceId,
  shiftType: z.enum(['OFFICE_DAY', 'OFFICE_NIGHT', 'OFFICE_LEADER_24H', 'GOV_LEADER_24H']),
  startsAt: instantJson,
});

/** Body of POST /v1/duty/shift-swaps (spec duty §4.3 amend). */
export const swapBody = z
  .strictObject({ rosterId: resourceId, first: swapSide, second: swapSide, reason: text(1000) })
  .meta({ description: '换班: exchange two people’s shifts on a published roster, after approval.' });

/** Body of POST /v1/duty/shift-swaps/{id}/decision (spec duty §4.3). */
export const swapDecisionBody = z.strictObject({ approve: z.boolean(), note: optionalText(1000) });

/** Body of POST /v1/duty/violations (spec duty §11.1). */
export const violationBody = z
  .strictObject({
    personId: resourceId,
    type: z.enum([
      'DESERTION',
      'LATE_REPORT',
      'OMITTED_REPORT',
      'ERRONEOUS_REPORT',
      'FALSE_REPORT',
      'CONCEALED_REPORT',
      'SHELVED_MATTER',
      'REVERSE_FLOW',
      'LATE_CHECKIN',
      'SPOT_CHECK_FAILED',
    ]),
    incidentId: z.string().trim().max(128).default(''),
    evidence: optionalText(4000),
    circularLevel: z.enum(['PROVINCE', 'PREFECTURE', 'CITY']).optional(),
    causedByLeavingPost: z.boolean().default(false),
    occurredAt: instantJson.optional().meta({ description: 'now when absent' }),
  })
  .meta({ description: 'A violation candidate; the office director confirms or dismisses it.' });

/** Body of POST /v1/duty/violations/{id}/confirm and /dismiss. */
export const decisionNoteBody = z.strictObject({ note: optionalText(1000) });

const readOne = [parameterRef('Id'), parameterRef('RequestId')];
const op = (o: Omit<Parameters<typeof zodOperation>[0], 'tag'>) => zodOperation({ tag: 'duty', ...o });

const handover = 'The handover';
const swap = 'The swap request';
const violation = 'The violation';

/** Shift operations in the gateway's OpenAPI document (add `...dutyShiftsPaths` to openapi.ts paths). */
export const dutyShiftsPaths = {
  '/v1/duty/handovers': {
    post: op({
      id: 'openHandover',
      summary: 'Open the handover of a shift change (items the previous handover left open are carried)',
      body: openHandoverBody,
      status: '201',
      result: handover,
      problems: ['403', '409'],
    }),
  },
  '/v1/duty/handovers/{id}': {
    get: op({
      id: 'getHandover',
      summary: 'Read one handover',
      params: readOne,
      result: handover,
      problems: ['403', '404'],
    }),
  },
  '/v1/duty/handovers/{id}/check-in': {
    post: op({
      id: 'checkInHandover',
      summary: 'The incoming officer checks in (on time = 10 min early)',
      params: withIdParams,
      result: handover,
    }),
  },
  '/v1/duty/handovers/{id}/items': {
    post: op({
      id: 'presentHandoverItems',
      summary: 'The outgoing officer presents the open matters; the log since the last handover is listed',
      params: withIdParams,
      body: presentItemsBody,
      result: handover,
    }),
  },
  '/v1/duty/handovers/{id}/log-confirmations': {
    post: op({
      id: 'confirmHandoverLog',
      summary: 'The incoming officer confirms having read log entries',
      params: withIdParams,
      body: confirmLogBody,
      result: handover,
    }),
  },
  '/v1/duty/handovers/{id}/outgoing-signature': {
    post: op({
      id: 'signHandoverOutgoing',
      summary: 'The outgoing officer signs',
      params: withIdParams,
      result: handover,
    }),
  },
  '/v1/duty/handovers/{id}/incoming-signature': {
    post: op({
      id: 'signHandoverIncoming',
      summary: 'The incoming officer signs after confirming the log; the handover completes',
      params: withIdParams,
      result: handover,
    }),
  },
  '/v1/duty/handovers/{id}/end-shift': {
    post: op({
      id: 'endShift',
      summary: 'The outgoing officer ends the shift; refused (HANDOVER_NOT_COMPLETED) before completion',
      params: withIdParams,
      result: handover,
    }),
  },
  '/v1/duty/shift-swaps': {
    post: op({
      id: 'requestShiftSwap',
      summary: 'Ask to swap two people’s shifts on a published roster',
      body: swapBody,
      status: '201',
      result: swap,
    }),
  },
  '/v1/duty/shift-swaps/{id}': {
    get: op({
      id: 'getShiftSwap',
      summary: 'Read one swap request',
      params: readOne,
      result: swap,
      problems: ['403', '404'],
    }),
  },
  '/v1/duty/shift-swaps/{id}/agreement': {
    post: op({
      id: 'agreeShiftSwap',
      summary: 'The other person agrees to the swap (approval needs both)',
      params: withIdParams,
      result: swap,
    }),
  },
  '/v1/duty/shift-swaps/{id}/decision': {
    post: op({
      id: 'decideShiftSwap',
      summary: 'Approve (both agreed; amends the roster if coverage holds) or reject a swap',
      params: withIdParams,
      body: swapDecisionBody,
      result: swap,
    }),
  },
  '/v1/duty/violations': {
    post: op({
      id: 'recordViolation',
      summary: 'Record a duty-violation candidate',
      body: violationBody,
      status: '201',
      result: violation,
      problems: ['403', '409'],
    }),
  },
  '/v1/duty/violations/{id}': {
    get: op({
      id: 'getViolation',
      summary: 'Read one violation',
      params: readOne,
      result: violation,
      problems: ['403', '404'],
    }),
  },
  '/v1/duty/violations/{id}/confirm': {
    post: op({
      id: 'confirmViolation',
      summary: 'The office director confirms; the penalty counts the person’s circulars this year',
      params: withIdParams,
      body: decisionNoteBody,
      result: violation,
    }),
  },
  '/v1/duty/violations/{id}/dismiss': {
    post: op({
      id: 'dismissViolation',
      summary: 'The office director dismisses a candidate (a reason is required)',
      params: withIdParams,
      body: decisionNoteBody,
      result: violation,
    }),
  },
};
