import { supervisionV1, topics } from '@gov/contracts';
import { createSequences, startServiceRuntime } from '@gov/platform';
import { defaultCalendar } from '@gov/platform/calendar';
import { readConfig } from './config';
import { createOpenItemFromDocument } from './app/open-item-from-document';
import { createGetItem, createListItems } from './app/read-items';
import { supervisionGrpcHandlers } from './adapters/grpc/supervision.grpc';
import { documentEventHandlers } from './adapters/kafka/document-events.consumer';
import { createSupervisionItemRepository } from './adapters/mongo/supervision-item.repository';

/** Composition root of the supervision service. */
async function main(): Promise<void> {
  const config = readConfig();
  const rt = await startServiceRuntime(config);

  const items = createSupervisionItemRepository(rt.mongo, { handoff: rt.handoff });
  rt.startRelay([items.model as never]);
  const sequences = createSequences(rt.mongo);

  const openItemFromDocument = createOpenItemFromDocument({
    items,
    ledgerNumbers: { next: (year) => sequences.next(`ledger-${year}`) },
    calendar: defaultCalendar,
    policy: config.policy,
  });
  rt.grpc.add(
    supervisionV1.SupervisionServiceService,
    supervisionGrpcHandlers({ getItem: createGetItem({ items }), listItems: createListItems({ items }) }),
  );
  await rt.serve();
  await rt.startConsumer('supervision.document-events', [topics.document], documentEventHandlers(openItemFromDocument));
}

main().catch((err: unknown) => {
  // eslint-disable-next-line no-console -- the logger may not exist yet when start-up fails
  console.error(err);
  process.exit(1);
});
