import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { mongo as mongodb } from 'mongoose';
import { applyKafkajsIdleLoopFix } from '@gov/platform';
import { pino } from 'pino';
import { loadState, repoRoot, testRunLedger } from './infra';

/** Isolation for one test file: its own database and its own copy of every topic on the shared broker. */
export interface TestEnv {
  kafkaBrokers: string[];
  mongoUrl: string;
  dbName: string;
  topicPrefix: string;
  /** Environment for a service process started by the test. */
  serviceEnv(extra?: Record<string, string>): Record<string, string>;
}

export function testEnv(name: string): TestEnv {
  const state = loadState();
  const id = randomBytes(4).toString('hex');
  const safe = name.replace(/[^a-z0-9]/gi, '_').toLowerCase();
  const env: TestEnv = {
    kafkaBrokers: state.kafkaBrokers.split(','),
    mongoUrl: state.mongoUrl,
    dbName: `test_${safe}_${id}`,
    topicPrefix: `t${id}.`,
    serviceEnv: (extra = {}) => ({
      NODE_ENV: 'test',
      KAFKA_BROKERS: state.kafkaBrokers,
      MONGO_URL: state.mongoUrl,
      MONGO_DB: env.dbName,
      TOPIC_PREFIX: env.topicPrefix,
      LOG_LEVEL: 'warn',
      ...extra,
    }),
  };
  // a jest run on servers it did not start records what its files made, and its teardown removes them
  const ledger = testRunLedger();
  if (ledger) {
    mkdirSync(join(ledger, '..'), { recursive: true });
    appendFileSync(ledger, JSON.stringify({ topicPrefix: env.topicPrefix, dbName: env.dbName }) + '\n');
  }
  return env;
}

/**
 * Deletes the topics under the given prefixes and drops the given databases, on servers that outlive the caller
 * (the dev stack): the jest teardown for its run's test files, a benchmark for its own run. Others' are untouched.
 */
export async function removeTestResources(
  servers: { kafkaBrokers: string; mongoUrl: string },
  made: { topicPrefix: string; dbName: string }[],
): Promise<void> {
  const prefixes = made.map((m) => m.topicPrefix);
  const dbs = new Set(made.map((m) => m.dbName));
  const kafka = new Kafka({
    clientId: 'testkit-cleanup',
    brokers: servers.kafkaBrokers.split(','),
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  const client = new mongodb.MongoClient(servers.mongoUrl, { serverSelectionTimeoutMS: 5000 });
  try {
    await admin.connect();
    const topics = (await admin.listTopics()).filter((t) => prefixes.some((p) => t.startsWith(p)));
    for (let i = 0; i < topics.length; i += 200)
      await admin.deleteTopics({ topics: topics.slice(i, i + 200), timeout: 30000 });
    await client.connect();
    const { databases } = await client.db().admin().listDatabases({ nameOnly: true });
    // a stack of services names its databases after the env's (`<dbName>_credit`, e2e): those go too
    const ours = (name: string) => dbs.has(name) || [...dbs].some((db) => name.startsWith(`${db}_`));
    for (const d of databases) if (ours(d.name)) await client.db(d.name).dropDatabase();
  } finally {
    await admin.disconnect().catch(() => undefined);
    await client.close().catch(() => undefined);
  }
}

// tests use kafkajs directly too; without this every admin client spins an idle 1 ms timer
applyKafkajsIdleLoopFix();

interface TopicSpecJson {
  topics: { name: string; partitions: number }[];
}

/** Creates the file's private copy of every platform topic (pre-created: consumers must not race auto-creation). */
export async function createTestTopics(env: TestEnv, extra: string[] = []): Promise<void> {
  const spec = JSON.parse(readFileSync(join(repoRoot, 'packages/contracts/src/topics.json'), 'utf8')) as TopicSpecJson;
  const kafka = new Kafka({ clientId: 'testkit', brokers: env.kafkaBrokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const topics = [
    ...spec.topics.map((t) => ({ topic: env.topicPrefix + t.name, numPartitions: t.partitions })),
    ...extra.map((t) => ({ topic: env.topicPrefix + t, numPartitions: 1 })),
  ];
  try {
    await admin.createTopics({ waitForLeaders: true, topics }).catch(async (e: { type?: string }) => {
      // kafkajs gives up waiting for leaders when a just-started KRaft broker answers that it does not know
      // the topics yet (it has not applied their creation); they exist, so keep waiting for their leaders
      if (e.type !== 'UNKNOWN_TOPIC_OR_PARTITION') throw e;
      await waitFor(
        async () => {
          const meta = await admin.fetchTopicMetadata({ topics: topics.map((t) => t.topic) }).catch(() => undefined);
          return meta?.topics.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0));
        },
        { timeoutMs: 30000, intervalMs: 100, what: 'leaders of the test topics' },
      );
    });
  } finally {
    await admin.disconnect();
  }
}

/** A logger that stays quiet unless TEST_LOG is set. */
export const testLogger = () => pino({ level: process.env.TEST_LOG ?? 'silent' });

/** Polls until `fn` returns a truthy value; fails with the last value after the timeout. */
export async function waitFor<T>(
  fn: () => Promise<T> | T,
  opts: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + (opts.timeoutMs ?? 15000);
  let last: T | undefined;
  for (;;) {
    last = await fn();
    if (last) return last as NonNullable<T>;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${opts.what ?? 'condition'} (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 50));
  }
}
