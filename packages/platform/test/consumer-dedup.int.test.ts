import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import type { Connection } from 'mongoose';
import { createTestTopics, testEnv, testLogger, waitFor } from '@gov/testkit';
import {
  connectMongo,
  createEventConsumer,
  createInbox,
  createKafka,
  createMetrics,
  createParking,
  ensureIndexes,
  toKafkaHeaders,
  type EventConsumer,
  type InboundEvent,
  type Metrics,
} from '../src';
import { topic } from './fixtures/widgets';

// ARCHITECTURE §6, idempotent consumers: delivery is at-least-once, so the inbox (unique per consumer and
// event id) must turn a second delivery of the same ce_id into a no-op.
const env = testEnv('consumer-dedup');
const logger = testLogger();
const bumped = 'gov.test.counter.bumped';
// the second test gets a topic of its own, so it does not see the first test's duplicate
const groupsTopic = 'test.dedup-groups.v1';
let conn: Connection;
let producer: Producer;
const consumers: EventConsumer[] = [];

/** The raw bytes a broker redelivers: same key, same ce_id, same payload. */
const message = (eventId: string) => ({
  key: 'counter-1',
  value: Buffer.from('bump'),
  headers: toKafkaHeaders({ id: eventId, type: bumped, source: 'test/consumer-dedup', time: new Date().toISOString() }),
});
const produce = (eventId: string, to = topic) =>
  producer.send({ topic: env.topicPrefix + to, messages: [message(eventId)] });

/** A kit consumer whose handler counts, per consumer and event id, how often state was changed. */
async function startCountingConsumer(groupId: string, metrics: Metrics, from = topic): Promise<void> {
  const counters = conn.collection<{ _id: string; n: number }>('counters');
  const consumer = createEventConsumer({
    kafka: createKafka({ brokers: env.kafkaBrokers, clientId: groupId, logger }),
    // the kit prefixes the group like the topics; the test names groups with the prefix already on
    groupId: groupId.slice(env.topicPrefix.length),
    topics: [from],
    topicPrefix: env.topicPrefix,
    handlers: {
      [bumped]: async (e: InboundEvent) => {
        await counters.updateOne({ _id: `${groupId}:${e.id}` }, { $inc: { n: 1 } }, { upsert: true });
      },
    },
    inbox: createInbox(conn),
    parking: createParking(conn),
    logger,
    metrics,
  });
  consumers.push(consumer);
  await consumer.start();
}

const count = async (groupId: string, eventId: string) =>
  (await conn.collection<{ _id: string; n: number }>('counters').findOne({ _id: `${groupId}:${eventId}` }))?.n ?? 0;

async function consumed(metrics: Metrics, groupId: string, outcome: 'handled' | 'duplicate'): Promise<number> {
  // read through the registry by the exported name, the one the dashboards and alerts use
  const metric = metrics.registry.getSingleMetric('events_consumed_total');
  const values = (await metric?.get())?.values ?? [];
  return Number(values.find((v) => v.labels.consumer === groupId && v.labels.outcome === outcome)?.value ?? 0);
}

beforeAll(async () => {
  await createTestTopics(env, [groupsTopic]);
  conn = await connectMongo({ url: env.mongoUrl, dbName: env.dbName, nodeEnv: 'test', logger });
  createInbox(conn);
  createParking(conn);
  await ensureIndexes(conn);
  producer = new Kafka({ clientId: 'dedup-test', brokers: env.kafkaBrokers, logLevel: logLevel.NOTHING }).producer();
  await producer.connect();
}, 60000);

afterAll(async () => {
  for (const c of consumers) await c.stop();
  await producer?.disconnect();
  await conn?.dropDatabase();
  await conn?.close();
});

describe('event consumer deduplication', () => {
  it('changes state once when the same ce_id is delivered twice, and counts the duplicate', async () => {
    const groupId = `${env.topicPrefix}dedup-once`;
    const metrics = createMetrics('dedup-test');
    await startCountingConsumer(groupId, metrics);
    const twice = randomUUID();
    const after = randomUUID();
    await produce(twice);
    await produce(twice);
    // same key, same partition: once the later event is handled, both copies before it have been processed
    await produce(after);
    await waitFor(() => count(groupId, after), { what: 'the event after the duplicate to be handled' });

    expect(await count(groupId, twice)).toBe(1);
    expect(await consumed(metrics, groupId, 'duplicate')).toBe(1);
    expect(await consumed(metrics, groupId, 'handled')).toBe(2);
  });

  it('lets each consumer group handle the event once: the inbox is per consumer, not global', async () => {
    const metrics = createMetrics('dedup-test');
    const [a, b] = [`${env.topicPrefix}dedup-a`, `${env.topicPrefix}dedup-b`];
    const eventId = randomUUID();
    const after = randomUUID();
    await startCountingConsumer(a, metrics, groupsTopic);
    await startCountingConsumer(b, metrics, groupsTopic);
    await produce(eventId, groupsTopic);
    await produce(eventId, groupsTopic);
    await produce(after, groupsTopic);
    await waitFor(async () => (await count(a, after)) && (await count(b, after)), { what: 'both groups to finish' });

    expect([await count(a, eventId), await count(b, eventId)]).toEqual([1, 1]);
    expect([await consumed(metrics, a, 'duplicate'), await consumed(metrics, b, 'duplicate')]).toEqual([1, 1]);
  });
});
