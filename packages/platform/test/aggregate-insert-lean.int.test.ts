import type { Connection, Model } from 'mongoose';
import { createTestTopics, testEnv, testLogger } from '@gov/testkit';
import {
  bytesOf,
  connectMongo,
  createEventPublisher,
  createKafka,
  createMetrics,
  createOutboxRelay,
  ensureIndexes,
  insertAggregate,
  insertAggregateOnce,
  nextAuditEntry,
  systemActor,
  updateAggregate,
  verifyAuditChain,
  type EventPublisher,
} from '../src';
import {
  expectDelivered,
  leftInOutboxes,
  readTopic,
  topic,
  widgetEvent,
  widgetModel,
  type Widget,
} from './fixtures/widgets';

// insertAggregate({ lean: true }) skips mongoose's casting and validation for bulk writers (an import chunk carries a
// thousand outbox entries). The document must come out exactly as the cast insert writes it: version 1, the pending
// flag, payloads as bytes, an audit chain that still verifies, and a relay that publishes and trims it.
const env = testEnv('aggregate-insert-lean');
const logger = testLogger();
let conn: Connection;
let model: Model<Widget>;
let publisher: EventPublisher;

beforeAll(async () => {
  await createTestTopics(env);
  conn = await connectMongo({ url: env.mongoUrl, dbName: env.dbName, nodeEnv: 'test', logger });
  model = widgetModel(conn);
  await ensureIndexes(conn);
  publisher = createEventPublisher({
    kafka: createKafka({ brokers: env.kafkaBrokers, clientId: 'lean', logger }),
    source: '/test/lean',
    topicPrefix: env.topicPrefix,
  });
  await publisher.connect();
});

afterAll(async () => {
  await publisher.disconnect();
  await conn.dropDatabase();
  await conn.close();
});

const audit = () => [
  // reason and details left out: undefined must stay absent, or the stored entry would no longer match its hash
  nextAuditEntry(undefined, { action: 'widget.created', actor: systemActor, at: new Date('2026-11-02T01:00:00Z') }),
];

it('writes the same document as the cast insert', async () => {
  const cast = widgetEvent('cast', 'created');
  const lean = widgetEvent('lean', 'created');
  expect(lean.traceparent).toBeUndefined();
  await insertAggregate<Widget>(model, { _id: 'cast', title: 't', outbox: [cast], audit: audit() });
  await insertAggregate<Widget>(model, { _id: 'lean', title: 't', outbox: [lean], audit: audit() }, { lean: true });
  const [a, b] = await Promise.all(['cast', 'lean'].map((id) => model.findById(id).lean()));
  expect(b).toMatchObject({ version: 1, outboxPending: true, title: 't' });
  expect(Object.keys(b!).sort()).toEqual(Object.keys(a!).sort());
  expect(Object.keys(b!.outbox[0]!).sort()).toEqual(Object.keys(a!.outbox[0]!).sort());
  expect(b!.outbox[0]).not.toHaveProperty('traceparent');
  expect(bytesOf(b!.outbox[0]!.payload).toString()).toBe('lean created');
  expect(b!.outbox[0]!.time).toEqual(lean.time);
  expect(verifyAuditChain(b!.audit)).toEqual({ ok: true });
  // and it takes the kit's updates like any other aggregate
  await updateAggregate<Widget>(model, { id: 'lean', expectedVersion: 1, set: { title: 'u' }, events: [], audit: [] });
  expect((await model.findById('lean').lean())!.version).toBe(2);
});

it('reports a duplicate id as the cast insert does, so insertAggregateOnce stays idempotent', async () => {
  const doc = { _id: 'twice', title: 't', outbox: [widgetEvent('twice', 'created')], audit: audit() };
  expect(await insertAggregateOnce<Widget>(model, doc, { lean: true })).toBe(true);
  expect(await insertAggregateOnce<Widget>(model, { ...doc, title: 'other' }, { lean: true })).toBe(false);
  expect((await model.findById('twice').lean())!.title).toBe('t');
});

it('is published and trimmed by the relay', async () => {
  const reader = await readTopic(env.kafkaBrokers, env.topicPrefix + topic, `${env.topicPrefix}reader`);
  const entries = Array.from({ length: 300 }, (_, i) => widgetEvent('bulk', `e${i}`));
  await insertAggregate<Widget>(model, { _id: 'bulk', title: 't', outbox: entries, audit: audit() }, { lean: true });
  const relay = createOutboxRelay({
    models: [model as never],
    publisher,
    logger,
    metrics: createMetrics('lean'),
    pollMs: 3600000,
  });
  relay.start();
  await relay.drain();
  await expectDelivered(reader, new Map(entries.map((e) => [e._id, `bulk ${e.type.split('.').at(-1)}`])));
  expect(await leftInOutboxes(model)).toEqual([]);
  await relay.stop();
  await reader.stop();
});
