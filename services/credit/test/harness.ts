import type { Connection } from 'mongoose';
import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs';
import { createTestTopics, testEnv, testLogger, type TestEnv } from '@gov/testkit';
import {
  connectMongo,
  createEventConsumer,
  createEventPublisher,
  createIdempotencyStore,
  createInbox,
  createKafka,
  createMetrics,
  createOutboxRelay,
  createParking,
  ensureIndexes,
  fromKafkaHeaders,
  toKafkaHeaders,
  type OutboxRelay,
} from '@gov/platform';
import { systemActor, type Actor } from '@gov/platform/auth';
import { creditEventsV1, topics } from '@gov/contracts';
import { bankEventHandlers } from '../src/adapters/kafka/bank-events.consumer';
import { defaultLendingPolicy, type LendingPolicy } from '../src/domain/policy';
import { withCheckDigit } from '../src/domain/personal-data';
import { wireCredit, type CreditService } from '../src/wiring';

/** A clock the test moves by hand. */
export const testClock = (start = '2026-11-02T01:00:00Z') => {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    set: (iso: string) => (now = new Date(iso)),
    advanceDays: (d: number) => (now = new Date(now.getTime() + d * 864e5)),
  };
};

export const actor = (role: string, userId = role.toLowerCase()): Actor => ({
  userId,
  name: userId,
  orgUnitId: 'district',
  roles: [role],
  clearance: 'INTERNAL',
});

let idSeq = 0;
/** A fresh valid identity number per call (a keyed hash forbids two households with one number). */
export const idNumber = () =>
  withCheckDigit(`4112021980${String(++idSeq + Math.floor(Math.random() * 9e5)).padStart(7, '0')}`);

export interface ReceivedEvent {
  type: string;
  key: string;
  id: string;
  payload: Buffer;
}

/**
 * The credit service as the tests see it: real store, real broker, the kit's relay publishing the outboxes,
 * the bank-event consumer subscribed, and a reader collecting everything published on gov.credit.events.v1.
 */
export async function startCredit(
  name: string,
  lending: Partial<LendingPolicy> = {},
  opts: { seedFund?: boolean } = {},
) {
  const env: TestEnv = testEnv(name);
  await createTestTopics(env);
  const logger = testLogger();
  const metrics = createMetrics(`credit_${name.replace(/\W/g, '_')}`);
  const conn: Connection = await connectMongo({ url: env.mongoUrl, dbName: env.dbName, nodeEnv: 'test', logger });
  const kafka = createKafka({ brokers: env.kafkaBrokers, clientId: `credit-${name}`, logger });
  const publisher = createEventPublisher({ kafka, source: '/gov/credit', topicPrefix: env.topicPrefix });
  await publisher.connect();
  const clock = testClock();
  // the relays need the models the wiring creates, and the wiring needs their handoffs: filled in below
  const relays: { main?: OutboxRelay; imports?: OutboxRelay } = {};
  const credit: CreditService = wireCredit({
    mongo: conn,
    idempotency: createIdempotencyStore(conn),
    clock,
    handoff: (model, h) => relays.main?.handoff(model, h),
    importNudge: () => relays.imports?.nudge(),
    importHandoff: (model, h) => relays.imports?.handoff(model, h),
    piiKey: Buffer.alloc(32, 9).toString('base64'),
    ratingPolicyVersion: '2017-33-v1',
    aaaPlusIncludes100: false,
    lending: { ...defaultLendingPolicy, ...lending },
    riskFundCapitalApprovedBy: '三湖办〔2017〕33号',
  });
  await ensureIndexes(conn);
  // as main.ts does at start: the fund's opening capital is its ledger's first entry (R13.3)
  if (opts.seedFund !== false) await credit.riskFund.seedInitialCapital(systemActor);
  const relay = createOutboxRelay({ models: credit.models as never[], publisher, logger, metrics, pollMs: 100 });
  relay.start();
  const importRelay = createOutboxRelay({
    models: credit.importModels as never[],
    publisher,
    logger,
    metrics,
    pollMs: 100,
    batchSize: 4,
  });
  importRelay.start();
  Object.assign(relays, { main: relay, imports: importRelay });
  const bankConsumer = createEventConsumer({
    kafka,
    groupId: `credit.bank-events.${name}`,
    topics: [topics.creditBankEvents],
    topicPrefix: env.topicPrefix,
    handlers: bankEventHandlers(credit.bankEvents),
    inbox: createInbox(conn),
    parking: createParking(conn),
    logger,
    metrics,
    retryDelayMs: 20,
    maxAttempts: 2,
  });
  await bankConsumer.start();

  const raw = new Kafka({ clientId: `reader-${name}`, brokers: env.kafkaBrokers, logLevel: logLevel.NOTHING });
  const received: ReceivedEvent[] = [];
  const reader: Consumer = raw.consumer({ groupId: `reader-${env.topicPrefix}`, maxWaitTimeInMs: 100 });
  await reader.connect();
  await reader.subscribe({ topic: env.topicPrefix + topics.credit, fromBeginning: true });
  await reader.run({
    eachMessage: async ({ message }) => {
      const { headers } = fromKafkaHeaders(message.headers);
      received.push({
        type: headers?.type ?? '',
        id: headers?.id ?? '',
        key: message.key?.toString() ?? '',
        payload: message.value!,
      });
    },
  });
  const bank: Producer = raw.producer();
  await bank.connect();

  return {
    env,
    conn,
    credit,
    clock,
    received,
    ofType: (type: string) => received.filter((e) => e.type === type),
    /** Sends a bank event as the host bank would: CloudEvents headers, protobuf payload, key = household id. */
    async sendBank(type: string, key: string, id: string, payload: Uint8Array) {
      await bank.send({
        topic: env.topicPrefix + topics.creditBankEvents,
        messages: [
          {
            key,
            value: Buffer.from(payload),
            headers: toKafkaHeaders({ id, type, source: '/bank/hubin-rcb', time: new Date().toISOString() }),
          },
        ],
      });
    },
    async stop() {
      await bankConsumer.stop();
      await relay.stop();
      await importRelay.stop();
      await reader.disconnect();
      await bank.disconnect();
      await publisher.disconnect();
      await conn.dropDatabase();
      await conn.close();
    },
  };
}
export type CreditHarness = Awaited<ReturnType<typeof startCredit>>;
export { creditEventsV1 };
