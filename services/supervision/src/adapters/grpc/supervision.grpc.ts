import { supervisionV1 } from '@gov/contracts';
import type { Handlers } from '@gov/platform';
import type { createAcceptFeedback } from '../../app/accept-feedback';
import type { createCloseItem } from '../../app/close-item';
import type { createGetItem, createListItems } from '../../app/read-items';
import type { createReturnFeedback } from '../../app/return-feedback';
import type { createSubmitFeedback } from '../../app/submit-feedback';
import { toProtoAudit, toProtoItem } from './supervision.mapper';

export function supervisionGrpcHandlers(useCases: {
  getItem: ReturnType<typeof createGetItem>;
  listItems: ReturnType<typeof createListItems>;
  submitFeedback: ReturnType<typeof createSubmitFeedback>;
  acceptFeedback: ReturnType<typeof createAcceptFeedback>;
  returnFeedback: ReturnType<typeof createReturnFeedback>;
  closeItem: ReturnType<typeof createCloseItem>;
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
    async submitFeedback(req, ctx) {
      const { idempotencyKey, id, progress, result, problems, nextSteps, principalSignedBy } = req;
      const feedback = { progress, result, problems, nextSteps, principalSignedBy };
      return { item: toProtoItem(await useCases.submitFeedback({ idempotencyKey, id, feedback }, ctx.actor)) };
    },
    async acceptFeedback(req, ctx) {
      return { item: toProtoItem(await useCases.acceptFeedback(req, ctx.actor)) };
    },
    async returnFeedback(req, ctx) {
      return { item: toProtoItem(await useCases.returnFeedback(req, ctx.actor)) };
    },
    async closeItem(req, ctx) {
      return { item: toProtoItem(await useCases.closeItem(req, ctx.actor)) };
    },
  };
}
