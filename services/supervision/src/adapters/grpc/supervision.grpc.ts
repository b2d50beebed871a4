import { supervisionV1 } from '@gov/contracts';
import type { Handlers } from '@gov/platform';
import type { createGetItem, createListItems } from '../../app/read-items';
import { toProtoAudit, toProtoItem } from './supervision.mapper';

export function supervisionGrpcHandlers(useCases: {
  getItem: ReturnType<typeof createGetItem>;
  listItems: ReturnType<typeof createListItems>;
}): Handlers<typeof supervisionV1.SupervisionServiceService> {
  return {
    async getItem(req) {
      const { item, audit } = await useCases.getItem(req.id);
      return { item: toProtoItem(item), audit: audit.map(toProtoAudit) };
    },
    async listItems(req) {
      const res = await useCases.listItems({
        sourceId: req.sourceId,
        pageSize: req.page?.pageSize ?? 0,
        pageToken: req.page?.pageToken,
      });
      return { items: res.items.map(toProtoItem), page: { nextPageToken: res.nextPageToken } };
    },
  };
}
