// Creates every topic in packages/contracts/topics.json that does not exist yet, waiting for leaders.
// Reads KAFKA_BROKERS; an optional TOPIC_PREFIX makes a private copy of each topic (used by tests).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { Kafka, logLevel } = require('kafkajs');

const spec = JSON.parse(readFileSync(new URL('../../packages/contracts/src/topics.json', import.meta.url), 'utf8'));
const prefix = process.env.TOPIC_PREFIX ?? '';
const kafka = new Kafka({
  clientId: 'create-topics',
  brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:19092').split(','),
  logLevel: logLevel.NOTHING,
  retry: { retries: 10, initialRetryTime: 200 },
});
const admin = kafka.admin();
await admin.connect();
const existing = new Set(await admin.listTopics());
const wanted = spec.topics
  .filter((t) => !existing.has(prefix + t.name))
  .map((t) => ({
    topic: prefix + t.name,
    numPartitions: t.partitions,
    replicationFactor: 1,
    configEntries: [{ name: 'retention.ms', value: String(t.retentionMs) }],
  }));
if (wanted.length > 0) await admin.createTopics({ topics: wanted, waitForLeaders: true });
await admin.disconnect();
console.error(`[infra] topics: ${wanted.length} created, ${spec.topics.length - wanted.length} already there`);
