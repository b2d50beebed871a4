import { supervisionV1 } from '@gov/contracts';
import { startServiceRuntime } from '@gov/platform';
import { defaultCalendar } from '@gov/platform/calendar';
import { readConfig } from './config';
import { wireSupervision } from './wiring';

/** Composition root of the supervision service. */
async function main(): Promise<void> {
  const config = readConfig();
  const rt = await startServiceRuntime(config);

  const supervision = wireSupervision({
    mongo: rt.mongo,
    handoff: rt.handoff,
    policy: config.policy,
    calendar: defaultCalendar,
    supervisionOfficeId: config.SUPERVISION_OFFICE_UNIT_ID,
  });
  rt.startRelay(supervision.models as never);
  rt.grpc.add(supervisionV1.SupervisionServiceService, supervision.grpcHandlers);
  await rt.serve();
  for (const c of supervision.consumers) await rt.startConsumer(c.groupId, c.topics, c.handlers);
}

main().catch((err: unknown) => {
  // eslint-disable-next-line no-console -- the logger may not exist yet when start-up fails
  console.error(err);
  process.exit(1);
});
