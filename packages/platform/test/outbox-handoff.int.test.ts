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
  updateAggregate,
  type EventPublisher,
  type OutboxRelay,
} from '../src';
import { expectDelivered, readTopic, topic, widgetEvent, widgetModel, type Widget } from './fixtures/widgets';

// The handoff path (ARCHITECTURE §6, "nudged right after a write"): a repository gives the relay the entries it
// has just written, and the relay sends them from memory, with no read-back, then trims the outbox. The poll is
// set to an hour here, so anything that arrives came through the handoff.
const env = testEnv('outbox-handoff');
const logger = testLogger();
let conn: Connection;
let model: Model<Widget>;
let publisher: EventPublisher;
let relay: OutboxRelay;

beforeAll(async () => {
  await createTestTopics(env);
  conn = await connectMongo({ url: env.mongoUrl, dbName: env.dbName, nodeEnv: 'test', logger });
  model = widgetModel(conn);
  await ensureIndexes(conn);
  publisher = createEventPublisher({
    kafka: createKafka({ brokers: env.kafkaBrokers, clientId: 'handoff', logger }),
    source: '/test/handoff',
    topicPrefix: env.topicPrefix,
  });
  await publisher.connect();
  relay = createOutboxRelay({
    models: [model as never],
    publisher,
    logger,
    metrics: createMetrics('handoff'),
    pollMs: 3600000,
  });
});

afterAll(async () => {
  await relay.stop();
  await publisher.disconnect();
  await conn.dropDatabase();
  await conn.close();
});

it('sends handed-over events without a poll and leaves the outboxes empty', async () => {
  relay.start(); // the start pass finds nothing; after it only handoffs can send
  await relay.drain();
  const reader = await readTopic(env.kafkaBrokers, env.topicPrefix + topic, `${env.topicPrefix}reader-1`);
  const expected = new Map<string, string>();
  for (let i = 0; i < 5; i++) {
    const e = widgetEvent(`w${i}`, 'created');
    expected.set(e._id, `w${i} created`);
    await insertAggregate<Widget>(model, { _id: `w${i}`, title: 't', outbox: [e], audit: [] });
    relay.handoff(model as never, { id: `w${i}`, version: 1, entries: [e] });
  }
  await expectDelivered(reader, expected);
  await waitFor(async () => (await model.countDocuments({ outboxPending: true })) === 0, { what: 'outboxes trimmed' });
  await reader.stop();
});

it('never drops an event a writer added after the handoff: the trim keeps it and the poller sends it', async () => {
  const reader = await readTopic(env.kafkaBrokers, env.topicPrefix + topic, `${env.topicPrefix}reader-2`);
  const first = widgetEvent('late', 'created');
  await insertAggregate<Widget>(model, { _id: 'late', title: 't', outbox: [first], audit: [] });
  // a second write lands before the relay trims; a blind trim would erase it unsent
  const second = widgetEvent('late', 'renamed');
  await updateAggregate<Widget>(model, {
    id: 'late',
    expectedVersion: 1,
    set: { title: 'u' },
    events: [second],
    audit: [],
  });
  relay.handoff(model as never, { id: 'late', version: 1, entries: [first] });
  await relay.drain(); // the handoff, then one poll pass
  await expectDelivered(
    reader,
    new Map([
      [first._id, 'late created'],
      [second._id, 'late renamed'],
    ]),
  );
  expect(await model.countDocuments({ outboxPending: true })).toBe(0);
  await reader.stop();
});

it('sends what is handed over while the previous batch is being trimmed, without waiting for a poll', async () => {
  const reader = await readTopic(env.kafkaBrokers, env.topicPrefix + topic, `${env.topicPrefix}reader-3`);
  const expected = new Map<string, string>();
  const written: { id: string; e: ReturnType<typeof widgetEvent> }[] = [];
  for (let i = 0; i < 40; i++) {
    const e = widgetEvent(`t${i}`, 'created');
    expected.set(e._id, `t${i} created`);
    await insertAggregate<Widget>(model, { _id: `t${i}`, title: 't', outbox: [e], audit: [] });
    written.push({ id: `t${i}`, e });
  }
  // handoffs a few milliseconds apart land at every point of the relay's publish-then-trim cycle, some of them
  // while the last batch's trim is running; none may wait for the (hour-long) poll
  for (const w of written) {
    relay.handoff(model as never, { id: w.id, version: 1, entries: [w.e] });
    await new Promise((r) => setTimeout(r, 2 + (w.id.length % 3)));
  }
  await expectDelivered(reader, expected, 10000);
  await reader.stop();
});
