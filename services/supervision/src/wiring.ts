import type { Connection } from 'mongoose';
import { topics } from '@gov/contracts';
import {
  createIdempotencyStore,
  createSequences,
  systemClock,
  type EventHandler,
  type OutboxHandoff,
} from '@gov/platform';
import { createAcceptFeedback } from './app/accept-feedback';
import { createCloseItem } from './app/close-item';
import { createItemCommand } from './app/item-command';
import type { Clock } from './app/ports';
import { createReturnFeedback } from './app/return-feedback';
import { createSubmitFeedback } from './app/submit-feedback';
import { createOpenFollowUpFromDuty } from './app/open-follow-up-from-duty';
import { createOpenItemFromDocument } from './app/open-item-from-document';
import { createOpenItemFromTransferredCall } from './app/open-item-from-transferred-call';
import { createGetItem, createListItems } from './app/read-items';
import { createRegisterItem } from './app/register-item';
import { supervisionGrpcHandlers } from './adapters/grpc/supervision.grpc';
import { documentEventHandlers } from './adapters/kafka/document-events.consumer';
import { dutyEventHandlers } from './adapters/kafka/duty-events.consumer';
import { createSupervisionItemRepository } from './adapters/mongo/supervision-item.repository';
import type { DeadlinePolicy } from './domain/deadline-policy';
import type { WorkingDays } from './domain/open-item.rule';

/** A consumer group main.ts starts with the kit (inbox de-duplication, parking). */
export interface ConsumerSpec {
  groupId: string;
  topics: string[];
  handlers: Record<string, EventHandler>;
}

/**
 * Repositories, use cases, gRPC handlers and consumer groups of supervision, wired by hand. main.ts and the
 * integration tests both build the service through this, so the tests run the wiring that ships.
 */
export function wireSupervision(deps: {
  mongo: Connection;
  handoff: OutboxHandoff;
  policy: DeadlinePolicy;
  calendar: WorkingDays;
  supervisionOfficeId: string;
  clock?: Clock;
}) {
  const items = createSupervisionItemRepository(deps.mongo, { handoff: deps.handoff });
  const sequences = createSequences(deps.mongo);
  const registerItem = createRegisterItem({
    items,
    ledgerNumbers: { next: (year) => sequences.next(`ledger-${year}`) },
    calendar: deps.calendar,
    policy: deps.policy,
  });
  const office = { registerItem, supervisionOfficeId: deps.supervisionOfficeId };
  const openItemFromDocument = createOpenItemFromDocument(office);
  const openFollowUpFromDuty = createOpenFollowUpFromDuty(office);
  const openItemFromTransferredCall = createOpenItemFromTransferredCall({ ...office, policy: deps.policy });
  const idempotency = createIdempotencyStore(deps.mongo);
  const run = createItemCommand({ items, idempotency, clock: deps.clock ?? systemClock });
  const consumers: ConsumerSpec[] = [
    // one group per source topic, so a stuck duty partition never holds up document events, or the reverse
    {
      groupId: 'supervision.document-events',
      topics: [topics.document],
      handlers: documentEventHandlers(openItemFromDocument),
    },
    {
      groupId: 'supervision.duty-events',
      topics: [topics.duty],
      handlers: dutyEventHandlers({ openFollowUpFromDuty, openItemFromTransferredCall }),
    },
  ];
  return {
    items,
    models: [items.model],
    grpcHandlers: supervisionGrpcHandlers({
      getItem: createGetItem({ items }),
      listItems: createListItems({ items }),
      submitFeedback: createSubmitFeedback({ run }),
      acceptFeedback: createAcceptFeedback({ run }),
      returnFeedback: createReturnFeedback({ run }),
      closeItem: createCloseItem({ run }),
    }),
    consumers,
  };
}
