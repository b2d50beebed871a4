import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import type { Connection } from 'mongoose';
import { createTestTopics, testEnv, testLogger, waitFor, type TestEnv } from '@gov/testkit';
import {
  connectMongo,
  createEventConsumer,
  createInbox,
  createKafka,
  createMetrics,
  createParking,
  toKafkaHeaders,
  type EventConsumer,
} from '../src';
import { topic } from './fixtures/widgets';

// Two stacks on one broker (a test run beside the dev stack) use the same consumer group NAMES. The kit must
// keep their groups apart, or Kafka assigns one stack's partitions to the other's process and events vanish.
const a = testEnv('isolation-a');
const b = testEnv('isolation-b');
const logger = testLogger();
const type = 'gov.test.isolation.seen';
let conn: Connection;
const consumers: EventConsumer[] = [];
const seen: Record<string, string[]> = { a: [], b: [] };

async function start(name: 'a' | 'b', env: TestEnv): Promise<void> {
  const c = createEventConsumer({
    kafka: createKafka({ brokers: env.kafkaBrokers, clientId: `isolation-${name}`, logger }),
    groupId: 'same-name-in-both-stacks',
    topics: [topic],
    topicPrefix: env.topicPrefix,
    handlers: { [type]: async (e) => void seen[name]!.push(e.id) },
    inbox: createInbox(conn),
    parking: createParking(conn),
    logger,
    metrics: createMetrics(`isolation-${name}`),
  });
  consumers.push(c);
  await c.start();
}

beforeAll(async () => {
  await createTestTopics(a);
  await createTestTopics(b);
  conn = await connectMongo({ url: a.mongoUrl, dbName: a.dbName, nodeEnv: 'test', logger });
  await start('a', a);
  await start('b', b);
});

afterAll(async () => {
  await Promise.all(consumers.map((c) => c.stop()));
  await conn.dropDatabase();
  await conn.close();
});

it('delivers each stack its own events when both use the same group name', async () => {
  const kafka = new Kafka({ brokers: a.kafkaBrokers, logLevel: logLevel.NOTHING });
  const producer = kafka.producer();
  await producer.connect();
  const ids = { a: [randomUUID(), randomUUID()], b: [randomUUID(), randomUUID()] };
  for (const [name, env] of [
    ['a', a],
    ['b', b],
  ] as const)
    for (const id of ids[name])
      await producer.send({
        topic: env.topicPrefix + topic,
        messages: [
          {
            key: id,
            value: Buffer.from('x'),
            headers: toKafkaHeaders({ id, type, source: 'test', time: new Date().toISOString() }),
          },
        ],
      });
  await producer.disconnect();
  await waitFor(() => seen.a!.length >= 2 && seen.b!.length >= 2, { what: 'both stacks to receive their events' });
  expect(seen.a!.sort()).toEqual(ids.a.sort());
  expect(seen.b!.sort()).toEqual(ids.b.sort());
});
