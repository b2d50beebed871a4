import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs';
import type { Connection } from 'mongoose';
import {
  dutyDeskEventsV1,
  dutyDeskEventTypes,
  dutyEventTypes,
  dutyEventsV1,
  eventTypes,
  supervisionEventsV1,
  topics,
} from '@gov/contracts';
import {
  connectMongo,
  createEventConsumer,
  createEventPublisher,
  createInbox,
  createKafka,
  createMetrics,
  createOutboxRelay,
  createParking,
  ensureIndexes,
  fromKafkaHeaders,
  toKafkaHeaders,
  verifyAuditChain,
  type AuditEntry,
  type EventConsumer,
  type OutboxRelay,
} from '@gov/platform';
import { defaultCalendar } from '@gov/platform/calendar';
import { createTestTopics, testEnv, testLogger, waitFor } from '@gov/testkit';
import { defaultDeadlinePolicy } from '../src/domain/deadline-policy';
import { wireSupervision } from '../src/wiring';

// Spec supervision §16.2 on the real broker and store: duty events encoded with the published contracts go
// through the kit's consumer (inbox, parking) and the wiring main.ts uses; the relay publishes ItemOpened.
const env = testEnv('supervision-duty-events');
const logger = testLogger();
let conn: Connection;
let producer: Producer;
let reader: Consumer;
let relay: OutboxRelay;
const consumers: EventConsumer[] = [];
const opened: supervisionEventsV1.ItemOpened[] = [];

beforeAll(async () => {
  await createTestTopics(env);
  conn = await connectMongo({ url: env.mongoUrl, dbName: env.dbName, nodeEnv: 'test', logger });
  const metrics = createMetrics('supervision_int');
  const kafka = createKafka({ brokers: env.kafkaBrokers, clientId: 'supervision-int', logger });
  const publisher = createEventPublisher({ kafka, source: '/gov/supervision', topicPrefix: env.topicPrefix });
  await publisher.connect();
  const supervision = wireSupervision({
    mongo: conn,
    handoff: (m, h) => relay?.handoff(m, h),
    policy: defaultDeadlinePolicy,
    calendar: defaultCalendar,
    supervisionOfficeId: 'gov-office/supervision',
  });
  const inbox = createInbox(conn);
  const parking = createParking(conn);
  await ensureIndexes(conn);
  relay = createOutboxRelay({ models: supervision.models as never, publisher, logger, metrics, pollMs: 100 });
  relay.start();
  for (const c of supervision.consumers) {
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
  const raw = new Kafka({ clientId: 'supervision-int-raw', brokers: env.kafkaBrokers, logLevel: logLevel.NOTHING });
  producer = raw.producer();
  await producer.connect();
  reader = raw.consumer({ groupId: `reader-${env.topicPrefix}`, maxWaitTimeInMs: 100 });
  await reader.connect();
  await reader.subscribe({ topic: env.topicPrefix + topics.supervision, fromBeginning: true });
  await reader.run({
    eachMessage: async ({ message }) => {
      if (fromKafkaHeaders(message.headers).headers?.type === eventTypes.supervisionItemOpened)
        opened.push(supervisionEventsV1.ItemOpened.decode(message.value!));
    },
  });
  afterAllStops.push(() => publisher.disconnect());
}, 90_000);

const afterAllStops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of consumers) await c.stop();
  await relay?.stop();
  await reader?.disconnect();
  await producer?.disconnect();
  for (const stop of afterAllStops) await stop();
  await conn?.dropDatabase();
  await conn?.close();
});

/** Sends one duty event as the duty service's relay would: protobuf payload, CloudEvents headers. */
const send = (type: string, key: string, payload: Uint8Array, id: string, time: string) =>
  producer.send({
    topic: env.topicPrefix + topics.duty,
    messages: [{ key, value: Buffer.from(payload), headers: toKafkaHeaders({ id, type, source: '/gov/duty', time }) }],
  });

interface StoredItem {
  _id: string;
  sourceType: string;
  sourceSystem: string;
  sourceId: string;
  supervisingUnitId: string;
  leadUnitId?: string;
  deadlineRule: string;
  dueAt: Date;
  audit: AuditEntry[];
}
const itemsFrom = (sourceId: string) => conn.collection<StoredItem>('supervision_items').find({ sourceId }).toArray();

describe('duty.instruction.followup_required (spec supervision §16.2, §4.1 EMERGENCY_FOLLOWUP)', () => {
  const followUp = (instructionId: string, incidentId: string) =>
    dutyEventsV1.InstructionFollowUpRequired.encode({
      instructionId,
      incidentId,
      text: '各相关部门抓紧排查，三日内报结果',
      suggestedLeadUnit: 'district-emergency-bureau',
      dueAt: '2026-11-23T02:00:00.000Z',
    }).finish();
  const givenAt = '2026-11-20T02:00:00.000Z';

  it('registers one EMERGENCY_FOLLOWUP item of the 督查室 however often the event is redelivered (spec supervision §16.2, R-REG-1)', async () => {
    const [instructionId, incidentId] = [`li-${randomUUID()}`, `inc-${randomUUID()}`];
    const eventId = `${instructionId}:followup`;
    // the same event twice, then the same instruction under another event id (a duty re-publication)
    await send(
      dutyEventTypes.instructionFollowUpRequired,
      incidentId,
      followUp(instructionId, incidentId),
      eventId,
      givenAt,
    );
    await send(
      dutyEventTypes.instructionFollowUpRequired,
      incidentId,
      followUp(instructionId, incidentId),
      eventId,
      givenAt,
    );
    await send(
      dutyEventTypes.instructionFollowUpRequired,
      incidentId,
      followUp(instructionId, incidentId),
      randomUUID(),
      givenAt,
    );
    // a later instruction on the same incident (same key, same partition) marks the three copies as handled
    const later = `li-${randomUUID()}`;
    await send(
      dutyEventTypes.instructionFollowUpRequired,
      incidentId,
      followUp(later, incidentId),
      `${later}:followup`,
      givenAt,
    );
    await waitFor(async () => (await itemsFrom(later)).length > 0, { what: 'the later instruction’s item' });

    const items = await itemsFrom(instructionId);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      _id: `duty-instruction-${instructionId}`,
      sourceType: 'EMERGENCY_FOLLOWUP',
      sourceSystem: 'duty',
      supervisingUnitId: 'gov-office/supervision',
      leadUnitId: 'district-emergency-bureau',
      deadlineRule: 'EXPLICIT',
      dueAt: new Date('2026-11-23T02:00:00.000Z'),
    });
    expect(items[0]!.audit.map((a) => a.action)).toEqual(['item.opened']);
    expect(verifyAuditChain(items[0]!.audit).ok).toBe(true);
    const events = await waitFor(() => {
      const e = opened.filter((o) => o.sourceId === instructionId);
      return e.length > 0 ? e : undefined;
    });
    expect(events).toHaveLength(1);
    expect(events[0]!.itemId).toBe(`duty-instruction-${instructionId}`);
  });

  it('parks a follow-up without an instruction id and registers nothing', async () => {
    const incidentId = `inc-${randomUUID()}`;
    const eventId = randomUUID();
    await send(dutyEventTypes.instructionFollowUpRequired, incidentId, followUp('', incidentId), eventId, givenAt);
    const parked = await waitFor(() =>
      conn.collection('parked_messages').findOne({ 'headers.ce_id': eventId } as never),
    );
    expect(parked).toMatchObject({ reason: 'MALFORMED_PAYLOAD' });
    expect(await conn.collection('supervision_items').countDocuments({ sourceId: '' })).toBe(0);
  });
});

describe('duty.call.transferred (spec supervision §16.2, RV-9)', () => {
  const transferred = (
    callId: string,
    line = 'DIRECT_LINE',
    flags: { important?: boolean; multiDepartment?: boolean } = {},
  ) =>
    dutyDeskEventsV1.CallTransferred.encode({
      callId,
      line,
      category: 'LIVELIHOOD_PROBLEM',
      unitId: 'town-a',
      instruction: '请城关镇核实处理并答复来电人',
      at: '2026-11-20T07:00:00.000Z',
      important: flags.important ?? false,
      multiDepartment: flags.multiDepartment ?? false,
    }).finish();

  it('registers one PUBLIC_CALL item with feedback due 5 days after the transfer, once under redelivery (spec supervision RV-9, §18 scenario 7)', async () => {
    const callId = `call-${randomUUID()}`;
    const eventId = `${callId}:transferred`;
    await send(dutyDeskEventTypes.callTransferred, callId, transferred(callId), eventId, '2026-11-20T07:00:00.000Z');
    await send(dutyDeskEventTypes.callTransferred, callId, transferred(callId), eventId, '2026-11-20T07:00:00.000Z');
    await send(
      dutyDeskEventTypes.callTransferred,
      callId,
      transferred(callId),
      randomUUID(),
      '2026-11-20T07:00:00.000Z',
    );
    // a later transfer with the same key (same partition) marks the three copies before it as handled
    const later = `call-${randomUUID()}`;
    await send(
      dutyDeskEventTypes.callTransferred,
      callId,
      transferred(later),
      `${later}:transferred`,
      '2026-11-20T07:00:00.000Z',
    );
    await waitFor(async () => (await itemsFrom(later)).length > 0, { what: 'the later call item' });

    const items = await itemsFrom(callId);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      _id: `duty-call-${callId}`,
      sourceType: 'PUBLIC_CALL',
      sourceSystem: 'duty',
      leadUnitId: 'town-a',
      deadlineRule: 'SOURCE_RULE',
      dueAt: new Date('2026-11-25T07:00:00.000Z'),
    });
    const events = await waitFor(() => {
      const e = opened.filter((o) => o.sourceId === callId);
      return e.length > 0 ? e : undefined;
    });
    expect(events).toHaveLength(1);
  });

  it('registers a call transferred from the 区长热线 as a PETITION item (spec supervision §4.1)', async () => {
    const callId = `call-${randomUUID()}`;
    await send(
      dutyDeskEventTypes.callTransferred,
      callId,
      transferred(callId, 'HEAD_HOTLINE'),
      `${callId}:transferred`,
      '2026-11-20T07:00:00.000Z',
    );
    const items = await waitFor(async () => {
      const i = await itemsFrom(callId);
      return i.length > 0 ? i : undefined;
    });
    expect(items[0]!.sourceType).toBe('PETITION');
  });

  it('gives an important or multi-department call 10 days for feedback instead of 5 (spec supervision RV-9, 001 L59-60)', async () => {
    const [important, multi] = [`call-${randomUUID()}`, `call-${randomUUID()}`];
    const at = '2026-11-20T07:00:00.000Z';
    await send(
      dutyDeskEventTypes.callTransferred,
      important,
      transferred(important, 'DIRECT_LINE', { important: true }),
      `${important}:t`,
      at,
    );
    await send(
      dutyDeskEventTypes.callTransferred,
      multi,
      transferred(multi, 'DIRECT_LINE', { multiDepartment: true }),
      `${multi}:t`,
      at,
    );
    for (const callId of [important, multi]) {
      const items = await waitFor(async () => {
        const i = await itemsFrom(callId);
        return i.length > 0 ? i : undefined;
      });
      expect(items[0]!.dueAt).toEqual(new Date('2026-11-30T07:00:00.000Z'));
    }
  });
});
