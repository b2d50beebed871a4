import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import type { Connection, Model } from 'mongoose';
import { createTestTopics, repoRoot, testEnv, testLogger, waitFor, type TestEnv } from '@gov/testkit';
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
  type Metrics,
  type OutboxRelay,
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

// ARCHITECTURE §6: the relay keeps events in the outbox until Kafka acknowledged them and polls to recover,
// so a broker that dies and comes back while aggregates are being written loses nothing.
// This file runs its own broker (and Mongo-wire server) so the shared ones are never disturbed.
const runDir = join(repoRoot, '.run/broker-restart');
const ports = { KAFKA_PORT: '19192', KAFKA_CONTROLLER_PORT: '19193', MONGO_PORT: '27127', GOV_RUN_DIR: runDir };
const env: TestEnv = {
  ...testEnv('broker-restart'),
  kafkaBrokers: [`127.0.0.1:${ports.KAFKA_PORT}`],
  mongoUrl: `mongodb://127.0.0.1:${ports.MONGO_PORT}`,
};
const logger = testLogger();

/** Runs scripts/infra/<script> against the private servers; never against the shared ones. */
async function infra(script: 'up.sh' | 'down.sh', ...args: string[]): Promise<void> {
  const vars: NodeJS.ProcessEnv = { ...process.env, ...ports };
  // global setup exported the shared servers' addresses; env.sh would otherwise create topics there
  delete vars.KAFKA_BROKERS;
  delete vars.MONGO_URL;
  await promisify(execFile)('bash', [join(repoRoot, 'scripts/infra', script), ...args], { env: vars });
}

let conn: Connection;
let Widget: Model<Widget>;
let publisher: EventPublisher;
let relay: OutboxRelay;
let metrics: Metrics;

const published = async () => (await metrics.eventsPublished.get()).values.reduce((sum, v) => sum + v.value, 0);

beforeAll(async () => {
  await infra('down.sh', '--wipe'); // leftovers of an aborted run
  rmSync(runDir, { recursive: true, force: true });
  await infra('up.sh');
  await createTestTopics(env);
  conn = await connectMongo({ url: env.mongoUrl, dbName: env.dbName, nodeEnv: 'test', logger });
  Widget = widgetModel(conn);
  await ensureIndexes(conn);
  metrics = createMetrics('broker-restart-test');
  publisher = createEventPublisher({
    kafka: createKafka({ brokers: env.kafkaBrokers, clientId: 'broker-restart-test', logger }),
    source: 'test/broker-restart',
    topicPrefix: env.topicPrefix,
  });
  await publisher.connect();
  relay = createOutboxRelay({ models: [Widget as never], publisher, logger, metrics, pollMs: 200 });
  relay.start();
}, 120000);

afterAll(async () => {
  await relay?.stop();
  await publisher?.disconnect().catch(() => undefined);
  await conn?.close();
  await infra('down.sh', '--wipe');
  rmSync(runDir, { recursive: true, force: true });
}, 60000);

describe('outbox relay across a broker restart', () => {
  it('delivers every event written before, during and after the broker was killed and restarted', async () => {
    // event id → payload text, for every write Mongo acknowledged
    const written = new Map<string, string>();
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        const id = `w-${i}`;
        const created = widgetEvent(id, 'created');
        await insertAggregate(Widget, { _id: id, title: `widget ${i}`, outbox: [created], audit: [] });
        written.set(created._id, `${id} created`);
        if (i > 0) {
          // also change the previous widget, which the relay may be trimming at this very moment
          const prev = `w-${i - 1}`;
          const { version } = (await Widget.findById(prev).select({ version: 1 }).lean())!;
          const renamed = widgetEvent(prev, `renamed-${version}`);
          await updateAggregate(Widget, {
            id: prev,
            expectedVersion: version,
            set: { title: 'renamed' },
            events: [renamed],
            audit: [],
          });
          written.set(renamed._id, `${prev} renamed-${version}`);
        }
        relay.nudge();
        await sleep(25);
      }
    })();

    // the relay is delivering before the crash
    await waitFor(async () => (await published()) >= 20, { what: 'events published before the crash' });
    process.kill(Number(readFileSync(join(runDir, 'kafka.pid'), 'utf8')), 'SIGKILL');
    const atKill = written.size;
    const publishedAtKill = await published();
    await sleep(2000);
    // while the broker is down, writes go on and their events wait in the outboxes
    expect(await Widget.countDocuments({ outboxPending: true })).toBeGreaterThan(0);
    await infra('up.sh', 'kafka');
    expect(written.size).toBeGreaterThan(atKill);
    await sleep(1000);
    writing = false;
    await writer;

    await waitFor(async () => (await Widget.countDocuments({ outboxPending: true })) === 0, {
      timeoutMs: 60000,
      intervalMs: 200,
      what: 'the relay to empty every outbox',
    });
    expect(await published()).toBeGreaterThan(publishedAtKill);
    const reader = await readTopic(env.kafkaBrokers, env.topicPrefix + topic, `${env.topicPrefix}reader`);
    try {
      await expectDelivered(reader, written, 30000);
    } finally {
      await reader.stop();
    }
    expect(await leftInOutboxes(Widget)).toEqual([]);
  }, 180000);
});
