import { documentV1 } from '@gov/contracts';
import { createSequences, startServiceRuntime, systemClock } from '@gov/platform';
import { defaultCalendar } from '@gov/platform/calendar';
import { readConfig } from './config';
import { createGetIncoming } from './app/get-incoming';
import { createRegisterIncoming } from './app/register-incoming';
import { documentGrpcHandlers } from './adapters/grpc/document.grpc';
import { createIncomingDocumentRepository } from './adapters/mongo/incoming-document.repository';

/** Composition root of the document service: config → runtime → adapters → use cases → servers. */
async function main(): Promise<void> {
  const config = readConfig();
  const rt = await startServiceRuntime(config);

  const documents = createIncomingDocumentRepository(rt.mongo, { handoff: rt.handoff });
  rt.startRelay([documents.model as never]);
  const sequences = createSequences(rt.mongo);

  const registerIncoming = createRegisterIncoming({
    documents,
    receiptNumbers: { next: (year) => sequences.next(`receipt-${year}`) },
    idempotency: rt.idempotency,
    clock: systemClock,
    calendar: defaultCalendar,
    policy: config.policy,
  });
  const getIncoming = createGetIncoming({ documents });

  rt.grpc.add(documentV1.DocumentServiceService, documentGrpcHandlers({ registerIncoming, getIncoming }));
  await rt.serve();
}

main().catch((err: unknown) => {
  // eslint-disable-next-line no-console -- the logger may not exist yet when start-up fails
  console.error(err);
  process.exit(1);
});
