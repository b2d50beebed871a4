import { NotFoundError } from '@gov/platform/errors';
import type { SupervisionItems } from './ports';

export function createGetItem(deps: { items: SupervisionItems }) {
  return async function getItem(id: string) {
    const found = await deps.items.get(id);
    if (!found) throw new NotFoundError('supervision item', id, 'ITEM_NOT_FOUND');
    return found;
  };
}

const maxPage = 200;

/** Lists items by id order with a cursor; page size is clamped to protect the store. */
export function createListItems(deps: { items: SupervisionItems }) {
  return async function listItems(q: { sourceId?: string; pageSize: number; pageToken?: string }) {
    const pageSize = Math.min(Math.max(q.pageSize || 50, 1), maxPage);
    const items = await deps.items.list({
      sourceId: q.sourceId || undefined,
      pageSize: pageSize + 1,
      after: q.pageToken || undefined,
    });
    const page = items.slice(0, pageSize);
    return { items: page, nextPageToken: items.length > pageSize ? page[page.length - 1]!.id : '' };
  };
}
