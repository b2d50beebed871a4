import { z } from 'zod';
import {
  acceptFeedbackBody,
  closeItemBody,
  returnFeedbackBody,
  submitFeedbackBody,
} from '../routes/supervision.schema';
import { jsonBody, parameterRef, problems, requestIdHeader } from './common';

/** Request bodies rendered from the zod schemas the routes validate with, so the two cannot drift. */
const body = (schema: z.ZodType) => ({
  required: true,
  content: { 'application/json': { schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) } },
});

/** One lifecycle command on an item: idempotent, answered with the item as it now stands. */
const command = (operationId: string, summary: string, schema: z.ZodType, codes: string) => ({
  post: {
    operationId,
    tags: ['supervision'],
    summary,
    description: `Error codes: ${codes}.`,
    parameters: [parameterRef('Id'), parameterRef('IdempotencyKey'), parameterRef('RequestId')],
    requestBody: body(schema),
    responses: {
      '200': {
        description: 'The item after the command (or, on a retry with the same key, after the first call)',
        headers: requestIdHeader,
        content: jsonBody('SupervisionItem'),
      },
      ...problems('403', '404', '409'),
    },
  },
});

export const supervisionPaths = {
  '/v1/supervision/items': {
    get: {
      operationId: 'listSupervisionItems',
      tags: ['supervision'],
      summary: 'List supervision (督办) items, optionally those opened from one source',
      parameters: [
        {
          name: 'sourceId',
          in: 'query',
          description: 'e.g. a document id',
          schema: { type: 'string', maxLength: 128 },
        },
        { name: 'pageSize', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } },
        {
          name: 'pageToken',
          in: 'query',
          description: 'nextPageToken of the previous page',
          schema: { type: 'string' },
        },
        parameterRef('RequestId'),
      ],
      responses: {
        '200': { description: 'One page of items', headers: requestIdHeader, content: jsonBody('SupervisionItemPage') },
        ...problems('403'),
      },
    },
  },
  '/v1/supervision/items/{id}': {
    get: {
      operationId: 'getSupervisionItem',
      tags: ['supervision'],
      summary: 'Read one supervision item with its audit trail',
      parameters: [parameterRef('Id'), parameterRef('RequestId')],
      responses: {
        '200': { description: 'The item', headers: requestIdHeader, content: jsonBody('SupervisionItemWithAudit') },
        ...problems('403', '404'),
      },
    },
  },
  '/v1/supervision/items/{id}/feedback': command(
    'submitSupervisionFeedback',
    '书面反馈 — the lead unit submits its FINAL report (progress, result, problems; principal sign-off)',
    submitFeedbackBody,
    'FEEDBACK_INCOMPLETE, PRINCIPAL_SIGN_OFF_REQUIRED, FEEDBACK_NOT_PERMITTED, LEAD_UNIT_NOT_ASSIGNED, ITEM_STATE_INVALID',
  ),
  '/v1/supervision/items/{id}/acceptance': command(
    'acceptSupervisionFeedback',
    'The supervising office accepts the report; the item is COMPLETED and its source is told',
    acceptFeedbackBody,
    'REVIEW_NOT_PERMITTED, ITEM_STATE_INVALID',
  ),
  '/v1/supervision/items/{id}/return': command(
    'returnSupervisionFeedback',
    'The supervising office returns the report with a reason; the item is IN_PROGRESS again',
    returnFeedbackBody,
    'RETURN_REASON_REQUIRED, REVIEW_NOT_PERMITTED, ITEM_STATE_INVALID',
  ),
  '/v1/supervision/items/{id}/closure': command(
    'closeSupervisionItem',
    'Close a COMPLETED item once its result reached the leader (outcome from its deadlines), or cancel an open one',
    closeItemBody,
    'LEADER_REPORT_REQUIRED, CLOSURE_AMBIGUOUS, CANCELLATION_REASON_REQUIRED, CANCEL_NOT_PERMITTED, REVIEW_NOT_PERMITTED, ITEM_STATE_INVALID',
  ),
};
