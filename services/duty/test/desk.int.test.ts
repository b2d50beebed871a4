import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import type { Connection } from 'mongoose';
import { dutyDeskEventsV1 as ev, dutyDeskEventTypes as types, dutyDeskV1, topics } from '@gov/contracts';
import {
  callMetadata,
  connectMongo,
  createAuthenticate,
  createClient,
  createEventPublisher,
  createGrpcServer,
  createIdempotencyStore,
  createKafka,
  createMetrics,
  createOutboxRelay,
  createShutdown,
  encodeActor,
  ensureIndexes,
  fromKafkaHeaders,
  unaryCall,
  verifyAuditChain,
  type AuditEntry,
  type OutboxRelay,
} from '@gov/platform';
import type { Actor } from '@gov/platform/auth';
import { createTestTopics, testEnv, testLogger, waitFor } from '@gov/testkit';
import { wireDesk } from '../src/desk-wiring';

// Spec duty §19 scenarios 7-10 and 26-29 on the real store and broker, through DutyDeskService over gRPC with
// the same wiring main.ts uses (wireDesk), the kit's relay publishing the outboxes, and a clock moved by hand.
const env = testEnv('duty-desk');
const logger = testLogger();
const at = (iso: string) => new Date(`${iso}+08:00`);
let now = at('2024-11-17T10:00:00');
const clock = { now: () => new Date(now) };
const actor = (role: string, userId = role.toLowerCase()): Actor => ({
  userId,
  name: userId,
  orgUnitId: 'office',
  roles: [role],
  clearance: 'INTERNAL',
});
const officer = actor('DUTY_OFFICER', 'o1');
const operator = actor('HOTLINE_OPERATOR', 'op1');
const leader = actor('OFFICE_LEADER_ON_DUTY', 'l1');
const generalSection = actor('GENERAL_SECTION', 'gs1');
const guard = actor('SECURITY_GUARD', 'g1');

interface Received {
  type: string;
  id: string;
  key: string;
  payload: Buffer;
}
let conn: Connection;
let relay: OutboxRelay;
let reader: Consumer;
let client: dutyDeskV1.DutyDeskServiceClient;
let desk: ReturnType<typeof wireDesk>;
const received: Received[] = [];
const shutdown = createShutdown({ logger, timeoutMs: 10_000, exit: () => undefined });

beforeAll(async () => {
  await createTestTopics(env);
  conn = await connectMongo({ url: env.mongoUrl, dbName: env.dbName, nodeEnv: 'test', logger });
  const metrics = createMetrics('duty_desk_int');
  const publisher = createEventPublisher({
    kafka: createKafka({ brokers: env.kafkaBrokers, clientId: 'duty-desk-int', logger }),
    source: '/gov/duty',
    topicPrefix: env.topicPrefix,
  });
  await publisher.connect();
  const grpc = createGrpcServer({ logger, metrics, authenticate: createAuthenticate({ allowUnsignedActor: true }) });
  desk = wireDesk(
    {
      mongo: conn,
      grpc,
      idempotency: createIdempotencyStore(conn),
      handoff: (m, h) => relay?.handoff(m, h),
      shutdown,
      logger,
    },
    clock,
    { sweepIntervalMs: 3600_000 },
  );
  await ensureIndexes(conn);
  relay = createOutboxRelay({ models: desk.models, publisher, logger, metrics, pollMs: 100 });
  relay.start();
  const port = await grpc.start(0, '127.0.0.1');
  client = createClient(dutyDeskV1.DutyDeskServiceClient, `127.0.0.1:${port}`);
  const raw = new Kafka({ clientId: 'duty-desk-reader', brokers: env.kafkaBrokers, logLevel: logLevel.NOTHING });
  reader = raw.consumer({ groupId: `reader-${env.topicPrefix}`, maxWaitTimeInMs: 100 });
  await reader.connect();
  await reader.subscribe({ topic: env.topicPrefix + topics.duty, fromBeginning: true });
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
  shutdown.add('publisher', () => publisher.disconnect());
  shutdown.add('relay', () => relay.stop());
  shutdown.add('grpc', () => grpc.shutdown(100));
  shutdown.add('mongo', () => conn.close());
  shutdown.add('reader', () => reader.disconnect());
  shutdown.add('client', () => client.close());
}, 90_000);
afterAll(() => shutdown.trigger('tests done'));

/** One RPC as `who`, as the gateway makes it (unsigned actor allowed in tests). */
function rpc<Req, Res>(method: keyof dutyDeskV1.DutyDeskServiceClient, req: Req, who: Actor): Promise<Res> {
  const fn = (client[method] as (...a: unknown[]) => unknown).bind(client);
  return unaryCall(fn as never, req, callMetadata({ actor: encodeActor(who) }), 5000) as Promise<Res>;
}
const key = () => randomUUID();
const eventsOf = (k: string, type?: string) => received.filter((e) => e.key === k && (!type || e.type === type));
const auditOf = async (collection: string, id: string) =>
  ((await conn.collection(collection).findOne({ _id: id as never })) as unknown as { audit: AuditEntry[] }).audit;

describe('off-hours and urgent documents (spec duty §7)', () => {
  it('puts a Sunday fax on the 综合股 list and emits received_offhours once, even when the call is retried (§19 scenario 7)', async () => {
    now = at('2024-11-17T10:05:00');
    const req = {
      idempotencyKey: key(),
      kind: 'FAX',
      addressedTo: 'GOVERNMENT',
      sender: '州人民政府办公室',
      title: '关于做好冬季安全生产工作的通知',
      urgency: 'NORMAL',
      receivedAt: at('2024-11-17T09:50:00').toISOString(),
      secrecyLevel: 'INTERNAL',
      senderOrgId: 'zhou-gov-office',
    };
    const first = await rpc<typeof req, dutyDeskV1.LogDeskDocumentResponse>('logDeskDocument', req, officer);
    const again = await rpc<typeof req, dutyDeskV1.LogDeskDocumentResponse>('logDeskDocument', req, officer);
    const doc = first.document!;
    expect(again.document?.id).toBe(doc.id);
    expect(doc).toMatchObject({
      offHours: true,
      status: 'WITH_GENERAL_SECTION',
      registerBy: at('2024-11-18T12:00:00').toISOString(),
    });

    const queue = await rpc<object, dutyDeskV1.ListRegistrationQueueResponse>(
      'listRegistrationQueue',
      {},
      generalSection,
    );
    expect(queue.documents.map((d) => d.id)).toContain(doc.id);
    await waitFor(() => eventsOf(doc.id, types.offHoursDocumentReceived).length === 1, { what: 'received_offhours' });
    const e = ev.OffHoursDocumentReceived.decode(eventsOf(doc.id)[0]!.payload);
    expect(e).toMatchObject({
      documentId: doc.id,
      kind: 'FAX',
      registerBy: at('2024-11-18T12:00:00').toISOString(),
      secrecyLevel: 'INTERNAL',
      senderOrgId: 'zhou-gov-office',
    });

    now = at('2024-11-18T09:00:00');
    const reg = await rpc<object, dutyDeskV1.RegisterDeskDocumentResponse>(
      'registerDeskDocument',
      { idempotencyKey: key(), id: doc.id },
      generalSection,
    );
    expect(reg.document).toMatchObject({ status: 'REGISTERED', registeredBy: 'gs1' });
    const after = await rpc<object, dutyDeskV1.ListRegistrationQueueResponse>(
      'listRegistrationQueue',
      {},
      generalSection,
    );
    expect(after.documents.map((d) => d.id)).not.toContain(doc.id);
    const trail = await auditOf('desk_documents', doc.id);
    expect(trail.map((a) => a.action)).toEqual(['DESK_DOCUMENT_LOGGED', 'DESK_DOCUMENT_REGISTERED']);
    expect(verifyAuditChain(trail)).toEqual({ ok: true });
    expect(eventsOf(doc.id, types.offHoursDocumentReceived)).toHaveLength(1);
  });

  it('alerts at 21:55 and marks late at 22:10 a 特急件 received at 21:10 that nobody forwarded (§19 scenario 8)', async () => {
    now = at('2024-11-18T21:10:00');
    const log = (title: string) =>
      rpc<object, dutyDeskV1.LogDeskDocumentResponse>(
        'logDeskDocument',
        {
          idempotencyKey: key(),
          kind: 'TELEGRAM',
          addressedTo: 'GOVERNMENT',
          sender: '省政府总值班室',
          title,
          urgency: 'EXTRA_URGENT',
          receivedAt: '',
          secrecyLevel: '',
          senderOrgId: '',
        },
        officer,
      );
    const late = (await log('特急明电')).document!;
    const forwarded = (await log('特急明电（二）')).document!;
    expect(late).toMatchObject({
      forwardWarnAt: at('2024-11-18T21:55:00').toISOString(),
      forwardDueAt: at('2024-11-18T22:10:00').toISOString(),
    });
    now = at('2024-11-18T21:30:00');
    await rpc('forwardUrgentDocument', { idempotencyKey: key(), id: forwarded.id, leaderId: 'l1' }, officer);

    now = at('2024-11-18T21:54:59');
    expect(await desk.sweep.runOnce()).toBe(0);
    now = at('2024-11-18T21:55:00');
    expect(await desk.sweep.runOnce()).toBe(1);
    const alerted = await rpc<object, dutyDeskV1.GetDeskDocumentResponse>('getDeskDocument', { id: late.id }, officer);
    expect(alerted.document).toMatchObject({ alertedAt: at('2024-11-18T21:55:00').toISOString(), late: false });
    now = at('2024-11-18T22:10:00');
    expect(await desk.sweep.runOnce()).toBe(1);
    expect(await desk.sweep.runOnce()).toBe(0);
    const marked = await rpc<object, dutyDeskV1.GetDeskDocumentResponse>('getDeskDocument', { id: late.id }, officer);
    expect(marked.document?.late).toBe(true);
    const other = await rpc<object, dutyDeskV1.GetDeskDocumentResponse>(
      'getDeskDocument',
      { id: forwarded.id },
      officer,
    );
    expect(other.document).toMatchObject({ late: false, forwardedTo: 'l1', alertedAt: '' });

    await waitFor(() => eventsOf(late.id, types.urgentDocumentLate).length === 1, { what: 'urgent_document.late' });
    expect(eventsOf(late.id).map((e) => e.type)).toEqual([
      types.urgentDocumentReceived,
      types.urgentDocumentForwardWarning,
      types.urgentDocumentLate,
    ]);
    // document learns what it is and who sent it without reading the desk (§16.1)
    expect(ev.UrgentDocumentReceived.decode(eventsOf(late.id)[0]!.payload)).toMatchObject({
      title: '特急明电',
      sender: '省政府总值班室',
      kind: 'TELEGRAM',
    });
    const trail = await auditOf('desk_documents', late.id);
    expect(trail.map((a) => [a.action, a.actor.userId])).toEqual([
      ['DESK_DOCUMENT_LOGGED', 'o1'],
      ['URGENT_DOCUMENT_ALERTED', 'system'],
      ['URGENT_DOCUMENT_LATE', 'system'],
    ]);
    expect(verifyAuditChain(trail)).toEqual({ ok: true });
  });

  it('refuses bad input and the wrong role with stable codes', async () => {
    await expect(
      rpc(
        'logDeskDocument',
        {
          idempotencyKey: key(),
          kind: 'EMAIL',
          addressedTo: 'GOVERNMENT',
          sender: 'x',
          title: 'y',
          urgency: 'NORMAL',
          receivedAt: '',
        },
        officer,
      ),
    ).rejects.toMatchObject({ code: 'DESK_INPUT_INVALID' });
    await expect(
      rpc(
        'logDeskDocument',
        {
          idempotencyKey: key(),
          kind: 'FAX',
          addressedTo: 'GOVERNMENT',
          sender: 'x',
          title: 'y',
          urgency: 'NORMAL',
          receivedAt: '',
        },
        guard,
      ),
    ).rejects.toMatchObject({ code: 'DESK_NOT_PERMITTED' });
    await expect(rpc('getDeskDocument', { id: 'doc-nope' }, officer)).rejects.toMatchObject({
      code: 'DESK_ITEM_NOT_FOUND',
    });
  });
});

describe('public lines (spec duty §8)', () => {
  const receive = (category: string) =>
    rpc<object, dutyDeskV1.ReceiveCallResponse>(
      'receiveCall',
      {
        idempotencyKey: key(),
        line: 'DIRECT_LINE',
        channel: 'PHONE',
        callerName: '王五',
        callerPhone: '',
        category,
        content: '来电内容',
      },
      operator,
    ).then((r) => r.call!);

  it('allows only REDIRECTED for a complaint about a court judgment (§19 scenario 9)', async () => {
    now = at('2024-11-19T10:00:00');
    const call = await receive('ABOUT_COURT');
    expect(call).toMatchObject({ inScope: false, allowedActions: ['REDIRECT'] });
    await expect(
      rpc('answerCall', { idempotencyKey: key(), id: call.id, answer: '答复' }, operator),
    ).rejects.toMatchObject({
      code: 'CALL_OUT_OF_SCOPE',
    });
    const r = await rpc<object, dutyDeskV1.RedirectCallResponse>(
      'redirectCall',
      { idempotencyKey: key(), id: call.id, note: '劝其向法院反映' },
      operator,
    );
    expect(r.call).toMatchObject({ status: 'CLOSED', outcome: 'REDIRECTED_OTHER_ORGAN' });
    await waitFor(() => eventsOf(call.id, types.callReceived).length === 1, { what: 'call.received' });
    expect(ev.CallReceived.decode(eventsOf(call.id)[0]!.payload)).toMatchObject({
      category: 'ABOUT_COURT',
      inScope: false,
    });
  });

  it('answers a call on a 来电处理笺 only after the leader instruction (§19 scenario 10)', async () => {
    const call = await receive('LIVELIHOOD_PROBLEM');
    const slip = { idempotencyKey: key(), id: call.id, proposal: '建议转水务局', leaderId: 'l1' };
    await rpc('draftHandlingSlip', slip, operator);
    await rpc('draftHandlingSlip', slip, operator); // a retry replays, it does not fail on the new state
    await expect(
      rpc('replyCall', { idempotencyKey: key(), id: call.id, reply: '已处理' }, operator),
    ).rejects.toMatchObject({
      code: 'CALL_NEEDS_INSTRUCTION',
    });
    await rpc(
      'recordSlipInstruction',
      { idempotencyKey: key(), id: call.id, instruction: '请水务局今日恢复供水' },
      leader,
    );
    const r = await rpc<object, dutyDeskV1.ReplyCallResponse>(
      'replyCall',
      { idempotencyKey: key(), id: call.id, reply: '已按批示答复' },
      operator,
    );
    expect(r.call).toMatchObject({
      status: 'CLOSED',
      outcome: 'REPLIED',
      slip: { kind: 'CALL', instruction: '请水务局今日恢复供水' },
    });
    const trail = await auditOf('public_calls', call.id);
    expect(trail.map((a) => a.action)).toEqual([
      'CALL_RECEIVED',
      'HANDLING_SLIP_DRAFTED',
      'HANDLING_SLIP_INSTRUCTED',
      'CALL_REPLIED',
    ]);
    expect(verifyAuditChain(trail)).toEqual({ ok: true });
  });

  it('emits call.transferred, with its importance for the 10-day feedback rule, when an instructed matter goes to a unit (§8.4)', async () => {
    const call = await receive('ADMIN_VIOLATION_COMPLAINT');
    await rpc(
      'draftHandlingSlip',
      { idempotencyKey: key(), id: call.id, proposal: '建议转办', leaderId: 'l1' },
      operator,
    );
    await rpc('recordSlipInstruction', { idempotencyKey: key(), id: call.id, instruction: '转市场监管局' }, leader);
    const t = await rpc<object, dutyDeskV1.TransferCallResponse>(
      'transferCall',
      { idempotencyKey: key(), id: call.id, unitId: 'market-regulation', important: false, multiDepartment: true },
      operator,
    );
    expect(t.call).toMatchObject({ status: 'TRANSFERRED', important: false, multiDepartment: true });
    await waitFor(() => eventsOf(call.id, types.callTransferred).length === 1, { what: 'call.transferred' });
    expect(ev.CallTransferred.decode(eventsOf(call.id, types.callTransferred)[0]!.payload)).toMatchObject({
      unitId: 'market-regulation',
      instruction: '转市场监管局',
      important: false,
      multiDepartment: true,
    });
  });
});

describe('compound security (spec duty §12)', () => {
  it('denies a confirmed visitor without a valid ID and publishes it (§19 scenario 26)', async () => {
    const r = await rpc<object, dutyDeskV1.RecordVisitorResponse>(
      'recordVisitor',
      {
        idempotencyKey: key(),
        visitorKind: 'OUTSIDE_VISITOR',
        name: '赵六',
        hostUnitId: 'finance',
        business: '送材料',
        hostConfirmed: true,
        idVerified: false,
        screened: true,
      },
      guard,
    );
    expect(r.visitor).toMatchObject({ status: 'DENIED', denyReasons: ['NO_VALID_ID'] });
    await waitFor(() => eventsOf(r.visitor!.id, types.visitorDenied).length === 1, { what: 'visitor_denied' });
  });

  it('rejects leaving the post without a named replacement and stores nothing (§19 scenario 27)', async () => {
    const req = {
      idempotencyKey: key(),
      guardId: 'g1',
      post: 'east-gate',
      approvedBy: 'sec-head',
      replacementId: '',
      from: at('2024-11-19T10:00:00').toISOString(),
      to: at('2024-11-19T11:00:00').toISOString(),
      reason: '就医',
    };
    await expect(rpc('requestPostLeave', req, guard)).rejects.toMatchObject({ code: 'POST_LEAVE_NO_REPLACEMENT' });
    expect(await conn.collection('post_leaves').countDocuments()).toBe(0);
    const ok = await rpc<object, dutyDeskV1.RequestPostLeaveResponse>(
      'requestPostLeave',
      { ...req, idempotencyKey: key(), replacementId: 'g2' },
      guard,
    );
    expect(ok.leave).toMatchObject({ replacementId: 'g2', approvedBy: 'sec-head' });
  });

  it('notifies the reception room, the petition bureau and public security for 60 petitioners (§19 scenario 28)', async () => {
    const r = await rpc<object, dutyDeskV1.RecordPetitionVisitResponse>(
      'recordPetitionVisit',
      { idempotencyKey: key(), groupSize: 60, matter: '征地补偿', gate: 'main' },
      guard,
    );
    expect(r.visit?.notifications.map((n) => n.recipient)).toEqual([
      'PETITION_RECEPTION_ROOM',
      'PETITION_BUREAU',
      'PUBLIC_SECURITY',
    ]);
    await waitFor(() => eventsOf(r.visit!.id, types.petitionNotified).length === 1, { what: 'petition_notified' });
    expect(ev.PetitionNotified.decode(eventsOf(r.visit!.id)[0]!.payload)).toMatchObject({
      groupSize: 60,
      largeScale: true,
    });
  });
});

describe('driver on-call (spec duty §13)', () => {
  it('plans 08:30-18:30 / 18:30-08:30 driver shifts on a holiday beside 08:30-18:00 / 18:00-08:30 office shifts (§19 scenario 29)', async () => {
    const r = await rpc<object, dutyDeskV1.PlanDutyShiftsResponse>(
      'planDutyShifts',
      { fromDate: '2024-10-02', days: 1 },
      officer,
    );
    const hours = (s: dutyDeskV1.ShiftWindow[]) => s.map((w) => `${w.type} ${w.startsAt} ${w.endsAt}`);
    expect(hours(r.driverShifts)).toEqual([
      `DRIVER_HOLIDAY_DAY ${at('2024-10-02T08:30:00').toISOString()} ${at('2024-10-02T18:30:00').toISOString()}`,
      `DRIVER_HOLIDAY_NIGHT ${at('2024-10-02T18:30:00').toISOString()} ${at('2024-10-03T08:30:00').toISOString()}`,
    ]);
    expect(hours(r.officeShifts)).toEqual([
      `OFFICE_DAY ${at('2024-10-02T08:30:00').toISOString()} ${at('2024-10-02T18:00:00').toISOString()}`,
      `OFFICE_NIGHT ${at('2024-10-02T18:00:00').toISOString()} ${at('2024-10-03T08:30:00').toISOString()}`,
    ]);
    await expect(rpc('planDutyShifts', { fromDate: '2 Oct', days: 1 }, officer)).rejects.toMatchObject({
      code: 'DESK_INPUT_INVALID',
    });
  });
});
