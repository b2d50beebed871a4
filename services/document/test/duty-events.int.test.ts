import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import type { Connection } from 'mongoose';
import { documentV1, dutyDeskEventTypes, dutyDeskEventsV1, topics } from '@gov/contracts';
import {
  connectMongo,
  createEventConsumer,
  createIdempotencyStore,
  createInbox,
  createKafka,
  createMetrics,
  createParking,
  ensureIndexes,
  toKafkaHeaders,
  verifyAuditChain,
  type AuditEntry,
  type EventConsumer,
} from '@gov/platform';
import type { Actor } from '@gov/platform/auth';
import { defaultCalendar } from '@gov/platform/calendar';
import { createTestTopics, testEnv, testLogger, waitFor } from '@gov/testkit';
import { defaultRegistrationPolicy } from '../src/domain/registration-policy';
import { wireDocument } from '../src/wiring';

// Spec document R-IN-5 / §19.2 on the real broker and store: off-hours receipts encoded with the duty contract
// go through the kit's consumer (inbox, parking) and the wiring main.ts uses.
const env = testEnv('document-duty-events');
const logger = testLogger();
let conn: Connection;
let producer: Producer;
let document: ReturnType<typeof wireDocument>;
const consumers: EventConsumer[] = [];
const clerk: Actor = {
  userId: 'gs1',
  name: '综合股',
  orgUnitId: 'gov-office/general-section',
  roles: ['CLERK'],
  clearance: 'INTERNAL',
};

beforeAll(async () => {
  await createTestTopics(env);
  conn = await connectMongo({ url: env.mongoUrl, dbName: env.dbName, nodeEnv: 'test', logger });
  const metrics = createMetrics('document_int');
  const kafka = createKafka({ brokers: env.kafkaBrokers, clientId: 'document-int', logger });
  document = wireDocument({
    mongo: conn,
    handoff: () => undefined,
    idempotency: createIdempotencyStore(conn),
    clock: { now: () => new Date() },
    calendar: defaultCalendar,
    policy: defaultRegistrationPolicy,
    generalSectionId: 'gov-office/general-section',
    dutyRoomId: 'gov-office/duty-room',
  });
  const inbox = createInbox(conn);
  const parking = createParking(conn);
  await ensureIndexes(conn);
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
    consumers.push(consumer);
    await consumer.start();
  }
  producer = new Kafka({
    clientId: 'document-int-raw',
    brokers: env.kafkaBrokers,
    logLevel: logLevel.NOTHING,
  }).producer();
  await producer.connect();
}, 90_000);

afterAll(async () => {
  for (const c of consumers) await c.stop();
  await producer?.disconnect();
  await conn?.dropDatabase();
  await conn?.close();
});

const receivedAt = '2026-11-22T01:50:00.000Z'; // Sunday 09:50 Shanghai
const offHours = (documentId: string, o: Partial<dutyDeskEventsV1.OffHoursDocumentReceived> = {}) =>
  dutyDeskEventsV1.OffHoursDocumentReceived.encode(
    dutyDeskEventsV1.OffHoursDocumentReceived.fromPartial({
      documentId,
      kind: 'FAX',
      sender: '州人民政府办公室',
      title: '关于做好冬季安全生产工作的通知',
      urgency: 'EXTRA_URGENT',
      receivedAt,
      registerBy: '2026-11-23T04:00:00.000Z',
      ...o,
    }),
  ).finish();
/** Sends one event as the duty service's relay would: keyed by the desk record, CloudEvents headers. */
const send = (key: string, payload: Uint8Array, id: string) =>
  producer.send({
    topic: env.topicPrefix + topics.duty,
    messages: [
      {
        key,
        value: Buffer.from(payload),
        headers: toKafkaHeaders({
          id,
          type: dutyDeskEventTypes.offHoursDocumentReceived,
          source: '/gov/duty',
          time: receivedAt,
        }),
      },
    ],
  });

interface StoredDoc {
  _id: string;
  state: string;
  channel: string;
  handedToUnitId: string;
  receiptNo?: string;
  audit: AuditEntry[];
}
const docsFrom = (deskId: string) =>
  conn.collection<StoredDoc>('incoming_documents').find({ 'dutyHandover.deskDocumentId': deskId }).toArray();

describe('duty.document.received_offhours (spec document R-IN-5, §19.2)', () => {
  it('signs in one document for the 综合股 however often the receipt is redelivered (spec document R-IN-5, §5.11 I1)', async () => {
    const deskId = `desk-${randomUUID()}`;
    const eventId = `${deskId}:received_offhours`;
    await send(deskId, offHours(deskId), eventId);
    await send(deskId, offHours(deskId), eventId);
    await send(deskId, offHours(deskId), randomUUID());
    // a later receipt with the same key (same partition) marks the three copies before it as handled
    const later = `desk-${randomUUID()}`;
    await send(deskId, offHours(later), `${later}:received_offhours`);
    await waitFor(async () => (await docsFrom(later)).length > 0, { what: 'the later handover' });

    const docs = await docsFrom(deskId);
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({
      _id: `in-duty-${deskId}`,
      state: 'SIGNED_IN',
      channel: 'DUTY_HANDOVER',
      handedToUnitId: 'gov-office/general-section',
    });
    expect(docs[0]!.receiptNo).toBeUndefined();
    expect(docs[0]!.audit.map((a) => a.action)).toEqual(['incoming.signed_in']);
    expect(verifyAuditChain(docs[0]!.audit).ok).toBe(true);
  });

  it('shows the 综合股 the 特急 handover with its registration deadline and no receipt number yet (spec document R-IN-5, 003 L410)', async () => {
    const deskId = `desk-${randomUUID()}`;
    await send(deskId, offHours(deskId), `${deskId}:received_offhours`);
    await waitFor(async () => (await docsFrom(deskId)).length > 0, { what: 'the handover' });
    const getIncoming = document.grpcHandlers.getIncoming as unknown as (
      req: documentV1.GetIncomingRequest,
      ctx: { actor: Actor },
    ) => Promise<documentV1.GetIncomingResponse>;
    const { document: doc } = await getIncoming({ id: `in-duty-${deskId}` }, { actor: clerk });
    expect(doc).toMatchObject({
      state: 'SIGNED_IN',
      receiptNo: '',
      urgency: documentV1.Urgency.URGENCY_EXTRA_URGENT,
      channel: documentV1.Channel.CHANNEL_DUTY_HANDOVER,
      receivedAt,
      registrationDueAt: '2026-11-23T04:00:00.000Z',
      sender: { id: '', name: '州人民政府办公室' },
    });
  });

  it('keeps two signed-in handovers apart although neither has a receipt number yet', async () => {
    const [a, b] = [`desk-${randomUUID()}`, `desk-${randomUUID()}`];
    await send(a, offHours(a), `${a}:received_offhours`);
    await send(a, offHours(b), `${b}:received_offhours`);
    await waitFor(async () => (await docsFrom(b)).length > 0, { what: 'the second handover' });
    expect(await docsFrom(a)).toHaveLength(1);
  });

  it('signs a marked 机密 receipt in at its 密级 with the sender the desk identified (spec document R-IN-5, duty DK-4)', async () => {
    const deskId = `desk-${randomUUID()}`;
    await send(deskId, offHours(deskId, { secrecyLevel: 'CONFIDENTIAL', senderOrgId: 'org-zhou-gov' }), `${deskId}:r`);
    const [doc] = await waitFor(async () => {
      const d = await conn
        .collection<StoredDoc & { classification: string; sender: { id: string } }>('incoming_documents')
        .find({ 'dutyHandover.deskDocumentId': deskId })
        .toArray();
      return d.length ? d : undefined;
    });
    expect(doc).toMatchObject({ classification: 'CONFIDENTIAL', sender: { id: 'org-zhou-gov' } });
  });

  it('parks a receipt with an unknown 密级 instead of guessing who may read it', async () => {
    const deskId = `desk-${randomUUID()}`;
    const eventId = randomUUID();
    await send(deskId, offHours(deskId, { secrecyLevel: 'VERY_SECRET' }), eventId);
    const parked = await waitFor(() =>
      conn.collection('parked_messages').findOne({ 'headers.ce_id': eventId } as never),
    );
    expect(parked).toMatchObject({ reason: 'MALFORMED_PAYLOAD' });
    expect(await docsFrom(deskId)).toHaveLength(0);
  });

  it('parks a receipt with an unknown urgency and signs nothing in', async () => {
    const deskId = `desk-${randomUUID()}`;
    const eventId = randomUUID();
    await send(deskId, offHours(deskId, { urgency: 'VERY' }), eventId);
    const parked = await waitFor(() =>
      conn.collection('parked_messages').findOne({ 'headers.ce_id': eventId } as never),
    );
    expect(parked).toMatchObject({ reason: 'MALFORMED_PAYLOAD' });
    expect(await docsFrom(deskId)).toHaveLength(0);
  });
});
