// Credit benchmark (issue 5): rate 100,000 generated households through the batch import path, publish
// their events through the outbox relay, and compare the publish rate with a raw kafkajs producer sending the
// same number of same-sized messages in the same run. Writes bench/results/credit.json.
//
// Run with `npm run bench:credit` (builds, starts the local Kafka and FerretDB if needed, then this file).
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
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
  insertAggregate,
  nextAuditEntry,
  systemActor,
  type OutboxEntry,
} from '@gov/platform';
import { wireCredit } from '../../services/credit/dist/wiring.js';
import { defaultLendingPolicy, policy2017v1 } from '../../services/credit/dist/domain/policy.js';
import { emptyCreditInfo, scoreHousehold } from '../../services/credit/dist/domain/rating.js';
import { withCheckDigit } from '../../services/credit/dist/domain/personal-data.js';

const N = Number(process.env.BENCH_HOUSEHOLDS ?? 100_000);
// the service's defaults (services/credit/src/config.ts: IMPORT_POOL_SIZE, IMPORT_CHUNKS_IN_FLIGHT)
const importPool = Number(process.env.BENCH_IMPORT_POOL ?? 4);
const chunksInFlight = Number(process.env.BENCH_CHUNKS_IN_FLIGHT ?? 3);
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
  // the relay on its own publishes the same events again, to topics of their own so the import's topic keeps one
  // event per household
  const pollPrefix = `bench${id}p.`;
  const handoffPrefix = `bench${id}h.`;
  const rawTopic = `${prefix}bench.raw-producer.v1`;
  const admin = new Kafka({ clientId: 'bench-admin', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  const benchTopics = [prefix, pollPrefix, handoffPrefix].map((p) => p + topics.credit).concat(rawTopic);
  await admin.createTopics({ waitForLeaders: true, topics: benchTopics.map((topic) => ({ topic, numPartitions: 6 })) });
  const onTopic = async (topic: string) =>
    (await admin.fetchTopicOffsets(topic)).reduce((s, p) => s + Number(p.high), 0);

  const dbName = `bench_credit_${id}`;
  const conn = await connectMongo({ url: mongoUrl, dbName, nodeEnv: 'development', logger });
  // as services/credit/src/main.ts: the import's inserts on an insert-only pool, every update on `conn`
  const importConn =
    importPool > 0
      ? await connectMongo({ url: mongoUrl, dbName, nodeEnv: 'development', logger, insertOnlyPool: importPool })
      : undefined;
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
    importMongo: importConn,
    importChunksInFlight: chunksInFlight,
    piiKey: Buffer.alloc(32, 3).toString('base64'),
    ratingPolicyVersion: '2017-33-v1',
    aaaPlusIncludes100: false,
    lending: defaultLendingPolicy,
    riskFundCapitalApprovedBy: 'bench',
  });
  await ensureIndexes(conn);
  const chunkModel = credit.importModels[0]! as never;
  const relayFor = (p: ReturnType<typeof createEventPublisher>, name: string) =>
    createOutboxRelay({
      models: [chunkModel],
      publisher: p,
      logger,
      metrics: createMetrics(`bench_credit_${name}`),
      pollMs: 3_600_000,
      batchSize: 4,
    });

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

  // 1. the import as the service runs it: an import relay fed by handoff (no read-back), polling only as a fallback
  const relay = createOutboxRelay({
    models: [chunkModel],
    publisher,
    logger,
    metrics: createMetrics('bench_credit'),
    pollMs: 5_000,
    batchSize: 4,
  });
  relay.start();
  relays.imports = relay;
  let firstSeen: bigint | undefined;
  let stopWatch = false;
  const watcher = (async () => {
    while (!stopWatch && !firstSeen) {
      if ((await onTopic(prefix + topics.credit)) > 0) firstSeen = process.hrtime.bigint();
      await new Promise((r) => setTimeout(r, 50));
    }
  })();

  t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const imported = await credit.importHouseholds(`bench-${id}`, rows, systemActor);
  const ratingSeconds = seconds(t0);
  const importCpu = process.cpuUsage(cpu0);
  out(
    `import path (validate + rate + store households, PII and outbox): ${ratingSeconds.toFixed(2)} s, ${imported.inserted} new`,
  );
  const importDone = process.hrtime.bigint();
  while ((await onTopic(prefix + topics.credit)) < N) await new Promise((r) => setTimeout(r, 50));
  const lastSeen = process.hrtime.bigint();
  stopWatch = true;
  await watcher;
  await relay.stop();
  const published = await onTopic(prefix + topics.credit);
  const endToEndSeconds = seconds(t0);
  const duringImportSeconds = Number(lastSeen - (firstSeen ?? t0)) / 1e9;
  const lagSeconds = Number(lastSeen - importDone) / 1e9;
  const pendingAfterImport = await credit.importModels[0]!.countDocuments({ outboxPending: true } as never);
  out(
    `relay (handoff): ${published} events on the topic, ${duringImportSeconds.toFixed(2)} s from first to last, ${lagSeconds.toFixed(2)} s after the import; ${pendingAfterImport} chunk outboxes left`,
  );

  // the same messages again, for the raw producer and the relay on its own: keys, payloads and headers as sent
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
  // exactly once per household: no event missing, none sent twice, every chunk outbox cleared
  const distinct = new Set(entries.map((e) => e.headers.ce_id)).size;
  if (published !== N || distinct !== N || pendingAfterImport !== 0)
    throw new Error(`import published ${published} events (${distinct} distinct) for ${N}; ${pendingAfterImport} left`);
  const avgBytes = entries.reduce((s, e) => s + e.value.length, 0) / entries.length;

  // 2. a raw kafkajs producer, the relay's own bound per send (packages/platform event-publisher), acks=all
  const raw = new Kafka({ clientId: 'bench-raw', brokers, logLevel: logLevel.NOTHING }).producer();
  await raw.connect();
  const messages = entries.map((e) => ({ key: e.key, value: e.value, headers: e.headers }));
  const perSend = 2000;
  t0 = process.hrtime.bigint();
  for (let i = 0; i < messages.length; i += perSend)
    await raw.sendBatch({ acks: -1, topicMessages: [{ topic: rawTopic, messages: messages.slice(i, i + perSend) }] });
  const rawSeconds = seconds(t0);
  await raw.disconnect();

  // 3. the relay on its own: the same events as a stored backlog of import chunks (1000 entries each, written
  // untimed with the kit's insertAggregate), published by a relay of the kit from the store to the topic
  const asEntries: OutboxEntry[] = entries.map((e) => ({
    _id: e.headers.ce_id!,
    topic: topics.credit,
    key: e.key,
    type: e.headers.ce_type!,
    payload: e.value,
    time: new Date(e.headers.ce_time!),
  }));
  const backlog = async (tag: string) => {
    const written: { id: string; entries: OutboxEntry[] }[] = [];
    for (let i = 0; i < asEntries.length; i += 1000) {
      const chunk = { id: `${tag}-${i}`, entries: asEntries.slice(i, i + 1000) };
      const audit = [nextAuditEntry(undefined, { action: 'bench.backlog', actor: systemActor, at: new Date() })];
      await insertAggregate(chunkModel, { _id: chunk.id, outbox: chunk.entries, audit } as never, { lean: true });
      written.push(chunk);
    }
    return written;
  };
  const relayAlone = async (mode: 'poll' | 'handoff') => {
    const chunks = await backlog(mode);
    const p = createEventPublisher({
      kafka,
      source: '/gov/credit',
      topicPrefix: mode === 'poll' ? pollPrefix : handoffPrefix,
    });
    await p.connect();
    const r = relayFor(p, mode);
    const start = process.hrtime.bigint();
    if (mode === 'poll') {
      // the recovery path: read 4 chunks, send, clear, until nothing is pending
      r.start();
    } else {
      // the normal path: every chunk handed over at once, as if its writer had just written it
      r.start();
      for (const c of chunks) r.handoff(chunkModel, { id: c.id, version: 1, entries: c.entries });
    }
    await r.drain();
    const secondsTaken = seconds(start);
    await r.stop();
    await p.disconnect();
    const left = await credit.importModels[0]!.countDocuments({ outboxPending: true } as never);
    const onIt = await onTopic((mode === 'poll' ? pollPrefix : handoffPrefix) + topics.credit);
    out(`relay alone (${mode}): ${onIt} events in ${secondsTaken.toFixed(2)} s, ${left} chunk outboxes left`);
    if (left !== 0 || onIt !== asEntries.length) throw new Error(`relay alone (${mode}) did not publish everything`);
    return secondsTaken;
  };
  const pollSeconds = await relayAlone('poll');
  const handoffSeconds = await relayAlone('handoff');

  const rawRate = messages.length / rawSeconds;
  const pollRate = asEntries.length / pollSeconds;
  const handoffRate = asEntries.length / handoffSeconds;
  const duringImportRate = published / duringImportSeconds;
  const result = {
    households: N,
    rating_seconds: +ratingSeconds.toFixed(3),
    households_per_s: Math.round(N / ratingSeconds),
    publish_rate: Math.round(pollRate),
    raw_producer_rate: Math.round(rawRate),
    publish_ratio: +(pollRate / rawRate).toFixed(3),
    publish_seconds: +pollSeconds.toFixed(3),
    handoff_publish_rate: Math.round(handoffRate),
    handoff_publish_ratio: +(handoffRate / rawRate).toFixed(3),
    handoff_publish_seconds: +handoffSeconds.toFixed(3),
    publish_rate_during_import: Math.round(duringImportRate),
    publish_ratio_during_import: +(duringImportRate / rawRate).toFixed(3),
    publish_seconds_during_import: +duringImportSeconds.toFixed(3),
    publish_lag_after_import_seconds: +lagSeconds.toFixed(3),
    end_to_end_seconds: +endToEndSeconds.toFixed(3),
    raw_producer_seconds: +rawSeconds.toFixed(3),
    pure_scoring_seconds: +computeSeconds.toFixed(3),
    import_node_cpu_seconds: +((importCpu.user + importCpu.system) / 1e6).toFixed(2),
    events_on_topic: published,
    avg_payload_bytes: Math.round(avgBytes),
    grade_distribution: grades,
    settings: { import_pool: importPool, chunks_in_flight: chunksInFlight, chunk_size: 1000, relay_batch: 4 },
    notes: [
      `rating_seconds: the whole batch import path — validate, score, encrypt PII, insert households and PII, then one import-chunk aggregate carrying the chunk's 1000 events in its outbox — on FerretDB v1 (${process.env.FERRETDB_BACKEND ?? 'postgresql'} backend); inserts on an insert-only pool of ${importPool} connections with ${chunksInFlight} chunks in flight; the relay's updates on the one main connection.`,
      'publish_rate: the kit outbox relay on its own, draining a stored backlog of the same events (100 import chunks × 1000, written untimed): read 4 chunks, send (idempotent producer, acks=all, one request in flight), clear the outboxes, until nothing is pending; timed from start to the last outbox cleared. This is the relay path that does everything itself (the recovery path).',
      'handoff_publish_rate: the same backlog handed to the relay as writers hand it over (sent from memory, no read-back), timed until every outbox is cleared (each outbox trimmed after Kafka acknowledged its entries, one trim at a time on the main connection).',
      'publish_rate_during_import: events / seconds between the first and the last event reaching the topic while the import runs (handoff); bounded by the import, not the relay (see publish_lag_after_import_seconds).',
      'raw_producer_rate: a default kafkajs producer sending the same keys, payloads and CloudEvents headers, 2000 per sendBatch (the same bound as the relay), acks=all, in the same run on the same broker.',
      'The machine has 2 cores shared with Kafka, FerretDB, PostgreSQL and other work running at the same time.',
    ],
    machine: {
      cpus: availableParallelism(),
      node: process.version,
      kafka: '3.9.x KRaft single node',
      store: `FerretDB v1.24 (${process.env.FERRETDB_BACKEND ?? 'postgresql'} backend)`,
    },
    measured_at: new Date().toISOString(),
  };
  mkdirSync(new URL('../results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('../results/credit.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
  out(JSON.stringify(result, null, 2));

  await admin.deleteTopics({ topics: benchTopics }).catch(() => undefined);
  await admin.disconnect();
  await publisher.disconnect();
  await conn.dropDatabase();
  await importConn?.close();
  await conn.close();
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
