import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import type { Connection } from 'mongoose';
import { eventTypes, supervisionEventsV1, supervisionV1, topics } from '@gov/contracts';
import {
  connectMongo,
  createEventConsumer,
  createGrpcServer,
  createAuthenticate,
  createIdempotencyStore,
  createInbox,
  createKafka,
  createMetrics,
  createParking,
  createShutdown,
  ensureIndexes,
  systemClock,
  toKafkaHeaders,
  verifyAuditChain,
  type AuditEntry,
} from '@gov/platform';
import type { Actor } from '@gov/platform/auth';
import { createTestTopics, testEnv, testLogger, waitFor } from '@gov/testkit';
import { createRaiseIncident } from '../src/app/raise-incident';
import { createRecordInstruction } from '../src/app/record-instruction';
import { connectAlertPath } from '../src/adapters/mongo/alert-connection';
import { createAlertStore } from '../src/adapters/mongo/alert-store';
import { createIncidentModel } from '../src/adapters/mongo/incident.schema';
import { wireDesk } from '../src/desk-wiring';
import { directory } from '../src/domain/duty.fixtures';
import { defaultReportingPolicy } from '../src/domain/reporting-policy';
import type { LeaderInstruction } from '../src/domain/instruction';
import { supervisionEventsGroup, wireSupervisionVerdicts } from '../src/supervision-wiring';
import { fastPolicy, intake, officer } from './harness';

// Spec duty §8.4 and §16.2 on the real broker and store: supervision's ItemCompleted / ItemClosed, encoded with
// the published contracts, go through the kit's consumer (inbox, parking) built by the wiring main.ts uses.
const env = testEnv('duty-supervision-verdicts');
const logger = testLogger();
const shutdown = createShutdown({ logger, timeoutMs: 10_000, exit: () => undefined });
const actor = (role: string, userId: string): Actor => ({
  userId,
  name: userId,
  orgUnitId: 'office',
  roles: [role],
  clearance: 'INTERNAL',
});
const operator = actor('HOTLINE_OPERATOR', 'op1');
const leader = actor('OFFICE_LEADER_ON_DUTY', 'l1');

let conn: Connection;
let producer: Producer;
let desk: ReturnType<typeof wireDesk>;
let raise: ReturnType<typeof createRaiseIncident>;
let instruct: ReturnType<typeof createRecordInstruction>;

beforeAll(async () => {
  await createTestTopics(env);
  conn = await connectMongo({ url: env.mongoUrl, dbName: env.dbName, nodeEnv: 'test', logger });
  const metrics = createMetrics('duty_supervision_int');
  const grpc = createGrpcServer({ logger, metrics, authenticate: createAuthenticate({ allowUnsignedActor: true }) });
  const idempotency = createIdempotencyStore(conn);
  desk = wireDesk({ mongo: conn, grpc, idempotency, handoff: () => undefined, shutdown, logger }, systemClock, {
    sweepIntervalMs: 3600_000,
  });
  const incidents = createIncidentModel(conn);
  const alert = await connectAlertPath({
    url: env.mongoUrl,
    dbName: env.dbName,
    nodeEnv: 'test',
    poolSize: 2,
    logger,
  });
  const store = createAlertStore(alert, incidents, { handoff: () => undefined });
  // no engine: the incident is only the holder of the instruction here, nobody is alerted
  raise = createRaiseIncident({
    store,
    track: () => undefined,
    directory: () => directory(),
    clock: systemClock,
    reporting: defaultReportingPolicy,
    escalation: fastPolicy,
    owner: 'nobody',
  });
  instruct = createRecordInstruction({ store, cancel: () => undefined, clock: systemClock, idempotency });
  await ensureIndexes(conn);
  const kafka = createKafka({ brokers: env.kafkaBrokers, clientId: 'duty-supervision-int', logger });
  const consumer = createEventConsumer({
    kafka,
    ...wireSupervisionVerdicts({ calls: desk.calls, incidents }),
    topicPrefix: env.topicPrefix,
    inbox: createInbox(conn),
    parking: createParking(conn),
    logger,
    metrics,
  });
  await consumer.start();
  const raw = new Kafka({ clientId: 'duty-supervision-raw', brokers: env.kafkaBrokers, logLevel: logLevel.NOTHING });
  producer = raw.producer();
  await producer.connect();
  shutdown.add('consumer', () => consumer.stop());
  shutdown.add('producer', () => producer.disconnect());
  shutdown.add('alert', () => alert.close());
  shutdown.add('mongo', async () => {
    await conn.dropDatabase();
    await conn.close();
  });
}, 90_000);
afterAll(() => shutdown.trigger('tests done'));

const S = supervisionV1.SourceType;
interface Finished {
  itemId: string;
  sourceType: supervisionV1.SourceType;
  sourceSystem: string;
  sourceId: string;
  outcome?: string;
}

/** Publishes one supervision event as supervision's relay would: protobuf payload, CloudEvents headers. */
async function publish(kind: 'completed' | 'closed', item: Finished, eventId: string = randomUUID()): Promise<string> {
  const at = new Date().toISOString();
  const msg = { ledgerNo: 'DC-2026-00001', outcome: '', at, ...item };
  const [type, payload] =
    kind === 'completed'
      ? [eventTypes.supervisionItemCompleted, supervisionEventsV1.ItemCompleted.encode(msg).finish()]
      : [eventTypes.supervisionItemClosed, supervisionEventsV1.ItemClosed.encode(msg).finish()];
  await producer.send({
    topic: env.topicPrefix + topics.supervision,
    messages: [
      {
        key: item.itemId,
        value: Buffer.from(payload),
        headers: toKafkaHeaders({ id: eventId, type, source: '/gov/supervision', time: at }),
      },
    ],
  });
  return eventId;
}

/** Waits until the consumer has handled (or dropped as a duplicate) this event: its inbox mark exists. */
const handled = (eventId: string) =>
  waitFor(
    () => conn.collection('inbox').findOne({ _id: `${env.topicPrefix}${supervisionEventsGroup}:${eventId}` as never }),
    {
      what: `inbox mark of ${eventId}`,
    },
  );

interface StoredCall {
  status: string;
  outcome?: string;
  important?: boolean;
  supervision?: { itemId: string; via: string; outcome: string } | null;
  audit: AuditEntry[];
}
const storedCall = async (id: string) =>
  (await conn.collection('public_calls').findOne({ _id: id as never })) as unknown as StoredCall;

/** A call on the direct line taken to TRANSFERRED through the desk's own commands (§8.4). */
async function transferredCall(o: { important?: boolean } = {}) {
  const k = randomUUID();
  const calls = desk.useCases.calls;
  const c = await calls.receive(
    {
      idempotencyKey: `${k}-r`,
      line: 'DIRECT_LINE',
      channel: 'PHONE',
      callerName: '王先生',
      callerPhone: '13800000000',
      category: 'LIVELIHOOD_PROBLEM',
      content: '小区供水长期不稳定',
    },
    operator,
  );
  await calls.draftSlip({ idempotencyKey: `${k}-s`, id: c.id, proposal: '转水务局办理', leaderId: 'l1' }, operator);
  await calls.instruct({ idempotencyKey: `${k}-i`, id: c.id, instruction: '请水务局三日内答复' }, leader);
  return calls.transfer({ idempotencyKey: `${k}-t`, id: c.id, unitId: 'water-bureau', ...o }, operator);
}

describe('supervision verdicts on transferred calls (spec duty §8.4, §16.2)', () => {
  it('moves a transferred call to FEEDBACK_RECEIVED once, however often the item finishes, then the desk replies and closes it (§8.4)', async () => {
    const call = await transferredCall({ important: true });
    expect(call.important).toBe(true);
    const item: Finished = {
      itemId: `duty-call-${call.id}`,
      sourceType: S.SOURCE_TYPE_PUBLIC_CALL,
      sourceSystem: 'duty',
      sourceId: call.id,
    };
    // the completion twice under one event id (a redelivery), again under a fresh id (the inbox mark lost after
    // the write), then the closure with its outcome
    const first = await publish('completed', item);
    await publish('completed', item, first);
    await handled(await publish('completed', item));
    await handled(await publish('closed', { ...item, outcome: 'COMPLETED_ON_TIME' }));

    const stored = await storedCall(call.id);
    expect(stored.status).toBe('FEEDBACK_RECEIVED');
    expect(stored.supervision).toMatchObject({ itemId: item.itemId, via: 'COMPLETED' });
    const marks = stored.audit.filter((a) => a.action === 'CALL_FEEDBACK_RECEIVED');
    expect(marks).toHaveLength(1);
    expect(marks[0]!.actor.userId).toBe('system:supervision');
    expect(verifyAuditChain(stored.audit).ok).toBe(true);

    const read = await desk.useCases.calls.get(call.id, operator);
    expect(read.status).toBe('FEEDBACK_RECEIVED');
    const replied = await desk.useCases.calls.reply(
      { idempotencyKey: randomUUID(), id: call.id, reply: '水务局已完成管网维修，供水恢复正常' },
      operator,
    );
    expect(replied).toMatchObject({ status: 'CLOSED', outcome: 'REPLIED' });
  });

  it('moves a petition-line call the same way, from the closure alone (§8.4 TRANSFERRED → FEEDBACK_RECEIVED)', async () => {
    const call = await transferredCall();
    await handled(
      await publish('closed', {
        itemId: `duty-call-${call.id}`,
        sourceType: S.SOURCE_TYPE_PETITION,
        sourceSystem: 'duty',
        sourceId: call.id,
        outcome: 'COMPLETED_LATE',
      }),
    );
    const stored = await storedCall(call.id);
    expect(stored.status).toBe('FEEDBACK_RECEIVED');
    expect(stored.supervision).toMatchObject({ via: 'CLOSED', outcome: 'COMPLETED_LATE' });
  });

  it('ignores items duty did not raise, even when their source id matches a call (§16.2)', async () => {
    const call = await transferredCall();
    await handled(
      await publish('completed', {
        itemId: `doc-item-${call.id}`,
        sourceType: S.SOURCE_TYPE_DOCUMENT,
        sourceSystem: 'document',
        sourceId: call.id,
      }),
    );
    await handled(
      await publish('completed', {
        itemId: `unknown-${randomUUID()}`,
        sourceType: S.SOURCE_TYPE_PUBLIC_CALL,
        sourceSystem: 'duty',
        sourceId: `call-${randomUUID()}`,
      }),
    );
    const stored = await storedCall(call.id);
    expect(stored.status).toBe('TRANSFERRED');
    expect(stored.audit.map((a) => a.action)).not.toContain('CALL_FEEDBACK_RECEIVED');
    // nothing was parked: an unknown record is not an error
    expect(await conn.collection('parked_messages').countDocuments({})).toBe(0);
  });
});

describe('supervision verdicts on instruction follow-ups (spec duty §9.9 LI-2, LI-3, §16.2)', () => {
  it('marks the follow-up of an instruction DONE once, however often its EMERGENCY_FOLLOWUP item finishes (§16.2)', async () => {
    const incident = await raise(intake(randomUUID(), { severity: 'IV', possiblyMajor: false }), officer);
    const { instructionId } = await instruct(
      {
        idempotencyKey: randomUUID(),
        incidentId: incident.id,
        leaderId: 'head',
        text: '各相关部门抓紧排查，三日内报结果',
        needsFollowUp: true,
        followUpDays: 3,
        suggestedLeadUnit: 'emergency-bureau',
      },
      actor('GOV_LEADER', 'head'),
    );
    const item: Finished = {
      itemId: `duty-instruction-${instructionId}`,
      sourceType: S.SOURCE_TYPE_EMERGENCY_FOLLOWUP,
      sourceSystem: 'duty',
      sourceId: instructionId,
      outcome: 'COMPLETED_ON_TIME',
    };
    const id = await publish('closed', item);
    await publish('closed', item, id);
    await handled(await publish('closed', item));
    await handled(await publish('completed', { ...item, outcome: '' }));

    const rec = (await conn.collection('incidents').findOne({ _id: incident.id as never })) as unknown as {
      instructions: LeaderInstruction[];
      audit: AuditEntry[];
    };
    const ins = rec.instructions.find((i) => i.id === instructionId)!;
    expect(ins.status).toBe('DONE');
    expect(ins.followUp).toMatchObject({ itemId: item.itemId, via: 'CLOSED', outcome: 'COMPLETED_ON_TIME' });
    expect(rec.audit.filter((a) => a.action === 'instruction.followup_done')).toHaveLength(1);
    expect(verifyAuditChain(rec.audit).ok).toBe(true);
  });
});
