import type { SupervisionPort } from '../clients';
import type { Route } from '../http/route';
import { parseInput } from '../http/validate';
import { auditRecordToJson, orNull, present } from './common.mapper';
import { idParams } from './common.schema';
import { supervisionItemToJson, toListItemsRequest } from './supervision.mapper';
import { listItemsQuery } from './supervision.schema';

/** 督查督办 — the supervision ledger, read-only at the edge so far. */
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
  ];
}
