import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs';
import type { Connection } from 'mongoose';
import { dutyEventTypes, dutyEventsV1, eventTypes, supervisionEventsV1, supervisionV1, topics } from '@gov/contracts';
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
  type CallContext,
  type EventConsumer,
  type OutboxRelay,
} from '@gov/platform';
import type { Actor } from '@gov/platform/auth';
import { defaultCalendar } from '@gov/platform/calendar';
import { createTestTopics, testEnv, testLogger, waitFor } from '@gov/testkit';
import { defaultDeadlinePolicy } from '../src/domain/deadline-policy';
import { wireSupervision } from '../src/wiring';

// Spec supervision §9.1, FB-4, FB-5 and §16.1 on the real broker and store: an item opened from a duty event goes
// through feedback, acceptance and closure via the gRPC handlers main.ts serves; the relay publishes the verdicts.
const env = testEnv('supervision-item-lifecycle');
const logger = testLogger();
let conn: Connection;
let producer: Producer;
let reader: Consumer;
let relay: OutboxRelay;
let supervision: ReturnType<typeof wireSupervision>;
const consumers: EventConsumer[] = [];
const seen: { type: string; msg: supervisionEventsV1.ItemCompleted }[] = [];
const stops: (() => Promise<void>)[] = [];

beforeAll(async () => {
  await createTestTopics(env);
  conn = await connectMongo({ url: env.mongoUrl, dbName: env.dbName, nodeEnv: 'test', logger });
  const metrics = createMetrics('supervision_lifecycle_int');
  const kafka = createKafka({ brokers: env.kafkaBrokers, clientId: 'supervision-lifecycle-int', logger });
  const publisher = createEventPublisher({ kafka, source: '/gov/supervision', topicPrefix: env.topicPrefix });
  await publisher.connect();
  stops.push(() => publisher.disconnect());
  supervision = wireSupervision({
    mongo: conn,
    handoff: (m, h) => relay?.handoff(m, h),
    policy: defaultDeadlinePolicy,
    calendar: defaultCalendar,
    supervisionOfficeId: 'gov-office/supervision',
  });
  await ensureIndexes(conn);
  relay = createOutboxRelay({ models: supervision.models as never, publisher, logger, metrics, pollMs: 100 });
  relay.start();
  for (const c of supervision.consumers) {
    const consumer = createEventConsumer({
      kafka,
      ...c,
      topicPrefix: env.topicPrefix,
      inbox: createInbox(conn),
      parking: createParking(conn),
      logger,
      metrics,
    });
    consumers.push(consumer);
    await consumer.start();
  }
  const raw = new Kafka({
    clientId: 'supervision-lifecycle-raw',
    brokers: env.kafkaBrokers,
    logLevel: logLevel.NOTHING,
  });
  producer = raw.producer();
  await producer.connect();
  reader = raw.consumer({ groupId: `reader-${env.topicPrefix}`, maxWaitTimeInMs: 100 });
  await reader.connect();
  await reader.subscribe({ topic: env.topicPrefix + topics.supervision, fromBeginning: true });
  await reader.run({
    eachMessage: async ({ message }) => {
      const type = fromKafkaHeaders(message.headers).headers?.type ?? '';
      if (type === eventTypes.supervisionItemCompleted)
        seen.push({ type, msg: supervisionEventsV1.ItemCompleted.decode(message.value!) });
      if (type === eventTypes.supervisionItemClosed)
        seen.push({ type, msg: supervisionEventsV1.ItemClosed.decode(message.value!) });
    },
  });
}, 90_000);

afterAll(async () => {
  for (const c of consumers) await c.stop();
  await relay?.stop();
  await reader?.disconnect();
  await producer?.disconnect();
  for (const stop of stops) await stop();
  await conn?.dropDatabase();
  await conn?.close();
});

const actor = (role: string, orgUnitId: string): Actor => ({
  userId: `${role.toLowerCase()}-${orgUnitId}`,
  name: role,
  orgUnitId,
  roles: [role],
  clearance: 'INTERNAL',
});
const as = (a: Actor): CallContext => ({ actor: a, requestId: randomUUID(), logger });
const principal = as(actor('UNIT_PRINCIPAL', 'district-emergency-bureau'));
const supHead = as(actor('SUP_HEAD', 'gov-office/supervision'));

/** A duty follow-up instruction, sent as duty's relay would, with a deadline three days ahead. */
async function openFromDuty(instructionId: string) {
  const incidentId = `inc-${randomUUID()}`;
  await producer.send({
    topic: env.topicPrefix + topics.duty,
    messages: [
      {
        key: incidentId,
        value: Buffer.from(
          dutyEventsV1.InstructionFollowUpRequired.encode({
            instructionId,
            incidentId,
            text: '各相关部门抓紧排查，三日内报结果',
            suggestedLeadUnit: 'district-emergency-bureau',
            dueAt: new Date(Date.now() + 3 * 24 * 3600_000).toISOString(),
          }).finish(),
        ),
        headers: toKafkaHeaders({
          id: `${instructionId}:followup`,
          type: dutyEventTypes.instructionFollowUpRequired,
          source: '/gov/duty',
          time: new Date().toISOString(),
        }),
      },
    ],
  });
  const id = `duty-instruction-${instructionId}`;
  await waitFor(() => conn.collection('supervision_items').findOne({ _id: id as never }), { what: `item ${id}` });
  return id;
}

describe('feedback → acceptance → closure of a duty follow-up item (spec supervision §9.1, FB-4, FB-5, §16.1)', () => {
  it('publishes ItemCompleted and ItemClosed once each, carrying duty’s instruction id, however often commands are retried', async () => {
    const instructionId = `li-${randomUUID()}`;
    const id = await openFromDuty(instructionId);
    const h = supervision.grpcHandlers;
    const submit = {
      idempotencyKey: randomUUID(),
      id,
      progress: '已对辖区内12处隐患点完成排查',
      result: '隐患点均已整改到位',
      problems: '无',
      nextSteps: '',
      principalSignedBy: '',
    };
    expect((await h.submitFeedback(submit, principal)).item?.state).toBe('FEEDBACK_SUBMITTED');
    const accept = { idempotencyKey: randomUUID(), id, comment: '' };
    const accepted = await h.acceptFeedback(accept, supHead);
    // the same request again (a client retry) gets the same answer and publishes nothing new
    expect(await h.acceptFeedback(accept, supHead)).toEqual(accepted);
    expect(accepted.item).toMatchObject({ state: 'COMPLETED', outcome: '' });
    const close = { idempotencyKey: randomUUID(), id, leaderReport: '已书面报告区长', cancellationReason: '' };
    const closed = await h.closeItem(close, supHead);
    await h.closeItem(close, supHead);
    expect(closed.item).toMatchObject({ state: 'CLOSED', outcome: 'COMPLETED_ON_TIME' });

    await waitFor(() => seen.some((s) => s.msg.itemId === id && s.type === eventTypes.supervisionItemClosed), {
      what: `ItemClosed of ${id}`,
    });
    // give a duplicate publication time to show up before counting
    await relay.drain();
    await new Promise((r) => setTimeout(r, 500));
    const mine = seen.filter((s) => s.msg.itemId === id);
    expect(mine.map((s) => s.type)).toEqual([eventTypes.supervisionItemCompleted, eventTypes.supervisionItemClosed]);
    for (const { msg } of mine)
      expect(msg).toMatchObject({
        sourceSystem: 'duty',
        sourceId: instructionId,
        sourceType: supervisionV1.SourceType.SOURCE_TYPE_EMERGENCY_FOLLOWUP,
      });
    expect(mine.map((s) => s.msg.outcome)).toEqual(['', 'COMPLETED_ON_TIME']);

    const stored = (await conn.collection('supervision_items').findOne({ _id: id as never })) as unknown as {
      audit: AuditEntry[];
      outbox: unknown[];
    };
    expect(stored.audit.map((a) => a.action)).toEqual([
      'item.opened',
      'feedback.submitted',
      'feedback.accepted',
      'item.closed',
    ]);
    expect(stored.audit[2]!.actor).toMatchObject({ userId: supHead.actor.userId, role: 'SUP_HEAD' });
    expect(verifyAuditChain(stored.audit).ok).toBe(true);
  });

  it('refuses acceptance by the lead unit itself and leaves the item under review (§3.2)', async () => {
    const id = await openFromDuty(`li-${randomUUID()}`);
    const h = supervision.grpcHandlers;
    await h.submitFeedback(
      {
        idempotencyKey: randomUUID(),
        id,
        progress: 'p',
        result: 'r',
        problems: '无',
        nextSteps: '',
        principalSignedBy: '',
      },
      principal,
    );
    await expect(h.acceptFeedback({ idempotencyKey: randomUUID(), id, comment: '' }, principal)).rejects.toMatchObject({
      code: 'REVIEW_NOT_PERMITTED',
    });
    expect((await h.getItem({ id }, supHead)).item?.state).toBe('FEEDBACK_SUBMITTED');
  });
});
