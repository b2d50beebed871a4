import type { Connection } from 'mongoose';
import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs';
import { createTestTopics, testEnv, testLogger, type TestEnv } from '@gov/testkit';
import {
  callMetadata,
  connectMongo,
  createAuthenticate,
  createClient,
  createEventConsumer,
  createEventPublisher,
  createGrpcServer,
  createIdempotencyStore,
  createInbox,
  createKafka,
  createMetrics,
  createOutboxRelay,
  createParking,
  encodeActor,
  ensureIndexes,
  fromKafkaHeaders,
  toKafkaHeaders,
  unaryCall,
  type OutboxRelay,
} from '@gov/platform';
import { systemActor, type Actor } from '@gov/platform/auth';
import { creditEventsV1, creditV1, topics } from '@gov/contracts';
import { creditGrpcHandlers } from '../src/adapters/grpc/credit.grpc';
import { bankEventHandlers } from '../src/adapters/kafka/bank-events.consumer';
import { insurerEventHandlers } from '../src/adapters/kafka/insurer-events.consumer';
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

/**
 * A signed-in caller. The org unit places village and township roles (spec credit §2.4): a village role's is its
 * village id, a station's its township id; district roles keep the whole district whatever it says.
 */
export const actor = (role: string, userId = role.toLowerCase(), orgUnitId = 'district'): Actor => ({
  userId,
  name: userId,
  orgUnitId,
  roles: [role],
  clearance: 'INTERNAL',
});

/** The 村级评定 panel of one village: it opens, closes and resolves that village's notices only. */
export const panelOf = (villageId: string): Actor => actor('VILLAGE_PANEL', 'panel', villageId);

let idSeq = 0;
/** A fresh valid identity number per call (a keyed hash forbids two households with one number). */
export const idNumber = () =>
  withCheckDigit(`4112021980${String(++idSeq + Math.floor(Math.random() * 9e5)).padStart(7, '0')}`);

/** The restricted topic's keys in the tests: one for the host bank, one for the insurer (spec credit §19.1). */
export const partnerKeys = {
  'rcb-test': Buffer.alloc(32, 21).toString('base64'),
  'picc-test': Buffer.alloc(32, 22).toString('base64'),
};

export interface ReceivedEvent {
  type: string;
  key: string;
  id: string;
  payload: Buffer;
}

/**
 * The credit service as the tests see it: real store, real broker, the kit's relay publishing the outboxes,
 * the bank and insurer consumers subscribed, and a reader collecting everything published on gov.credit.events.v1
 * (`received`) and on the restricted gov.credit.pii.v1 (`restricted`).
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
    partnerPii: { keys: partnerKeys, activeKeyIds: Object.keys(partnerKeys) },
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
  const parking = createParking(conn);
  // as main.ts: one consumer per partner topic, each with only its producer's handlers
  const consumerOf = (group: string, topic: string, handlers: ReturnType<typeof bankEventHandlers>) =>
    createEventConsumer({
      kafka,
      groupId: `${group}.${name}`,
      topics: [topic],
      topicPrefix: env.topicPrefix,
      handlers,
      inbox: createInbox(conn),
      parking,
      logger,
      metrics,
      retryDelayMs: 20,
      maxAttempts: 2,
    });
  const bankConsumer = consumerOf('credit.bank-events', topics.creditBankEvents, bankEventHandlers(credit.bankEvents));
  const insurerConsumer = consumerOf(
    'credit.insurer-events',
    topics.creditInsurerEvents,
    insurerEventHandlers(credit.insurerEvents),
  );
  await bankConsumer.start();
  await insurerConsumer.start();

  const raw = new Kafka({ clientId: `reader-${name}`, brokers: env.kafkaBrokers, logLevel: logLevel.NOTHING });
  const received: ReceivedEvent[] = [];
  // what a partner with the ACL for the restricted topic reads there (§19.1)
  const restricted: ReceivedEvent[] = [];
  const reader: Consumer = raw.consumer({ groupId: `reader-${env.topicPrefix}`, maxWaitTimeInMs: 100 });
  await reader.connect();
  await reader.subscribe({
    topics: [env.topicPrefix + topics.credit, env.topicPrefix + topics.creditPii],
    fromBeginning: true,
  });
  await reader.run({
    eachMessage: async ({ topic, message }) => {
      const { headers } = fromKafkaHeaders(message.headers);
      (topic === env.topicPrefix + topics.creditPii ? restricted : received).push({
        type: headers?.type ?? '',
        id: headers?.id ?? '',
        key: message.key?.toString() ?? '',
        payload: message.value!,
      });
    },
  });
  const bank: Producer = raw.producer();
  await bank.connect();
  const send = async (topic: string, source: string, type: string, key: string, id: string, payload: Uint8Array) => {
    await bank.send({
      topic: env.topicPrefix + topic,
      messages: [
        {
          key,
          value: Buffer.from(payload),
          headers: toKafkaHeaders({ id, type, source, time: new Date().toISOString() }),
        },
      ],
    });
  };

  return {
    env,
    conn,
    credit,
    clock,
    received,
    restricted,
    ofType: (type: string) => received.filter((e) => e.type === type),
    /** Sends a bank event as the host bank would: CloudEvents headers, protobuf payload, key = household id. */
    async sendBank(type: string, key: string, id: string, payload: Uint8Array) {
      await send(topics.creditBankEvents, '/bank/hubin-rcb', type, key, id, payload);
    },
    /** Sends an insurer event on the insurer's topic, as the partner insurer would. */
    async sendInsurer(type: string, key: string, id: string, payload: Uint8Array) {
      await send(topics.creditInsurerEvents, '/insurer/picc-hubin', type, key, id, payload);
    },
    /** Whether the bank or insurer consumer has handled (or deliberately ignored) the event with this ce_id. */
    async handled(group: 'bank' | 'insurer', eventId: string) {
      const id = `${env.topicPrefix}credit.${group}-events.${name}:${eventId}`;
      return (await conn.collection('inbox').countDocuments({ _id: id as never })) > 0;
    },
    /** Messages the bank or insurer consumer set aside, with their reason (group `bank` or `insurer`). */
    async parked(group: 'bank' | 'insurer') {
      return parking.list(`${env.topicPrefix}credit.${group}-events.${name}`);
    },
    async stop() {
      await bankConsumer.stop();
      await insurerConsumer.stop();
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

/**
 * CreditService over gRPC on a free port, as the gateway calls it (unsigned actors allowed in tests): `rpc` makes
 * one call as `who`; `stop` closes the client and the server.
 */
export async function serveCreditRpc(h: CreditHarness, name: string) {
  const grpc = createGrpcServer({
    logger: testLogger(),
    metrics: createMetrics(`credit_${name.replace(/[^a-z0-9]/gi, '_')}_int`),
    authenticate: createAuthenticate({ allowUnsignedActor: true }),
  });
  grpc.add(creditV1.CreditServiceService, creditGrpcHandlers(h.credit));
  const port = await grpc.start(0, '127.0.0.1');
  const client = createClient(creditV1.CreditServiceClient, `127.0.0.1:${port}`);
  return {
    rpc<Res>(method: keyof creditV1.CreditServiceClient, req: object, who: Actor): Promise<Res> {
      const fn = (client[method] as (...a: unknown[]) => unknown).bind(client);
      return unaryCall(fn as never, req, callMetadata({ actor: encodeActor(who) }), 10000) as Promise<Res>;
    },
    async stop(): Promise<void> {
      client.close();
      await grpc.shutdown(100);
    },
  };
}
export type CreditRpc = Awaited<ReturnType<typeof serveCreditRpc>>;
