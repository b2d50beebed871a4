// Credit benchmark (issue 5): rate 100,000 generated households through the batch import path, publish
// their events through the outbox relay, and compare the publish rate with a raw kafkajs producer sending the
// same number of same-sized messages in the same run. Writes bench/results/credit.json.
//
// Run with `npm run bench:credit` (builds, starts the local Kafka and FerretDB if needed, then this file).
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Kafka, logLevel } from 'kafkajs';
import { pino } from 'pino';
import { topics } from '@gov/contracts';
import {
  connectMongo,
  createEventPublisher,
  createIdempotencyStore,
  createKafka,
  createMetrics,
  createOutboxRelay,
  ensureIndexes,
  systemActor,
} from '@gov/platform';
import { wireCredit } from '../../services/credit/dist/wiring.js';
import { defaultLendingPolicy, policy2017v1 } from '../../services/credit/dist/domain/policy.js';
import { emptyCreditInfo, scoreHousehold } from '../../services/credit/dist/domain/rating.js';
import { withCheckDigit } from '../../services/credit/dist/domain/personal-data.js';

const N = Number(process.env.BENCH_HOUSEHOLDS ?? 100_000);
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:19092').split(',');
const mongoUrl = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27027/';
const out = (s: string) => process.stdout.write(`${s}\n`);
const seconds = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e9;

/** Deterministic generator (mulberry32) so every run rates the same population. */
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate(n: number) {
  const r = rng(20171433);
  const yes = (p: number) => r() < p;
  const fen = (maxYuan: number) => Math.floor(r() * maxYuan) * 100;
  const honours = ['NONE', 'VILLAGE', 'TOWNSHIP', 'DISTRICT_OR_ABOVE'] as const;
  return Array.from({ length: n }, (_, i) => ({
    sourceId: `gen-${i}`,
    household: {
      townshipId: `tw-${i % 12}`,
      villageId: `vg-${i % 240}`,
      villagerGroupId: `grp-${i % 2400}`,
      headName: '测试户',
      povertyStatus: yes(0.3) ? ('REGISTERED_POOR' as const) : ('NONE' as const),
    },
    idNumber: withCheckDigit(`41120219${String(60 + (i % 40)).padStart(2, '0')}${String(i).padStart(7, '0')}`),
    phone: `138${String(i).padStart(8, '0')}`,
    info: {
      ...emptyCreditInfo(),
      headIsPartyMember: yes(0.2),
      headHasJuniorCollegeOrAbove: yes(0.1),
      headHealthy: yes(0.8),
      anyMemberMilitaryService: yes(0.1),
      homesteadHouseAppraisedValueFen: fen(400_000),
      hasIncomeProject: yes(0.7),
      businessFixedPremises: yes(0.2),
      businessLawfullyRegistered: yes(0.2),
      businessScaleFen: fen(150_000),
      forestRightCertificate: yes(0.4),
      landContractCertificate: yes(0.7),
      homesteadCertificate: yes(0.6),
      registeredEquipmentValueFen: yes(0.3) ? [fen(150_000)] : [],
      highestHonorLevel: honours[Math.floor(r() * 4)]!,
      familyHarmonious: yes(0.8),
      neighbourHarmonious: yes(0.8),
      commercialInsuranceInForce: yes(0.3),
      historicalOverdueCount: yes(0.1) ? 1 : 0,
      externalGuaranteeTotalFen: yes(0.1) ? fen(400_000) : 0,
      currentOverdueOrNpl: yes(0.02),
    },
  }));
}

async function main() {
  const id = randomBytes(3).toString('hex');
  const logger = pino({ level: 'warn' });
  const kafka = createKafka({ brokers, clientId: `bench-credit-${id}`, logger });
  const prefix = `bench${id}.`;
  const rawTopic = `${prefix}bench.raw-producer.v1`;
  const admin = new Kafka({ clientId: 'bench-admin', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  await admin.createTopics({
    waitForLeaders: true,
    topics: [
      { topic: prefix + topics.credit, numPartitions: 6 },
      { topic: rawTopic, numPartitions: 6 },
    ],
  });

  const conn = await connectMongo({ url: mongoUrl, dbName: `bench_credit_${id}`, nodeEnv: 'development', logger });
  const publisher = createEventPublisher({ kafka, source: '/gov/credit', topicPrefix: prefix });
  await publisher.connect();
  const relays: { imports?: ReturnType<typeof createOutboxRelay> } = {};
  const credit = wireCredit({
    mongo: conn,
    idempotency: createIdempotencyStore(conn),
    clock: { now: () => new Date() },
    handoff: () => undefined,
    importNudge: () => relays.imports?.nudge(),
    importHandoff: (model, h) => relays.imports?.handoff(model, h),
    piiKey: Buffer.alloc(32, 3).toString('base64'),
    ratingPolicyVersion: '2017-33-v1',
    aaaPlusIncludes100: false,
    lending: defaultLendingPolicy,
  });
  await ensureIndexes(conn);

  out(`generating ${N} households`);
  const rows = generate(N);
  let t0 = process.hrtime.bigint();
  const grades: Record<string, number> = {};
  for (const r of rows) {
    const g = scoreHousehold(r.info, r.household.povertyStatus, policy2017v1).grade;
    grades[g] = (grades[g] ?? 0) + 1;
  }
  const computeSeconds = seconds(t0);
  out(`pure scoring: ${computeSeconds.toFixed(3)} s`);

  // the service's own set-up: an import relay fed by handoff (no read-back), polling only as a fallback
  const relay = createOutboxRelay({
    models: credit.importModels as never[],
    publisher,
    logger,
    metrics: createMetrics('bench_credit'),
    pollMs: 5_000,
    batchSize: 4,
  });
  relay.start();
  relays.imports = relay;
  const onTopic = async () =>
    (await admin.fetchTopicOffsets(prefix + topics.credit)).reduce((s, p) => s + Number(p.high), 0);
  let firstSeen: bigint | undefined;
  let stopWatch = false;
  const watcher = (async () => {
    while (!stopWatch && !firstSeen) {
      if ((await onTopic()) > 0) firstSeen = process.hrtime.bigint();
      await new Promise((r) => setTimeout(r, 50));
    }
  })();

  t0 = process.hrtime.bigint();
  const imported = await credit.importHouseholds(`bench-${id}`, rows, systemActor);
  const ratingSeconds = seconds(t0);
  out(
    `import path (validate + rate + store households, PII and outbox): ${ratingSeconds.toFixed(2)} s, ${imported.inserted} new`,
  );
  const importDone = process.hrtime.bigint();
  while ((await onTopic()) < N) await new Promise((r) => setTimeout(r, 50));
  const lastSeen = process.hrtime.bigint();
  stopWatch = true;
  await watcher;
  await relay.stop();
  const published = await onTopic();
  const endToEndSeconds = seconds(t0);
  const publishSeconds = Number(lastSeen - (firstSeen ?? t0)) / 1e9;
  const lagSeconds = Number(lastSeen - importDone) / 1e9;
  out(
    `relay (handoff): ${published} events on the topic, ${publishSeconds.toFixed(2)} s from first to last, ${lagSeconds.toFixed(2)} s after the import`,
  );

  // the same messages again, for the raw producer: keys, payloads and headers as the relay sent them
  const sent = new Kafka({ clientId: 'bench-read', brokers, logLevel: logLevel.NOTHING }).consumer({
    groupId: `bench-read-${id}`,
  });
  const entries: { key: string; value: Buffer; headers: Record<string, string> }[] = [];
  await sent.connect();
  await sent.subscribe({ topic: prefix + topics.credit, fromBeginning: true });
  await sent.run({
    eachBatch: async ({ batch }) => {
      for (const m of batch.messages)
        entries.push({
          key: m.key!.toString(),
          value: m.value!,
          headers: Object.fromEntries(Object.entries(m.headers ?? {}).map(([k, v]) => [k, String(v)])),
        });
    },
  });
  while (entries.length < published) await new Promise((r) => setTimeout(r, 100));
  await sent.disconnect();
  const avgBytes = entries.reduce((s, e) => s + e.value.length, 0) / entries.length;

  const raw = new Kafka({ clientId: 'bench-raw', brokers, logLevel: logLevel.NOTHING }).producer();
  await raw.connect();
  const messages = entries.map((e) => ({ key: e.key, value: e.value, headers: e.headers }));
  // the relay's own bound per send (packages/platform event-publisher), so both sides batch alike
  const perSend = 2000;
  t0 = process.hrtime.bigint();
  for (let i = 0; i < messages.length; i += perSend)
    await raw.sendBatch({ acks: -1, topicMessages: [{ topic: rawTopic, messages: messages.slice(i, i + perSend) }] });
  const rawSeconds = seconds(t0);
  await raw.disconnect();

  const publishRate = published / publishSeconds;
  const rawRate = messages.length / rawSeconds;
  const result = {
    households: N,
    rating_seconds: +ratingSeconds.toFixed(3),
    households_per_s: Math.round(N / ratingSeconds),
    publish_rate: Math.round(publishRate),
    raw_producer_rate: Math.round(rawRate),
    publish_ratio: +(publishRate / rawRate).toFixed(3),
    end_to_end_seconds: +endToEndSeconds.toFixed(3),
    publish_seconds: +publishSeconds.toFixed(3),
    publish_lag_after_import_seconds: +lagSeconds.toFixed(3),
    raw_producer_seconds: +rawSeconds.toFixed(3),
    pure_scoring_seconds: +computeSeconds.toFixed(3),
    events_on_topic: published,
    avg_payload_bytes: Math.round(avgBytes),
    grade_distribution: grades,
    notes: [
      'rating_seconds: the whole batch import path — validate, score, encrypt PII, insert households, PII and the import-chunk outboxes (1000 households per chunk) on FerretDB v1 (PostgreSQL backend, one connection).',
      'publish_rate: events / seconds between the first and the last event reaching the topic, published by the kit outbox relay through handoff (entries sent from memory right after each chunk write, idempotent producer, acks=all, one request in flight, then the chunk outbox cleared) while the import runs; it cannot exceed the rate the import writes chunks.',
      'raw_producer_rate: a default kafkajs producer sending the same keys, payloads and CloudEvents headers, 2000 per sendBatch (the same bound as the relay), acks=all, in the same run on the same broker.',
    ],
    machine: {
      cpus: 2,
      node: process.version,
      kafka: '3.9.x KRaft single node',
      store: `FerretDB v1.24 (${process.env.FERRETDB_BACKEND ?? 'postgresql'} backend)`,
    },
    measured_at: new Date().toISOString(),
  };
  mkdirSync(new URL('../results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('../results/credit.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
  out(JSON.stringify(result, null, 2));

  await admin.deleteTopics({ topics: [prefix + topics.credit, rawTopic] }).catch(() => undefined);
  await admin.disconnect();
  await publisher.disconnect();
  await conn.dropDatabase();
  await conn.close();
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
