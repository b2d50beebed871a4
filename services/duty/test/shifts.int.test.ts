import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import type { Connection } from 'mongoose';
import {
  dutyEventsV1,
  dutyRosterEventTypes,
  dutyRostersEventsV1,
  dutyShiftEventTypes as types,
  dutyShiftsEventsV1 as ev,
  dutyShiftsV1,
  topics,
} from '@gov/contracts';
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
import { createDutyLogRepository } from '../src/adapters/mongo/duty-log.repository';
import { createRosterRepository } from '../src/adapters/mongo/roster.repository';
import { shiftId } from '../src/app/shift-commands';
import { appendEntry } from '../src/domain/duty-log';
import type { Roster } from '../src/domain/roster';
import { wireShifts } from '../src/shifts-wiring';

// Spec duty §19 scenarios 3, 4, 5 and 25 and roster swaps (§4.3) on the real store and broker, through
// DutyShiftService over gRPC with the same wiring main.ts uses (wireShifts), the kit's relay publishing the
// outboxes, and a clock moved by hand.
const env = testEnv('duty-shifts');
const logger = testLogger();
const at = (local: string) => new Date(`${local}+08:00`);
let now = at('2024-10-03T07:00:00');
const clock = { now: () => new Date(now) };
const actor = (role: string, userId = role.toLowerCase()): Actor => ({
  userId,
  name: userId,
  orgUnitId: 'office',
  roles: [role],
  clearance: 'INTERNAL',
});
const outgoing = actor('DUTY_OFFICER', 'zhang');
const incoming = actor('DUTY_OFFICER', 'li');
const manager = actor('DUTY_ROOM_MANAGER', 'mgr');
const director = actor('OFFICE_DIRECTOR', 'dir');

interface Received {
  type: string;
  id: string;
  key: string;
  payload: Buffer;
}
let conn: Connection;
let relay: OutboxRelay;
let reader: Consumer;
let client: dutyShiftsV1.DutyShiftServiceClient;
let shifts: ReturnType<typeof wireShifts>;
const received: Received[] = [];
const shutdown = createShutdown({ logger, timeoutMs: 10_000, exit: () => undefined });

beforeAll(async () => {
  await createTestTopics(env);
  conn = await connectMongo({ url: env.mongoUrl, dbName: env.dbName, nodeEnv: 'test', logger });
  const metrics = createMetrics('duty_shifts_int');
  const publisher = createEventPublisher({
    kafka: createKafka({ brokers: env.kafkaBrokers, clientId: 'duty-shifts-int', logger }),
    source: '/gov/duty',
    topicPrefix: env.topicPrefix,
  });
  await publisher.connect();
  const grpc = createGrpcServer({ logger, metrics, authenticate: createAuthenticate({ allowUnsignedActor: true }) });
  shifts = wireShifts(
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
  relay = createOutboxRelay({ models: shifts.models, publisher, logger, metrics, pollMs: 100 });
  relay.start();
  const port = await grpc.start(0, '127.0.0.1');
  client = createClient(dutyShiftsV1.DutyShiftServiceClient, `127.0.0.1:${port}`);
  const raw = new Kafka({ clientId: 'duty-shifts-reader', brokers: env.kafkaBrokers, logLevel: logLevel.NOTHING });
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
function rpc<Res>(method: keyof dutyShiftsV1.DutyShiftServiceClient, req: object, who: Actor): Promise<Res> {
  const fn = (client[method] as (...a: unknown[]) => unknown).bind(client);
  return unaryCall(fn as never, req, callMetadata({ actor: encodeActor(who) }), 5000) as Promise<Res>;
}
type HandoverRes = { handover: dutyShiftsV1.Handover };
const key = () => randomUUID();
const eventsOf = (k: string, type?: string) => received.filter((e) => e.key === k && (!type || e.type === type));
const auditOf = async (collection: string, id: string) =>
  ((await conn.collection(collection).findOne({ _id: id as never })) as unknown as { audit: AuditEntry[] }).audit;

async function open(from: string, to: string, start: string, out = outgoing, inc = incoming) {
  const res = await rpc<HandoverRes>(
    'openHandover',
    {
      idempotencyKey: key(),
      fromShiftId: from,
      toShiftId: to,
      outgoingOfficerId: out.userId,
      incomingOfficerId: inc.userId,
      shiftStart: at(start).toISOString(),
    },
    manager,
  );
  return res.handover;
}
const step = (method: keyof dutyShiftsV1.DutyShiftServiceClient, who: Actor, req: object) =>
  rpc<HandoverRes>(method, { idempotencyKey: key(), ...req }, who).then((r) => r.handover);

describe('handover (spec duty §5)', () => {
  it('alerts at 08:20 when the incoming officer is absent; 08:22 is late, 08:19 on time (§19 scenario 3)', async () => {
    now = at('2024-10-03T07:00:00');
    const late = await open('night-1002', 'day-1003', '2024-10-03T08:30:00');
    const early = await open('night-1002b', 'day-1003b', '2024-10-03T08:30:00');
    now = at('2024-10-03T08:19:00');
    expect(await step('checkInHandover', incoming, { id: early.id })).toMatchObject({
      status: 'CHECKED_IN',
      onTime: true,
    });
    now = at('2024-10-03T08:20:00');
    expect(await shifts.sweep.runOnce()).toBe(1);
    await waitFor(() => eventsOf(late.id, types.handoverIncomingLate).length === 1, { what: 'incoming_late' });
    expect(ev.HandoverIncomingLate.decode(eventsOf(late.id)[0]!.payload)).toMatchObject({
      handoverId: late.id,
      incomingOfficerId: 'li',
      at: at('2024-10-03T08:20:00').toISOString(),
      alertRoles: ['OFFICE_LEADER_ON_DUTY'],
    });
    now = at('2024-10-03T08:22:00');
    const req = { idempotencyKey: key(), id: late.id };
    const first = await rpc<HandoverRes>('checkInHandover', req, incoming);
    const retried = await rpc<HandoverRes>('checkInHandover', req, incoming);
    expect(first.handover).toMatchObject({ status: 'CHECKED_IN', onTime: false, checkInAt: now.toISOString() });
    expect(retried.handover).toEqual(first.handover);
    expect(eventsOf(early.id, types.handoverIncomingLate)).toHaveLength(0);
    const trail = await auditOf('handovers', late.id);
    expect(trail.map((a) => a.action)).toEqual(['HANDOVER_OPENED', 'HANDOVER_INCOMING_LATE', 'HANDOVER_CHECKED_IN']);
    expect(verifyAuditChain(trail)).toEqual({ ok: true });
  });

  it('refuses the incoming signature until the log since the last handover is confirmed; completion moves the items on (§19 scenario 4)', async () => {
    const log = createDutyLogRepository(conn);
    const append = async (local: string, summary: string) => {
      const entry = appendEntry(await log.all(), {
        at: at(local),
        type: 'OTHER',
        source: 'desk',
        summary,
        actionTaken: '',
        handledBy: 'zhang',
        relatedIds: [],
      });
      expect(await log.insert(entry)).toBe(true);
      return entry.seq;
    };
    // the handover into the evening shift, completed at 18:00 on 10-04: the log to read starts there
    now = at('2024-10-04T17:00:00');
    const before = await open('day-1004', 'night-1004', '2024-10-04T18:00:00', incoming, outgoing);
    now = at('2024-10-04T17:45:00');
    await step('checkInHandover', outgoing, { id: before.id });
    await step('presentHandoverItems', incoming, {
      id: before.id,
      items: [{ kind: 'INCIDENT', refId: 'inc-1', note: '待续报' }],
      resolvedRefIds: [],
    });
    const stale = (await step('getHandover', outgoing, { id: before.id })).logSeqsToConfirm;
    await step('confirmHandoverLog', outgoing, { id: before.id, logSeqs: stale });
    await step('signHandoverOutgoing', incoming, { id: before.id });
    now = at('2024-10-04T18:00:00');
    await step('signHandoverIncoming', outgoing, { id: before.id });

    const s1 = await append('2024-10-04T21:10:00', '特急件转呈');
    const s2 = await append('2024-10-05T02:30:00', '来电登记');
    now = at('2024-10-05T07:30:00');
    const h = await open('night-1004', 'day-1005', '2024-10-05T08:30:00');
    expect(h.pendingItems).toEqual([{ kind: 'INCIDENT', refId: 'inc-1', note: '待续报' }]);
    now = at('2024-10-05T08:15:00');
    await step('checkInHandover', incoming, { id: h.id });
    const presented = await step('presentHandoverItems', outgoing, {
      id: h.id,
      items: [{ kind: 'CALL_SLIP', refId: 'slip-7', note: '' }],
      resolvedRefIds: [],
    });
    expect(presented).toMatchObject({ status: 'HANDING_OVER', logSeqsToConfirm: [s1, s2] });
    await step('signHandoverOutgoing', outgoing, { id: h.id });
    await expect(step('signHandoverIncoming', incoming, { id: h.id })).rejects.toMatchObject({
      code: 'HANDOVER_LOG_NOT_CONFIRMED',
    });
    await expect(step('signHandoverIncoming', outgoing, { id: h.id })).rejects.toMatchObject({
      code: 'HANDOVER_NOT_YOUR_SHIFT',
    });
    await step('confirmHandoverLog', incoming, { id: h.id, logSeqs: [s1, s2] });
    now = at('2024-10-05T08:25:00');
    const done = await step('signHandoverIncoming', incoming, { id: h.id });
    expect(done).toMatchObject({ status: 'COMPLETED', incomingSignedAt: now.toISOString() });
    await waitFor(() => eventsOf(h.id, types.handoverCompleted).length === 1, { what: 'handover.completed' });
    expect(ev.HandoverCompleted.decode(eventsOf(h.id, types.handoverCompleted)[0]!.payload)).toMatchObject({
      toShiftId: 'day-1005',
      incomingOfficerId: 'li',
      onTime: true,
      pendingItems: [
        { kind: 'INCIDENT', refId: 'inc-1', note: '待续报' },
        { kind: 'CALL_SLIP', refId: 'slip-7', note: '' },
      ],
    });
    // the next handover out of day-1005 starts with what this one handed over
    now = at('2024-10-05T17:00:00');
    const nextOne = await open('day-1005', 'night-1005', '2024-10-05T18:00:00', incoming, outgoing);
    expect(nextOne.pendingItems.map((i) => i.refId)).toEqual(['inc-1', 'slip-7']);
    const ended = await step('endShift', outgoing, { handoverId: h.id });
    expect(ended.shiftEndedAt).toBe(now.toISOString());
    await waitFor(() => eventsOf(h.id, types.shiftEnded).length === 1, { what: 'shift.ended' });
    expect(verifyAuditChain(await auditOf('handovers', h.id))).toEqual({ ok: true });
  });

  it('a check-in past the arrival time raises one LATE_CHECKIN violation candidate, an on-time one none (spec duty §5 HO-1, §11.1)', async () => {
    now = at('2024-10-05T07:00:00');
    const late = await open('lc-night', 'lc-day', '2024-10-05T08:30:00');
    const onTime = await open('lc-night-b', 'lc-day-b', '2024-10-05T08:30:00');
    now = at('2024-10-05T08:18:00');
    await step('checkInHandover', incoming, { id: onTime.id });
    now = at('2024-10-05T08:27:00');
    const req = { idempotencyKey: key(), id: late.id };
    await rpc<HandoverRes>('checkInHandover', req, incoming);
    await rpc<HandoverRes>('checkInHandover', req, incoming); // a retry
    // checking in again is refused, and raises nothing new
    await expect(step('checkInHandover', incoming, { id: late.id })).rejects.toMatchObject({
      code: 'HANDOVER_STATE',
    });
    const id = shiftId('vio-late-checkin', late.id);
    const v = (await rpc<{ violation: dutyShiftsV1.Violation }>('getViolation', { id }, director)).violation;
    expect(v).toMatchObject({ personId: 'li', type: 'LATE_CHECKIN', status: 'CANDIDATE' });
    expect(v.evidence).toContain('7 min');
    const lateOnes = conn
      .collection('duty_violations')
      .countDocuments({ type: 'LATE_CHECKIN', personId: 'li', occurredAt: at('2024-10-05T08:27:00') } as never);
    expect(await lateOnes).toBe(1);
    const quiet = await conn
      .collection('duty_violations')
      .findOne({ _id: shiftId('vio-late-checkin', onTime.id) } as never);
    expect(quiet).toBeNull();
    await waitFor(() => eventsOf(id, 'gov.duty.violation.candidate').length === 1, { what: 'violation.candidate' });
    expect(dutyEventsV1.ViolationCandidateRaised.decode(eventsOf(id)[0]!.payload)).toMatchObject({
      handoverId: late.id,
      violation: { id, type: 'LATE_CHECKIN', personId: 'li', status: 'CANDIDATE' },
    });
    expect((await auditOf('duty_violations', id)).map((a) => a.action)).toEqual(['VIOLATION_RECORDED']);
  });

  it('marks the post AT_RISK at 18:00 with nobody checked in, alerts, and refuses to end the day shift (§19 scenario 5)', async () => {
    now = at('2024-10-06T16:00:00');
    const h = await open('day-1006', 'night-1006', '2024-10-06T18:00:00');
    now = at('2024-10-06T18:00:00');
    await shifts.sweep.runOnce();
    const risky = await step('getHandover', manager, { id: h.id });
    expect(risky).toMatchObject({ status: 'AT_RISK', atRiskAt: now.toISOString() });
    await waitFor(() => eventsOf(h.id, types.postAtRisk).length === 1, { what: 'post.at_risk' });
    expect(ev.PostAtRisk.decode(eventsOf(h.id, types.postAtRisk)[0]!.payload)).toMatchObject({
      outgoingOfficerId: 'zhang',
      alertRoles: ['OFFICE_LEADER_ON_DUTY', 'DUTY_ROOM_MANAGER'],
    });
    expect(eventsOf(h.id, types.handoverIncomingLate)).toHaveLength(1);
    await expect(step('endShift', outgoing, { handoverId: h.id })).rejects.toMatchObject({
      code: 'HANDOVER_NOT_COMPLETED',
    });
    expect(await shifts.sweep.runOnce()).toBe(0); // alerted once
  });

  it('refuses bad input and strangers with stable codes', async () => {
    await expect(
      rpc(
        'openHandover',
        {
          idempotencyKey: key(),
          fromShiftId: 'a',
          toShiftId: 'b',
          outgoingOfficerId: 'x',
          incomingOfficerId: 'y',
          shiftStart: 'tomorrow',
        },
        manager,
      ),
    ).rejects.toMatchObject({ code: 'SHIFT_INPUT_INVALID' });
    await expect(
      rpc(
        'openHandover',
        {
          idempotencyKey: '',
          fromShiftId: 'a',
          toShiftId: 'b',
          outgoingOfficerId: 'x',
          incomingOfficerId: 'y',
          shiftStart: now.toISOString(),
        },
        manager,
      ),
    ).rejects.toMatchObject({ code: 'SHIFT_INPUT_INVALID' });
    await expect(rpc('getHandover', { id: 'ho-nope' }, manager)).rejects.toMatchObject({ code: 'HANDOVER_NOT_FOUND' });
    now = at('2024-10-07T07:00:00');
    const h = await open('day-1007', 'night-1007', '2024-10-07T18:00:00');
    expect((await open('day-1007', 'night-1007', '2024-10-07T18:00:00')).id).toBe(h.id);
    await expect(
      open('day-1007', 'night-1007', '2024-10-07T18:00:00', outgoing, actor('DUTY_OFFICER', 'zhao')),
    ).rejects.toMatchObject({ code: 'HANDOVER_EXISTS' });
    await expect(rpc('getHandover', { id: 'ho-nope' }, actor('HOTLINE_OPERATOR'))).rejects.toMatchObject({
      code: 'SHIFT_NOT_PERMITTED',
    });
  });
});

describe('duty violations (spec duty §11)', () => {
  it('confirms the first city circular of the year as 50 % and the second as the full month with a failing rating (§19 scenario 25)', async () => {
    now = at('2024-11-20T10:00:00');
    const record = async (occurredAt: string) =>
      (
        await rpc<{ violation: dutyShiftsV1.Violation }>(
          'recordViolation',
          {
            idempotencyKey: key(),
            personId: 'wang',
            type: 'LATE_REPORT',
            incidentId: 'inc-9',
            evidence: '值班期间离岗致迟报，市政府办通报',
            circularLevel: 'CITY',
            causedByLeavingPost: true,
            occurredAt: at(occurredAt).toISOString(),
          },
          manager,
        )
      ).violation;
    const v1 = await record('2024-03-02T10:00:00');
    const v2 = await record('2024-09-12T22:00:00');
    expect(v1).toMatchObject({ status: 'CANDIDATE', consequence: '' });
    const confirm = (id: string, k = key()) =>
      rpc<{ violation: dutyShiftsV1.Violation }>(
        'confirmViolation',
        { idempotencyKey: k, id, note: '' },
        director,
      ).then((r) => r.violation);
    const k1 = key();
    const c1 = await confirm(v1.id, k1);
    expect(await confirm(v1.id, k1)).toEqual(c1);
    expect(c1).toMatchObject({ status: 'CONFIRMED', circularCountYear: 1, consequence: 'WITHHOLD_50_PCT_MONTH' });
    expect(await confirm(v2.id)).toMatchObject({
      circularCountYear: 2,
      consequence: 'WITHHOLD_FULL_MONTH_AND_YEAR_END_UNSATISFACTORY',
    });
    await waitFor(() => eventsOf(v2.id, types.violationConfirmed).length === 1, { what: 'violation.confirmed' });
    expect(ev.ViolationConfirmed.decode(eventsOf(v2.id)[0]!.payload)).toMatchObject({
      personId: 'wang',
      type: 'LATE_REPORT',
      circularCount: 2,
      consequence: 'WITHHOLD_FULL_MONTH_AND_YEAR_END_UNSATISFACTORY',
    });
    expect(eventsOf(v1.id, types.violationConfirmed)).toHaveLength(1);
    await expect(confirm(v1.id)).rejects.toMatchObject({ code: 'VIOLATION_STATE' });
    await expect(
      rpc('confirmViolation', { idempotencyKey: key(), id: v1.id, note: '' }, manager),
    ).rejects.toMatchObject({ code: 'SHIFT_NOT_PERMITTED' });
    expect(verifyAuditChain(await auditOf('duty_violations', v1.id))).toEqual({ ok: true });
  });
});

describe('roster swaps (spec duty §4.3)', () => {
  const sh = (local: string) => at(local);
  const roster = (): Roster => ({
    id: 'ros-swap',
    version: 1,
    periodStart: sh('2024-12-01T08:30:00'),
    periodEnd: sh('2024-12-02T18:00:00'),
    shifts: [
      { type: 'OFFICE_DAY', personId: 'a', startsAt: sh('2024-12-01T08:30:00'), endsAt: sh('2024-12-01T18:00:00') },
      { type: 'OFFICE_NIGHT', personId: 'b', startsAt: sh('2024-12-01T18:00:00'), endsAt: sh('2024-12-02T08:30:00') },
      { type: 'OFFICE_DAY', personId: 'b', startsAt: sh('2024-12-02T08:30:00'), endsAt: sh('2024-12-02T18:00:00') },
      {
        type: 'OFFICE_LEADER_24H',
        personId: 'l',
        startsAt: sh('2024-12-01T08:30:00'),
        endsAt: sh('2024-12-02T08:30:00'),
      },
      {
        type: 'OFFICE_LEADER_24H',
        personId: 'm',
        startsAt: sh('2024-12-02T08:30:00'),
        endsAt: sh('2024-12-03T08:30:00'),
      },
    ],
    contacts: [],
  });
  type SwapRes = { swap: dutyShiftsV1.ShiftSwap };
  const side = (personId: string, shiftType: string, startsAt: string) => ({
    personId,
    shiftType,
    startsAt: sh(startsAt).toISOString(),
  });

  it('amends the roster to version 2 when an approved swap keeps coverage, keeping version 1', async () => {
    now = at('2024-11-28T09:00:00');
    await createRosterRepository(conn, clock).save(roster());
    const req = {
      idempotencyKey: key(),
      rosterId: 'ros-swap',
      first: side('a', 'OFFICE_DAY', '2024-12-01T08:30:00'),
      second: side('b', 'OFFICE_DAY', '2024-12-02T08:30:00'),
      reason: '家中有事',
    };
    const asked = (await rpc<SwapRes>('requestShiftSwap', req, actor('DUTY_OFFICER', 'a'))).swap;
    expect(asked).toMatchObject({ status: 'REQUESTED', agreedBy: ['a'] });
    await expect(
      rpc('decideShiftSwap', { idempotencyKey: key(), id: asked.id, approve: true, note: '' }, manager),
    ).rejects.toMatchObject({ code: 'SWAP_NOT_AGREED' });
    await expect(
      rpc('agreeShiftSwap', { idempotencyKey: key(), id: asked.id }, actor('DUTY_OFFICER', 'c')),
    ).rejects.toMatchObject({ code: 'SWAP_NOT_A_PARTY' });
    const agreed = (
      await rpc<SwapRes>('agreeShiftSwap', { idempotencyKey: key(), id: asked.id }, actor('DUTY_OFFICER', 'b'))
    ).swap;
    expect(agreed.agreedBy).toEqual(['a', 'b']);
    const decide = { idempotencyKey: key(), id: asked.id, approve: true, note: '' };
    const approved = (await rpc<SwapRes>('decideShiftSwap', decide, manager)).swap;
    expect((await rpc<SwapRes>('decideShiftSwap', decide, manager)).swap).toEqual(approved);
    expect(approved).toMatchObject({ status: 'APPROVED', rosterVersion: 2, decidedBy: 'mgr' });
    const stored = await createRosterRepository(conn, clock).amendments.get('ros-swap');
    expect(stored?.version).toBe(2);
    expect(stored?.shifts.map((s) => s.personId)).toEqual(['b', 'b', 'a', 'l', 'm']);
    expect(await conn.collection('roster_versions').findOne({ _id: 'ros-swap:v1' as never })).toMatchObject({
      version: 1,
    });
    await waitFor(() => eventsOf(asked.id, types.shiftSwapApproved).length === 1, { what: 'swap_approved' });
    expect(ev.ShiftSwapApproved.decode(eventsOf(asked.id)[0]!.payload)).toMatchObject({ rosterVersion: 2 });
    // the amendment is announced like any publication, at the new version, once despite the retried decision
    await waitFor(() => eventsOf('ros-swap', dutyRosterEventTypes.rosterPublished).length >= 1, {
      what: 'roster.published v2',
    });
    await new Promise((r) => setTimeout(r, 300));
    const published = eventsOf('ros-swap', dutyRosterEventTypes.rosterPublished);
    expect(published.map((e) => e.id)).toEqual(['ros-swap:published:v2']);
    const v2 = dutyRostersEventsV1.RosterPublished.decode(published[0]!.payload);
    expect(v2).toMatchObject({ rosterId: 'ros-swap', version: 2, publishedBy: 'mgr' });
    expect(v2.shifts.map((s) => s.personId)).toEqual(['b', 'b', 'a', 'l', 'm']);
    expect((await auditOf('shift_swaps', asked.id)).map((a) => a.action)).toContain('SWAP_APPROVED');
  });

  it('refuses a swap that breaks the coverage rules and leaves the roster alone (spec duty §4.2 RS-4)', async () => {
    const before = await createRosterRepository(conn, clock).amendments.get('ros-swap');
    // b works the 12-01 day and night; taking l's 24-hour leader window of 12-01 would overlap b's own night
    const asked = (
      await rpc<SwapRes>(
        'requestShiftSwap',
        {
          idempotencyKey: key(),
          rosterId: 'ros-swap',
          first: side('b', 'OFFICE_DAY', '2024-12-01T08:30:00'),
          second: side('l', 'OFFICE_LEADER_24H', '2024-12-01T08:30:00'),
          reason: '调休',
        },
        manager,
      )
    ).swap;
    for (const who of ['b', 'l'])
      await rpc('agreeShiftSwap', { idempotencyKey: key(), id: asked.id }, actor('DUTY_OFFICER', who));
    await expect(
      rpc('decideShiftSwap', { idempotencyKey: key(), id: asked.id, approve: true, note: '' }, manager),
    ).rejects.toMatchObject({ code: 'OVERLAPPING_SHIFTS' });
    expect((await createRosterRepository(conn, clock).amendments.get('ros-swap'))?.version).toBe(before?.version);
    await expect(
      rpc(
        'requestShiftSwap',
        {
          idempotencyKey: key(),
          rosterId: 'nope',
          first: side('a', 'OFFICE_DAY', '2024-12-01T08:30:00'),
          second: side('b', 'OFFICE_DAY', '2024-12-02T08:30:00'),
          reason: 'x',
        },
        manager,
      ),
    ).rejects.toMatchObject({ code: 'ROSTER_NOT_FOUND' });
    const rejected = (
      await rpc<SwapRes>(
        'decideShiftSwap',
        { idempotencyKey: key(), id: asked.id, approve: false, note: '覆盖不足' },
        manager,
      )
    ).swap;
    expect(rejected.status).toBe('REJECTED');
  });

  it('refuses swaps once the roster period has ended (LOCKED) with ROSTER_LOCKED and leaves the roster alone (spec duty §4.3)', async () => {
    const before = await createRosterRepository(conn, clock).amendments.get('ros-swap');
    const req = {
      idempotencyKey: key(),
      rosterId: 'ros-swap',
      first: side('b', 'OFFICE_DAY', '2024-12-02T08:30:00'),
      second: side('a', 'OFFICE_DAY', '2024-12-01T08:30:00'),
      reason: '换回',
    };
    const asked = (await rpc<SwapRes>('requestShiftSwap', req, actor('DUTY_OFFICER', 'b'))).swap;
    await rpc('agreeShiftSwap', { idempotencyKey: key(), id: asked.id }, actor('DUTY_OFFICER', 'a'));
    now = at('2024-12-02T18:00:00'); // the period's end
    await expect(
      rpc('decideShiftSwap', { idempotencyKey: key(), id: asked.id, approve: true, note: '' }, manager),
    ).rejects.toMatchObject({ code: 'ROSTER_LOCKED' });
    await expect(
      rpc('requestShiftSwap', { ...req, idempotencyKey: key() }, actor('DUTY_OFFICER', 'b')),
    ).rejects.toMatchObject({ code: 'ROSTER_LOCKED' });
    const after = await createRosterRepository(conn, clock).amendments.get('ros-swap');
    expect(after?.version).toBe(before?.version);
    expect(after?.shifts).toEqual(before?.shifts);
  });
});
