import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
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
  MalformedEventError,
  toKafkaHeaders,
  type EventConsumer,
  type InboundEvent,
  type Parking,
} from '../src';
import { topic } from './fixtures/widgets';

// ARCHITECTURE §6 and the consumer's contract: a message that cannot be handled is parked with a stable
// reason, is not retried forever, and does not hold up the messages behind it on its partition.
const env = testEnv('parking');
const logger = testLogger();
const groupId = `${env.topicPrefix}parking`;
const maxAttempts = 3;
let conn: Connection;
let parking: Parking;
let consumer: EventConsumer;
/** How often the always-failing handler ran. */
let attempts = 0;

/** A decoder in the style of the services: anything that is not the expected shape is malformed. */
function decodeNote(payload: Buffer): { text: string } {
  try {
    const v = JSON.parse(payload.toString('utf8')) as { text?: unknown };
    if (typeof v.text === 'string') return { text: v.text };
  } catch {
    // fall through: not JSON at all
  }
  throw new MalformedEventError('note payload is not {"text": string}');
}

const noted = 'gov.test.note.added';
const failing = 'gov.test.note.rejected';
const headers = (type: string, id = randomUUID()) =>
  toKafkaHeaders({ id, type, source: 'test/parking', time: new Date().toISOString() });

beforeAll(async () => {
  await createTestTopics(env);
  conn = await connectMongo({ url: env.mongoUrl, dbName: env.dbName, nodeEnv: 'test', logger });
  parking = createParking(conn);
  const inbox = createInbox(conn);
  await ensureIndexes(conn);
  const notes = conn.collection<{ _id: string; text: string }>('notes');
  consumer = createEventConsumer({
    kafka: createKafka({ brokers: env.kafkaBrokers, clientId: 'parking-test', logger }),
    // the kit prefixes the group like the topics; `groupId` above is the resulting name
    groupId: 'parking',
    topics: [topic],
    topicPrefix: env.topicPrefix,
    handlers: {
      [noted]: async (e: InboundEvent) => {
        const note = decodeNote(e.payload);
        await notes.updateOne({ _id: e.id }, { $set: { text: note.text } }, { upsert: true });
      },
      [failing]: async () => {
        attempts++;
        throw new Error('downstream keeps refusing');
      },
    },
    inbox,
    parking,
    logger,
    metrics: createMetrics('parking-test'),
    maxAttempts,
    retryDelayMs: 10,
  });
  await consumer.start();
}, 60000);

afterAll(async () => {
  await consumer?.stop();
  await conn?.dropDatabase();
  await conn?.close();
});

describe('event consumer parking', () => {
  it('parks malformed and failing messages with their reason and goes on to the valid one behind them', async () => {
    const producer = new Kafka({
      clientId: 'parking-test',
      brokers: env.kafkaBrokers,
      logLevel: logLevel.NOTHING,
    }).producer();
    await producer.connect();
    const valid = randomUUID();
    // one key, so all four land on one partition in this order and (d) can only be reached past (a)-(c)
    const key = 'note-1';
    await producer.send({
      topic: env.topicPrefix + topic,
      messages: [
        { key, value: Buffer.from('{"text":"no headers"}'), headers: { 'content-type': 'application/json' } }, // (a)
        { key, value: Buffer.from('not json'), headers: headers(noted) }, // (b)
        { key, value: Buffer.from('{"text":"never accepted"}'), headers: headers(failing) }, // (c)
        { key, value: Buffer.from('{"text":"fine"}'), headers: headers(noted, valid) }, // (d)
      ],
    });
    await producer.disconnect();

    const note = await waitFor(() => conn.collection('notes').findOne({ _id: valid as never }), {
      what: 'the valid note',
    });
    expect(note.text).toBe('fine');

    const parked = (await parking.list(groupId)).sort((x, y) => Number(x.offset) - Number(y.offset));
    expect(parked.map((p) => p.reason)).toEqual(['MISSING_CE_HEADERS', 'MALFORMED_PAYLOAD', 'HANDLER_FAILED']);
    // the parked record keeps what an operator needs to inspect and replay it
    expect(parked[0]?.error).toMatch(/ce_id/);
    expect(parked[1]?.error).toMatch(/not \{"text": string\}/);
    expect(parked[2]?.error).toBe('downstream keeps refusing');
    expect(parked[1]?.payload?.toString('utf8')).toBe('not json');
    expect(parked[0]?.headers).toEqual({ 'content-type': 'application/json' });
    expect(attempts).toBe(maxAttempts);
    expect(consumer.isHealthy()).toBe(true);
  });

  it('commits past parked messages, so a restarted consumer does not meet them again', async () => {
    const admin = new Kafka({
      clientId: 'parking-test',
      brokers: env.kafkaBrokers,
      logLevel: logLevel.NOTHING,
    }).admin();
    await admin.connect();
    try {
      const committed = async () => {
        const [t] = await admin.fetchOffsets({ groupId, topics: [env.topicPrefix + topic] });
        return t?.partitions.reduce((sum, p) => sum + Math.max(Number(p.offset), 0), 0);
      };
      await waitFor(async () => (await committed()) === 4, { what: 'offsets committed past all four messages' });
    } finally {
      await admin.disconnect();
    }
    expect(attempts).toBe(maxAttempts);
  });
});
