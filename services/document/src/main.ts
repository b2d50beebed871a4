import { documentV1 } from '@gov/contracts';
import { startServiceRuntime, systemClock } from '@gov/platform';
import { defaultCalendar } from '@gov/platform/calendar';
import { readConfig } from './config';
import { wireDocument } from './wiring';

/** Composition root of the document service: config → runtime → adapters → use cases → servers. */
async function main(): Promise<void> {
  const config = readConfig();
  const rt = await startServiceRuntime(config);

  const document = wireDocument({
    mongo: rt.mongo,
    handoff: rt.handoff,
    idempotency: rt.idempotency,
    clock: systemClock,
    calendar: defaultCalendar,
    policy: config.policy,
    generalSectionId: config.GENERAL_SECTION_UNIT_ID,
    dutyRoomId: config.DUTY_ROOM_UNIT_ID,
  });
  rt.startRelay(document.models as never);
  rt.grpc.add(documentV1.DocumentServiceService, document.grpcHandlers);
  await rt.serve();
  for (const c of document.consumers) await rt.startConsumer(c.groupId, c.topics, c.handlers);
}

main().catch((err: unknown) => {
  // eslint-disable-next-line no-console -- the logger may not exist yet when start-up fails
  console.error(err);
  process.exit(1);
});
