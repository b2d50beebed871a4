import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs';
import type { Connection } from 'mongoose';
import {
  commonV1,
  documentEventsV1,
  documentV1,
  dutyDeskEventTypes,
  dutyDeskEventsV1,
  eventTypes,
  topics,
} from '@gov/contracts';
import {
  callMetadata,
  connectMongo,
  createAuthenticate,
  createClient,
  createEventConsumer,
  createEventPublisher,
  createGrpcServer,
  createIdempotencyStore,
  createInbox,
  createKafka,
  createMetrics,
  createOutboxRelay,
  createParking,
  createShutdown,
  encodeActor,
  ensureIndexes,
  fromKafkaHeaders,
  toKafkaHeaders,
  unaryCall,
  verifyAuditChain,
  type AuditEntry,
  type OutboxRelay,
} from '@gov/platform';
import type { Actor } from '@gov/platform/auth';
import { defaultCalendar } from '@gov/platform/calendar';
import { createTestTopics, testEnv, testLogger, waitFor } from '@gov/testkit';
import { defaultRegistrationPolicy } from '../src/domain/registration-policy';
import { wireDocument } from '../src/wiring';

// Spec document R-IN-5 and §5.11 I2 on the real store and broker: a handover is signed in from a real duty event
// (the kit's consumer and the wiring main.ts uses), listed and registered over DocumentService gRPC, and the
// relay publishes what the registration wrote to its outbox.
const env = testEnv('document-register-signed-in');
const logger = testLogger();
const clerk: Actor = {
  userId: 'gs1',
  name: '综合股',
  orgUnitId: 'gov-office/general-section',
  roles: ['CLERK'],
  clearance: 'INTERNAL',
};
interface Received {
  type: string;
  key: string;
  payload: Buffer;
}
const received: Received[] = [];
// Monday 10:00 Shanghai, before the desk's deadline of Monday noon; a test moves it on by hand
let now = new Date('2026-11-23T02:00:00.000Z');
let conn: Connection;
let relay: OutboxRelay;
let producer: Producer;
let reader: Consumer;
let client: documentV1.DocumentServiceClient;
const shutdown = createShutdown({ logger, timeoutMs: 10_000, exit: () => undefined });

beforeAll(async () => {
  await createTestTopics(env);
  conn = await connectMongo({ url: env.mongoUrl, dbName: env.dbName, nodeEnv: 'test', logger });
  const metrics = createMetrics('document_register_int');
  const kafka = createKafka({ brokers: env.kafkaBrokers, clientId: 'document-register-int', logger });
  const publisher = createEventPublisher({ kafka, source: '/gov/document', topicPrefix: env.topicPrefix });
  await publisher.connect();
  const document = wireDocument({
    mongo: conn,
    handoff: (m, h) => relay?.handoff(m, h),
    idempotency: createIdempotencyStore(conn),
    clock: { now: () => new Date(now) },
    calendar: defaultCalendar,
    policy: defaultRegistrationPolicy,
    generalSectionId: 'gov-office/general-section',
    dutyRoomId: 'gov-office/duty-room',
  });
  await ensureIndexes(conn);
  relay = createOutboxRelay({ models: document.models as never, publisher, logger, metrics, pollMs: 100 });
  relay.start();
  const grpc = createGrpcServer({ logger, metrics, authenticate: createAuthenticate({ allowUnsignedActor: true }) });
  grpc.add(documentV1.DocumentServiceService, document.grpcHandlers);
  const port = await grpc.start(0, '127.0.0.1');
  client = createClient(documentV1.DocumentServiceClient, `127.0.0.1:${port}`);
  const inbox = createInbox(conn);
  const parking = createParking(conn);
  for (const c of document.consumers) {
    const consumer = createEventConsumer({
      kafka,
      ...c,
      topicPrefix: env.topicPrefix,
      inbox,
      parking,
      logger,
      metrics,
    });
    await consumer.start();
    shutdown.add(`consumer ${c.groupId}`, () => consumer.stop());
  }
  const raw = new Kafka({ clientId: 'document-register-raw', brokers: env.kafkaBrokers, logLevel: logLevel.NOTHING });
  producer = raw.producer();
  await producer.connect();
  reader = raw.consumer({ groupId: `reader-${env.topicPrefix}`, maxWaitTimeInMs: 100 });
  await reader.connect();
  await reader.subscribe({ topic: env.topicPrefix + topics.document, fromBeginning: true });
  await reader.run({
    eachMessage: async ({ message }) => {
      const { headers } = fromKafkaHeaders(message.headers);
      received.push({ type: headers?.type ?? '', key: message.key?.toString() ?? '', payload: message.value! });
    },
  });
  shutdown.add('publisher', () => publisher.disconnect());
  shutdown.add('relay', () => relay.stop());
  shutdown.add('grpc', () => grpc.shutdown(100));
  shutdown.add('producer', () => producer.disconnect());
  shutdown.add('reader', () => reader.disconnect());
  shutdown.add('client', () => client.close());
  shutdown.add('mongo', async () => {
    await conn.dropDatabase();
    await conn.close();
  });
}, 90_000);
afterAll(() => shutdown.trigger('tests done'));

/** One RPC as `who`, as the gateway makes it (unsigned actor allowed in tests). */
function rpc<Req, Res>(method: keyof documentV1.DocumentServiceClient, req: Req, who: Actor = clerk): Promise<Res> {
  const fn = (client[method] as (...a: unknown[]) => unknown).bind(client);
  return unaryCall(fn as never, req, callMetadata({ actor: encodeActor(who) }), 5000) as Promise<Res>;
}
const list = (pageSize = 0, pageToken = '', who: Actor = clerk) =>
  rpc<documentV1.ListAwaitingRegistrationRequest, documentV1.ListAwaitingRegistrationResponse>(
    'listAwaitingRegistration',
    { page: { pageSize, pageToken } },
    who,
  );
const registerSignedIn = (req: Partial<documentV1.RegisterSignedInRequest>, who: Actor = clerk) =>
  rpc<documentV1.RegisterSignedInRequest, documentV1.RegisterSignedInResponse>(
    'registerSignedIn',
    documentV1.RegisterSignedInRequest.fromPartial({
      sender: { id: 'pref-gov-office', name: '' },
      senderDocNo: '州府办〔2026〕41号',
      classification: commonV1.Classification.CLASSIFICATION_INTERNAL,
      nature: documentV1.IncomingNature.INCOMING_NATURE_FOR_ACTION,
      fromSuperior: true,
      ...req,
    }),
    who,
  );

/** The duty desk's relay publishing an off-hours receipt: keyed by the desk record, CloudEvents headers. */
async function handOver(deskId: string, receivedAt: string) {
  const payload = dutyDeskEventsV1.OffHoursDocumentReceived.encode(
    dutyDeskEventsV1.OffHoursDocumentReceived.fromPartial({
      documentId: deskId,
      kind: 'FAX',
      sender: '州人民政府办公室',
      title: '关于做好冬季安全生产工作的通知',
      urgency: 'URGENT',
      receivedAt,
      registerBy: '2026-11-23T04:00:00.000Z',
    }),
  ).finish();
  await producer.send({
    topic: env.topicPrefix + topics.duty,
    messages: [
      {
        key: deskId,
        value: Buffer.from(payload),
        headers: toKafkaHeaders({
          id: `${deskId}:received_offhours`,
          type: dutyDeskEventTypes.offHoursDocumentReceived,
          source: '/gov/duty',
          time: receivedAt,
        }),
      },
    ],
  });
  const id = `in-duty-${deskId}`;
  await waitFor(async () => (await conn.collection('incoming_documents').findOne({ _id: id as never })) !== null, {
    what: `the handover ${deskId} signed in`,
  });
  return id;
}
const eventsOf = (key: string, type: string) => received.filter((e) => e.key === key && e.type === type);

describe('the 综合股 registers off-hours handovers (spec document R-IN-5, §5.11 I2)', () => {
  const sat = `desk-${randomUUID()}`;
  const sun = `desk-${randomUUID()}`;

  it('lists the signed-in handovers oldest first, page by page, with no receipt number yet (spec document R-IN-5)', async () => {
    // the Sunday receipt arrives first; the list still starts with Saturday's
    const sunId = await handOver(sun, '2026-11-22T01:50:00.000Z');
    const satId = await handOver(sat, '2026-11-21T03:00:00.000Z');
    const first = await list(1);
    expect(first.documents.map((d) => d.id)).toEqual([satId]);
    expect(first.documents[0]).toMatchObject({
      state: 'SIGNED_IN',
      receiptNo: '',
      channel: documentV1.Channel.CHANNEL_DUTY_HANDOVER,
      handedToUnit: { id: 'gov-office/general-section' },
      dutyHandover: { deskDocumentId: sat, kind: 'FAX' },
      registrationDueAt: '2026-11-23T04:00:00.000Z',
    });
    const second = await list(1, first.page!.nextPageToken);
    expect(second.documents.map((d) => d.id)).toEqual([sunId]);
    expect(second.page?.nextPageToken).toBe('');
  });

  it('registers a handover with the next 收文号 once however often the call is retried, and publishes it once (spec document §5.2, §19.1)', async () => {
    const id = `in-duty-${sun}`;
    const key = randomUUID();
    const { document: doc } = await registerSignedIn({ idempotencyKey: key, id });
    expect(doc).toMatchObject({
      id,
      state: 'REGISTERED',
      classification: commonV1.Classification.CLASSIFICATION_INTERNAL,
      nature: documentV1.IncomingNature.INCOMING_NATURE_FOR_ACTION,
      urgency: documentV1.Urgency.URGENCY_URGENT,
      sender: { id: 'pref-gov-office', name: '州人民政府办公室' },
      registrationDueAt: '2026-11-23T04:00:00.000Z',
      registeredLate: false, // Monday 10:00, inside the desk's deadline though a 急件's hour ran out on Sunday
      dutyHandover: { deskDocumentId: sun },
      registeredByUnit: { id: 'gov-office/general-section' },
    });
    expect(doc!.receiptNo).toMatch(/^SW-\d{4}-\d{5}$/);
    const again = await registerSignedIn({ idempotencyKey: key, id });
    expect(again.document).toEqual(doc);

    await waitFor(() => eventsOf(id, eventTypes.documentIncomingHandoverRegistered).length > 0, {
      what: 'HandoverRegistered on Kafka',
    });
    await waitFor(() => eventsOf(id, eventTypes.documentIncomingRegistered).length > 0, {
      what: 'IncomingRegistered on Kafka',
    });
    await new Promise((r) => setTimeout(r, 1000)); // room for a duplicate to show up
    const handover = eventsOf(id, eventTypes.documentIncomingHandoverRegistered);
    const routed = eventsOf(id, eventTypes.documentIncomingRegistered);
    expect(handover).toHaveLength(1);
    expect(routed).toHaveLength(1);
    expect(documentEventsV1.HandoverRegistered.decode(handover[0]!.payload)).toMatchObject({
      documentId: id,
      deskDocumentId: sun,
      receiptNo: doc!.receiptNo,
      registrationDueAt: '2026-11-23T04:00:00.000Z',
      registeredLate: false,
      registeredByUnit: { id: 'gov-office/general-section' },
    });
    expect(documentEventsV1.IncomingRegistered.decode(routed[0]!.payload)).toMatchObject({
      documentId: id,
      receiptNo: doc!.receiptNo,
      nature: documentV1.IncomingNature.INCOMING_NATURE_FOR_ACTION,
    });

    const stored = (await conn.collection('incoming_documents').findOne({ _id: id as never })) as unknown as {
      audit: AuditEntry[];
    };
    expect(stored.audit.map((a) => `${a.action}:${a.actor.role}`)).toEqual([
      'incoming.signed_in:DUTY_OFFICER',
      'incoming.registered:CLERK',
    ]);
    expect(verifyAuditChain(stored.audit).ok).toBe(true);
    expect((await list()).documents.map((d) => d.id)).toEqual([`in-duty-${sat}`]);
  });

  it('refuses to register it a second time with INCOMING_ALREADY_REGISTERED and publishes nothing more (spec document §5.11 I2)', async () => {
    const id = `in-duty-${sun}`;
    const before = (await rpc<documentV1.GetIncomingRequest, documentV1.GetIncomingResponse>('getIncoming', { id }))
      .document;
    const other = { ...clerk, userId: 'gs2' };
    await expect(
      registerSignedIn(
        { idempotencyKey: randomUUID(), id, nature: documentV1.IncomingNature.INCOMING_NATURE_FOR_READING },
        other,
      ),
    ).rejects.toMatchObject({ code: 'INCOMING_ALREADY_REGISTERED' });
    const after = (await rpc<documentV1.GetIncomingRequest, documentV1.GetIncomingResponse>('getIncoming', { id }))
      .document;
    expect(after).toEqual(before);
    await new Promise((r) => setTimeout(r, 500));
    expect(eventsOf(id, eventTypes.documentIncomingHandoverRegistered)).toHaveLength(1);
  });

  it("gives the next handover the next 收文号 of the same sequence, late once the desk's deadline passed (spec document R-REG-4)", async () => {
    now = new Date('2026-11-23T05:00:00.000Z'); // Monday 13:00
    const first = (
      await rpc<documentV1.GetIncomingRequest, documentV1.GetIncomingResponse>('getIncoming', {
        id: `in-duty-${sun}`,
      })
    ).document!;
    const { document: next } = await registerSignedIn({ idempotencyKey: randomUUID(), id: `in-duty-${sat}` });
    const seq = (no: string) => Number(no.split('-')[2]);
    expect(seq(next!.receiptNo)).toBe(seq(first.receiptNo) + 1);
    expect(next!.registeredLate).toBe(true);
  });

  it('keeps the list and registration to the roles that register, with stable codes (spec document §20)', async () => {
    const drafter = { ...clerk, roles: ['DRAFTER'] };
    await expect(list(0, '', drafter)).rejects.toMatchObject({ code: 'REGISTRATION_NOT_PERMITTED' });
    await expect(
      registerSignedIn({ idempotencyKey: randomUUID(), id: `in-duty-${sat}` }, drafter),
    ).rejects.toMatchObject({ code: 'REGISTRATION_NOT_PERMITTED' });
    await expect(list(0, 'bogus')).rejects.toMatchObject({ code: 'PAGE_TOKEN_INVALID' });
    await expect(
      registerSignedIn({ idempotencyKey: randomUUID(), id: 'in-duty-none', classification: 0 }),
    ).rejects.toMatchObject({ code: 'INCOMING_INVALID', violations: [{ field: 'classification' }] });
    await expect(registerSignedIn({ idempotencyKey: randomUUID(), id: 'in-duty-none' })).rejects.toMatchObject({
      code: 'INCOMING_NOT_FOUND',
    });
  });
});
