import { eventTypes, supervisionEventsV1, topics } from '@gov/contracts';
import { outboxEntry, type OutboxEntry } from '@gov/platform';
import type { SupervisionEvent } from '../../app/ports';
import { toProtoSourceType, toProtoUrgency } from '../grpc/supervision.mapper';

/** Domain events → outbox entries on gov.supervision.events.v1, keyed by item id. */
export function toOutboxEntries(events: SupervisionEvent[]): OutboxEntry[] {
  return events.map(({ item }) =>
    outboxEntry({
      topic: topics.supervision,
      key: item.id,
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
    }),
  );
}
