import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Connection, Model } from 'mongoose';
import { createTestTopics, repoRoot, testEnv, testLogger, waitFor } from '@gov/testkit';
import { connectMongo, createEventPublisher, createKafka, createMetrics, createOutboxRelay } from '../src';
import { expectDelivered, leftInOutboxes, readTopic, topic, widgetModel, type Widget } from './fixtures/widgets';

// ARCHITECTURE §6, outbox without transactions: events live in the aggregate document until Kafka has
// acknowledged them, so a publisher that dies at any point loses none of them; at worst they are sent twice.
const env = testEnv('outbox-crash');
const logger = testLogger();
const fixture = join(__dirname, 'fixtures/crashing-publisher.js');
let conn: Connection;
let Widget: Model<Widget>;

interface ChildReport {
  signal: NodeJS.Signals | null;
  /** event id → payload text, for every event whose Mongo write was acknowledged */
  written: Map<string, string>;
  acked: string[];
}

/** Runs the crashing publisher in its own process and collects what it reported before it died. */
function runCrashingPublisher(dieAt: 'after-write' | 'after-ack', dbName: string): Promise<ChildReport> {
  const child = spawn(process.execPath, [fixture], {
    env: { ...env.serviceEnv({ MONGO_DB: dbName, WIDGETS: '20', DIE_AT: dieAt }), PATH: process.env.PATH ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (err += b.toString()));
  return new Promise((resolve) =>
    child.on('close', (_code, signal) => {
      const lines = out
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { written?: [string, string][]; acked?: string[]; error?: string });
      const failure = lines.find((l) => l.error)?.error;
      if (failure || signal !== 'SIGKILL') console.error('crashing publisher:', failure ?? err);
      resolve({
        signal,
        written: new Map(lines.flatMap((l) => l.written ?? [])),
        acked: lines.flatMap((l) => l.acked ?? []),
      });
    }),
  );
}

/** A relay started fresh in the test process, as a restarted service would start it. */
async function restartRelay(): Promise<void> {
  const kafka = createKafka({ brokers: env.kafkaBrokers, clientId: 'outbox-crash-test', logger });
  const publisher = createEventPublisher({ kafka, source: 'test/outbox-crash', topicPrefix: env.topicPrefix });
  await publisher.connect();
  const relay = createOutboxRelay({
    models: [Widget as never],
    publisher,
    logger,
    metrics: createMetrics('outbox-crash-test'),
    pollMs: 60000,
  });
  try {
    await relay.drain();
  } finally {
    await publisher.disconnect();
  }
}

beforeAll(async () => {
  // the child runs the built kit, so build it from the sources under test first
  execFileSync(join(repoRoot, 'node_modules/.bin/tsc'), ['-b', 'packages/platform'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  await createTestTopics(env);
}, 120000);

afterEach(async () => {
  await conn?.dropDatabase();
  await conn?.close();
});

describe('outbox relay after a publisher crash', () => {
  it('delivers every event of a publisher killed after its Mongo write and before any Kafka ack', async () => {
    const dbName = `${env.dbName}_write`;
    const child = await runCrashingPublisher('after-write', dbName);
    expect(child.signal).toBe('SIGKILL');
    expect(child.written.size).toBe(30);

    conn = await connectMongo({ url: env.mongoUrl, dbName, nodeEnv: 'test', logger });
    Widget = widgetModel(conn);
    // the crash left every widget's events waiting in its outbox
    expect(await Widget.countDocuments({ outboxPending: true })).toBe(20);

    const reader = await readTopic(env.kafkaBrokers, env.topicPrefix + topic, `${env.topicPrefix}reader-write`);
    try {
      await restartRelay();
      await expectDelivered(reader, child.written);
    } finally {
      await reader.stop();
    }
    expect(await leftInOutboxes(Widget)).toEqual([]);
  }, 60000);

  it('re-sends with the same ce_id what Kafka acknowledged when the publisher died before trimming the outbox', async () => {
    const dbName = `${env.dbName}_ack`;
    const child = await runCrashingPublisher('after-ack', dbName);
    expect(child.signal).toBe('SIGKILL');
    expect(child.written.size).toBe(30);
    // the whole backlog went out in one acknowledged batch, then the process died
    expect([...child.acked].sort()).toEqual([...child.written.keys()].sort());

    conn = await connectMongo({ url: env.mongoUrl, dbName, nodeEnv: 'test', logger });
    Widget = widgetModel(conn);
    expect(await Widget.countDocuments({ outboxPending: true })).toBe(20);

    const reader = await readTopic(env.kafkaBrokers, env.topicPrefix + topic, `${env.topicPrefix}reader-ack`);
    try {
      await restartRelay();
      await expectDelivered(reader, child.written);
      // the acknowledged copy and the re-sent one carry the same ce_id, which is what lets consumers drop one
      const twice = () => [...child.written.keys()].filter((id) => reader.seen.get(id) !== 2);
      await waitFor(() => twice().length === 0, { timeoutMs: 10000 }).catch(() => undefined);
      expect(twice()).toEqual([]);
    } finally {
      await reader.stop();
    }
    expect(await leftInOutboxes(Widget)).toEqual([]);
  }, 60000);
});
