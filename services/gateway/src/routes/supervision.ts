import type { SupervisionPort } from '../clients';
import type { Route } from '../http/route';
import { parseInput } from '../http/validate';
import { auditRecordToJson, orNull, present } from './common.mapper';
import { idParams } from './common.schema';
import {
  supervisionItemToJson,
  toCloseItemRequest,
  toListItemsRequest,
  toSubmitFeedbackRequest,
} from './supervision.mapper';
import {
  acceptFeedbackBody,
  closeItemBody,
  listItemsQuery,
  returnFeedbackBody,
  submitFeedbackBody,
} from './supervision.schema';

/** 督查督办 — the supervision ledger and the feedback lifecycle of its items. */
export function supervisionRoutes(supervision: SupervisionPort): Route[] {
  return [
    {
      method: 'get',
      path: '/v1/supervision/items',
      async handle({ query }, { call }) {
        const input = parseInput(listItemsQuery, query);
        const res = await supervision.listItems(toListItemsRequest(input), call);
        return {
          status: 200,
          body: { items: res.items.map(supervisionItemToJson), nextPageToken: orNull(res.page?.nextPageToken ?? '') },
        };
      },
    },
    {
      method: 'get',
      path: '/v1/supervision/items/:id',
      async handle({ params }, { call }) {
        const { id } = parseInput(idParams, params);
        const res = await supervision.getItem({ id }, call);
        return {
          status: 200,
          body: { item: supervisionItemToJson(present(res.item, 'item')), audit: res.audit.map(auditRecordToJson) },
        };
      },
    },
    {
      method: 'post',
      path: '/v1/supervision/items/:id/feedback',
      async handle({ params, body }, { call, idempotencyKey }) {
        const { id } = parseInput(idParams, params);
        const input = parseInput(submitFeedbackBody, body);
        const res = await supervision.submitFeedback(toSubmitFeedbackRequest(id, input, idempotencyKey), call);
        return { status: 200, body: supervisionItemToJson(present(res.item, 'item')) };
      },
    },
    {
      method: 'post',
      path: '/v1/supervision/items/:id/acceptance',
      async handle({ params, body }, { call, idempotencyKey }) {
        const { id } = parseInput(idParams, params);
        const { comment } = parseInput(acceptFeedbackBody, body);
        const res = await supervision.acceptFeedback({ idempotencyKey, id, comment }, call);
        return { status: 200, body: supervisionItemToJson(present(res.item, 'item')) };
      },
    },
    {
      method: 'post',
      path: '/v1/supervision/items/:id/return',
      async handle({ params, body }, { call, idempotencyKey }) {
        const { id } = parseInput(idParams, params);
        const { reason } = parseInput(returnFeedbackBody, body);
        const res = await supervision.returnFeedback({ idempotencyKey, id, reason }, call);
        return { status: 200, body: supervisionItemToJson(present(res.item, 'item')) };
      },
    },
    {
      method: 'post',
      path: '/v1/supervision/items/:id/closure',
      async handle({ params, body }, { call, idempotencyKey }) {
        const { id } = parseInput(idParams, params);
        const input = parseInput(closeItemBody, body);
        const res = await supervision.closeItem(toCloseItemRequest(id, input, idempotencyKey), call);
        return { status: 200, body: supervisionItemToJson(present(res.item, 'item')) };
      },
    },
  ];
}
