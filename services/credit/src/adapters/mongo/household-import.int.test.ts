import type { Connection } from 'mongoose';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { creditEventTypes, topics } from '@gov/contracts';
import { createTestTopics, testEnv, testLogger, waitFor } from '@gov/testkit';
import {
  connectMongo,
  createEventPublisher,
  createKafka,
  createMetrics,
  createOutboxRelay,
  ensureIndexes,
  fromKafkaHeaders,
  systemActor,
  verifyAuditChain,
  type AuditEntry,
  type EventPublisher,
  type OutboxRelay,
} from '@gov/platform';
import { createCheckPlacement } from '../../app/check-placement';
import { createImportHouseholds, type ImportRow } from '../../app/import-households';
import { withCheckDigit } from '../../domain/personal-data';
import { policy2017v1 } from '../../domain/policy';
import { emptyCreditInfo } from '../../domain/rating';
import { createPiiCipher } from '../crypto/pii-cipher';
import { createHouseholdRepository } from './credit.repositories';
import { createVillageRepository, createVillagerGroupRepository } from './geography.repositories';

// The batch import as bench/credit and main.ts run it: inserts on an insert-only pool with several chunks in flight,
// the relay's trims on the one main connection. Real store, real broker.
const env = testEnv('credit-household-import');
const logger = testLogger();
let conn: Connection;
let pool: Connection;
let publisher: EventPublisher;
let relay: OutboxRelay;
let reader: Consumer;
const seen = new Map<string, number>();
const cipher = createPiiCipher(Buffer.alloc(32, 5).toString('base64'));

const row = (i: number): ImportRow => ({
  sourceId: `src-${i}`,
  household: {
    townshipId: 'tw-p',
    villageId: `vg-p-${i % 3}`,
    villagerGroupId: 'g',
    headName: '周',
    povertyStatus: i % 2 === 0 ? 'REGISTERED_POOR' : 'NONE',
  },
  idNumber: withCheckDigit(`41120219800${String(100000 + i).padStart(6, '0')}`),
  phone: `1390000${String(i).padStart(4, '0')}`,
  info: { ...emptyCreditInfo(), hasIncomeProject: true },
});

beforeAll(async () => {
  await createTestTopics(env);
  conn = await connectMongo({ url: env.mongoUrl, dbName: env.dbName, nodeEnv: 'test', logger });
  pool = await connectMongo({ url: env.mongoUrl, dbName: env.dbName, nodeEnv: 'test', logger, insertOnlyPool: 3 });
  publisher = createEventPublisher({
    kafka: createKafka({ brokers: env.kafkaBrokers, clientId: 'credit-import', logger }),
    source: '/gov/credit',
    topicPrefix: env.topicPrefix,
  });
  await publisher.connect();
  const kafka = new Kafka({ clientId: 'import-reader', brokers: env.kafkaBrokers, logLevel: logLevel.NOTHING });
  reader = kafka.consumer({ groupId: `${env.topicPrefix}import-reader`, maxWaitTimeInMs: 100 });
  await reader.connect();
  await reader.subscribe({ topic: env.topicPrefix + topics.credit, fromBeginning: true });
  await reader.run({
    eachMessage: async ({ message }) => {
      const h = fromKafkaHeaders(message.headers).headers;
      if (h?.type === creditEventTypes.scoreComputed)
        seen.set(message.key!.toString(), (seen.get(message.key!.toString()) ?? 0) + 1);
    },
  });
});

afterAll(async () => {
  await relay?.stop();
  await reader.disconnect();
  await publisher.disconnect();
  await conn.dropDatabase();
  await pool.close();
  await conn.close();
});

it('imports chunks in parallel on an insert-only pool: every household once, PII apart and encrypted, each event once, re-run a no-op', async () => {
  const relays: { imports?: OutboxRelay } = {};
  const households = createHouseholdRepository(conn, {
    handoff: () => undefined,
    importNudge: () => relays.imports?.nudge(),
    importHandoff: (model, h) => relays.imports?.handoff(model, h),
    importConn: pool,
    cipher,
  });
  await ensureIndexes(conn);
  relay = createOutboxRelay({
    models: [households.chunkModel as never],
    publisher,
    logger,
    metrics: createMetrics('credit_import_int'),
    pollMs: 100,
    batchSize: 4,
  });
  relay.start();
  relays.imports = relay;
  // the registry is empty here, so every row's village is accepted (spec credit §3.1: registered later)
  const checkPlacement = createCheckPlacement({
    villages: createVillageRepository(conn, { handoff: () => {} }),
    groups: createVillagerGroupRepository(conn, { handoff: () => {} }),
  });
  const importHouseholds = createImportHouseholds({
    households,
    checkPlacement,
    clock: { now: () => new Date('2026-11-02T01:00:00Z') },
    policy: () => policy2017v1,
    chunkSize: 7,
    chunksInFlight: 3,
  });
  const rows = Array.from({ length: 50 }, (_, i) => row(i));

  expect(await importHouseholds('batch-p', rows, systemActor)).toEqual({ inserted: 50, total: 50 });
  expect(await importHouseholds('batch-p', rows, systemActor)).toEqual({ inserted: 0, total: 50 });

  // each household its own document, rated, readable by id; its personal data only in the PII collection
  const ids = (
    await conn
      .db!.collection('households')
      .find({}, { projection: { _id: 1 } })
      .toArray()
  ).map((d) => String(d._id));
  expect(ids).toHaveLength(50);
  const one = await households.get(ids[0]!);
  expect(one?.value.latestRating?.policyVersion).toBe(policy2017v1.version);
  expect(one?.version).toBe(1);
  const raw = JSON.stringify(await conn.db!.collection('households').find().toArray());
  expect(raw).not.toContain(rows[0]!.idNumber);
  expect(await conn.db!.collection('household_pii').countDocuments()).toBe(50);
  const pii = await conn.db!.collection('household_pii').findOne({ _id: ids[0]! as never });
  expect(JSON.stringify(pii)).not.toMatch(/4112021980/);
  expect(rows.map((r) => r.idNumber)).toContain((await households.getPii(ids[0]!))!.idNumber);

  // 8 chunks (7 households each, the last 1), each audited once with a chain that verifies
  const chunks = await conn.db!.collection('import_chunks').find().toArray();
  expect(chunks).toHaveLength(8);
  for (const c of chunks) expect(verifyAuditChain(c.audit as AuditEntry[])).toEqual({ ok: true });

  // every household's ScoreComputed reaches the topic exactly once, and every chunk outbox is cleared
  await waitFor(() => seen.size === 50, { what: '50 households scored on the topic', timeoutMs: 20000 });
  await waitFor(
    async () => (await conn.db!.collection('import_chunks').countDocuments({ outboxPending: true })) === 0,
    {
      what: 'chunk outboxes cleared',
    },
  );
  await new Promise((r) => setTimeout(r, 500));
  expect([...seen.values()].every((n) => n === 1)).toBe(true);
  expect(new Set(seen.keys())).toEqual(new Set(ids));
});
