import { eventTypes, supervisionEventsV1, topics } from '@gov/contracts';
import { outboxEntry, type OutboxEntry } from '@gov/platform';
import type { SupervisionEvent } from '../../app/ports';
import type { SupervisionItem } from '../../domain/supervision-item';
import { toProtoSourceType, toProtoUrgency } from '../grpc/supervision.mapper';

/** The source reference duty and document match on: the system that raised the item and its own id there. */
const finished = (item: SupervisionItem, at: Date) => ({
  itemId: item.id,
  ledgerNo: item.ledgerNo,
  sourceType: toProtoSourceType(item.sourceType),
  sourceSystem: item.sourceSystem,
  sourceId: item.sourceId,
  outcome: item.outcome ?? '',
  at: at.toISOString(),
});

function encode({ type, item }: SupervisionEvent): { type: string; time: Date; payload: Uint8Array } {
  switch (type) {
    case 'ItemOpened':
      return {
        type: eventTypes.supervisionItemOpened,
        time: item.openedAt,
        payload: supervisionEventsV1.ItemOpened.encode({
          itemId: item.id,
          ledgerNo: item.ledgerNo,
          sourceType: toProtoSourceType(item.sourceType),
          sourceId: item.sourceId,
          dueAt: item.dueAt.toISOString(),
          urgency: toProtoUrgency(item.urgency),
        }).finish(),
      };
    case 'ItemCompleted':
      return {
        type: eventTypes.supervisionItemCompleted,
        time: item.completedAt!,
        payload: supervisionEventsV1.ItemCompleted.encode(finished(item, item.completedAt!)).finish(),
      };
    case 'ItemClosed':
      return {
        type: eventTypes.supervisionItemClosed,
        time: item.closedAt!,
        payload: supervisionEventsV1.ItemClosed.encode(finished(item, item.closedAt!)).finish(),
      };
  }
}

/** Domain events → outbox entries on gov.supervision.events.v1, keyed by item id (read by duty and document). */
export function toOutboxEntries(events: SupervisionEvent[]): OutboxEntry[] {
  return events.map((e) => outboxEntry({ topic: topics.supervision, key: e.item.id, ...encode(e) }));
}
