import { setTimeout as sleep } from 'node:timers/promises';
import type { Connection, Model } from 'mongoose';
import { createTestTopics, testEnv, testLogger, waitFor } from '@gov/testkit';
import {
  connectMongo,
  createEventPublisher,
  createKafka,
  createMetrics,
  createOutboxRelay,
  ensureIndexes,
  insertAggregate,
  type EventPublisher,
  type OutboxEntry,
} from '../src';
import { leftInOutboxes, readTopic, topic, widgetEvent, widgetModel, type Widget } from './fixtures/widgets';

// The poll drains a backlog larger than one batch with ONE query, taken batch by batch (the Mongo-wire server
// applies a limit only after fetching every match, so a query per batch re-read the whole backlog each time).
// That query may hold an aggregate as it was when it started; one handed over meanwhile is left to its handoff.
const env = testEnv('outbox-backlog');
const logger = testLogger();
let conn: Connection;
let model: Model<Widget>;
let kit: EventPublisher;

beforeAll(async () => {
  await createTestTopics(env);
  conn = await connectMongo({ url: env.mongoUrl, dbName: env.dbName, nodeEnv: 'test', logger });
  model = widgetModel(conn);
  await ensureIndexes(conn);
  kit = createEventPublisher({
    kafka: createKafka({ brokers: env.kafkaBrokers, clientId: 'backlog', logger }),
    source: '/test/backlog',
    topicPrefix: env.topicPrefix,
  });
  await kit.connect();
});

afterAll(async () => {
  await kit.disconnect();
  await conn.dropDatabase();
  await conn.close();
});

/** The kit's publisher, 40 ms slower per send: a pass over the backlog takes long enough to hand over meanwhile. */
const slow: () => EventPublisher = () => ({
  ...kit,
  publish: async (entries: readonly OutboxEntry[]) => {
    await sleep(40);
    await kit.publish(entries);
  },
});

async function backlog(prefix: string, n: number): Promise<Map<string, OutboxEntry>> {
  const events = new Map<string, OutboxEntry>();
  for (let i = 0; i < n; i++) {
    const id = `${prefix}${String(i).padStart(2, '0')}`;
    const e = widgetEvent(id, 'created');
    await insertAggregate<Widget>(model, { _id: id, title: 't', outbox: [e], audit: [] });
    events.set(id, e);
  }
  return events;
}

it('drains a backlog of many batches, each event once, every outbox trimmed', async () => {
  const events = await backlog('b', 30);
  const reader = await readTopic(env.kafkaBrokers, env.topicPrefix + topic, `${env.topicPrefix}reader-1`);
  const relay = createOutboxRelay({
    models: [model as never],
    publisher: kit,
    logger,
    metrics: createMetrics('backlog1'),
    pollMs: 3600000,
    batchSize: 4,
  });
  relay.start();
  await relay.drain();
  await relay.stop();
  const ids = [...events.values()].map((e) => e._id);
  await waitFor(() => ids.every((id) => reader.seen.has(id)), { what: '30 events' });
  await sleep(300);
  expect(ids.filter((id) => reader.seen.get(id) !== 1)).toEqual([]);
  expect(await leftInOutboxes(model)).toEqual([]);
  await reader.stop();
});

it('sends an aggregate handed over during a pass once: through its handoff, not again from the pass', async () => {
  const early = await backlog('c', 24);
  // written before the pass, handed over only while it runs: the pass's query may still return them pending
  const late = await backlog('z', 4);
  const reader = await readTopic(env.kafkaBrokers, env.topicPrefix + topic, `${env.topicPrefix}reader-2`);
  const relay = createOutboxRelay({
    models: [model as never],
    publisher: slow(),
    logger,
    metrics: createMetrics('backlog2'),
    pollMs: 3600000,
    batchSize: 4,
  });
  relay.start();
  await sleep(60);
  for (const [id, e] of late) relay.handoff(model as never, { id, version: 1, entries: [e] });
  await relay.drain();
  await relay.stop();
  await expectOnce(reader, [...early.values(), ...late.values()]);
});

it('sends an aggregate in flight when a pass begins once, also when its handoff finishes during the pass', async () => {
  const relay = createOutboxRelay({
    models: [model as never],
    publisher: slow(),
    logger,
    metrics: createMetrics('backlog3'),
    pollMs: 3600000,
    batchSize: 4,
  });
  relay.start();
  await relay.drain(); // nothing pending: the next pass starts below, with the handoffs in flight
  const early = await backlog('d', 24);
  const late = await backlog('y', 4);
  const reader = await readTopic(env.kafkaBrokers, env.topicPrefix + topic, `${env.topicPrefix}reader-3`);
  for (const [id, e] of late) relay.handoff(model as never, { id, version: 1, entries: [e] });
  relay.nudge();
  await relay.drain();
  await relay.stop();
  await expectOnce(reader, [...early.values(), ...late.values()]);
});

async function expectOnce(reader: Awaited<ReturnType<typeof readTopic>>, events: OutboxEntry[]): Promise<void> {
  const ids = events.map((e) => e._id);
  await waitFor(() => ids.every((id) => reader.seen.has(id)), { what: `${ids.length} events` });
  await sleep(300);
  expect(ids.filter((id) => reader.seen.get(id) !== 1)).toEqual([]);
  expect(await leftInOutboxes(model)).toEqual([]);
  await reader.stop();
}

it('a handoff trims only what it sent: an older entry still pending (its own handoff failed) is published later', async () => {
  // e0 was written and never sent (say its handoff failed while the broker was away); then a write adds e1
  const e0 = widgetEvent('older', 'created');
  const e1 = widgetEvent('older', 'renamed');
  await insertAggregate<Widget>(model, { _id: 'older', title: 't', outbox: [e0], audit: [] });
  await model.updateOne({ _id: 'older' } as never, { $set: { version: 2, outbox: [e0, e1] } } as never);
  const reader = await readTopic(env.kafkaBrokers, env.topicPrefix + topic, `${env.topicPrefix}reader-older`);
  const relay = createOutboxRelay({
    models: [model as never],
    publisher: kit,
    logger,
    metrics: createMetrics('backlog-older'),
    pollMs: 3600000,
  });
  relay.start();
  relay.handoff(model as never, { id: 'older', version: 2, entries: [e1] });
  await waitFor(() => reader.seen.has(e1._id), { what: 'the handed-over event' });
  await waitFor(
    async () => {
      const doc = (await model.findById('older').lean()) as unknown as { outbox: { _id: string }[] };
      return doc.outbox.length === 1;
    },
    { what: 'the trim' },
  );
  const left = (await model.findById('older').lean()) as unknown as {
    outbox: { _id: string }[];
    outboxPending: boolean;
  };
  expect(left.outbox.map((e) => e._id)).toEqual([e0._id]);
  expect(left.outboxPending).toBe(true);
  await relay.drain(); // the poll's recovery pass publishes what the failed handoff left
  await relay.stop();
  await waitFor(() => reader.seen.has(e0._id), { what: 'the older event' });
  await reader.stop();
});
