import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import type { Connection } from 'mongoose';
import { dutyRosterEventTypes as types, dutyRostersEventsV1 as ev, dutyRostersV1, topics } from '@gov/contracts';
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
import { createRosterRepository } from '../src/adapters/mongo/roster.repository';
import { createPublishRoster } from '../src/app/publish-roster';
import { createRosterCache } from '../src/app/roster-cache';
import { defaultShiftPolicy } from '../src/domain/roster';
import { wireRosters } from '../src/rosters-wiring';

// Roster review (spec duty §4.3), RS-5 and holiday rosters (§4.2) on the real store and broker, through
// DutyRosterService over gRPC with the wiring main.ts uses (wireRosters), the kit's relay publishing the outbox,
// the real 2024-2026 working-day calendar and a clock moved by hand.
const env = testEnv('duty-rosters');
const logger = testLogger();
const at = (local: string) => new Date(`${local}+08:00`);
let now = at('2026-09-01T09:00:00');
const clock = { now: () => new Date(now) };
const actor = (role: string, userId = role.toLowerCase()): Actor => ({
  userId,
  name: userId,
  orgUnitId: 'office',
  roles: [role],
  clearance: 'INTERNAL',
});
const admin = actor('ROSTER_ADMIN', 'sec');
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
let client: dutyRostersV1.DutyRosterServiceClient;
let rosters: ReturnType<typeof wireRosters>;
let cache: ReturnType<typeof createRosterCache>;
const received: Received[] = [];
const shutdown = createShutdown({ logger, timeoutMs: 10_000, exit: () => undefined });

beforeAll(async () => {
  await createTestTopics(env);
  conn = await connectMongo({ url: env.mongoUrl, dbName: env.dbName, nodeEnv: 'test', logger });
  const metrics = createMetrics('duty_rosters_int');
  const publisher = createEventPublisher({
    kafka: createKafka({ brokers: env.kafkaBrokers, clientId: 'duty-rosters-int', logger }),
    source: '/gov/duty',
    topicPrefix: env.topicPrefix,
  });
  await publisher.connect();
  const grpc = createGrpcServer({ logger, metrics, authenticate: createAuthenticate({ allowUnsignedActor: true }) });
  cache = createRosterCache({ rosters: createRosterRepository(conn, clock) });
  rosters = wireRosters(
    {
      mongo: conn,
      grpc,
      idempotency: createIdempotencyStore(conn),
      handoff: (m, h) => relay?.handoff(m, h),
      logger,
      shutdown,
    },
    clock,
    // the lock sweep is driven by hand below (runOnce), with the clock moved past a period's end
    { cache: { put: (r) => cache.put(r) }, lockSweepMs: 3600_000 },
  );
  await ensureIndexes(conn);
  relay = createOutboxRelay({ models: rosters.models, publisher, logger, metrics, pollMs: 100 });
  relay.start();
  const port = await grpc.start(0, '127.0.0.1');
  client = createClient(dutyRostersV1.DutyRosterServiceClient, `127.0.0.1:${port}`);
  const raw = new Kafka({ clientId: 'duty-rosters-reader', brokers: env.kafkaBrokers, logLevel: logLevel.NOTHING });
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

function rpc<Res>(method: keyof dutyRostersV1.DutyRosterServiceClient, req: object, who: Actor): Promise<Res> {
  const fn = (client[method] as (...a: unknown[]) => unknown).bind(client);
  return unaryCall(fn as never, req, callMetadata({ actor: encodeActor(who) }), 5000) as Promise<Res>;
}
type DraftRes = { draft: dutyRostersV1.RosterDraft };
const key = () => randomUUID();
const step = (method: keyof dutyRostersV1.DutyRosterServiceClient, who: Actor, req: object) =>
  rpc<DraftRes>(method, { idempotencyKey: key(), ...req }, who).then((r) => r.draft);
const eventsOf = (k: string) => received.filter((e) => e.key === k && e.type === types.rosterPublished);
const auditOf = async (id: string) =>
  ((await conn.collection('roster_drafts').findOne({ _id: id as never })) as unknown as { audit: AuditEntry[] }).audit;

/** One fully covered office day on the wire (08:30 → next 08:30). */
function wireDay(day: string, p: { day: string; night: string; leader: string }) {
  const next = new Date(at(`${day}T08:30:00`).getTime() + 86_400_000).toISOString();
  const iso = (t: string) => at(`${day}T${t}:00`).toISOString();
  return [
    { type: 'OFFICE_DAY', startsAt: iso('08:30'), endsAt: iso('18:00'), personId: p.day },
    { type: 'OFFICE_NIGHT', startsAt: iso('18:00'), endsAt: next, personId: p.night },
    { type: 'OFFICE_LEADER_24H', startsAt: iso('08:30'), endsAt: next, personId: p.leader },
  ];
}
const regular = (
  shifts = [
    ...wireDay('2026-09-14', { day: 'o1', night: 'o2', leader: 'l1' }),
    ...wireDay('2026-09-15', { day: 'o3', night: 'o1', leader: 'l2' }),
  ],
) => ({
  kind: 'REGULAR',
  periodStart: at('2026-09-14T08:30:00').toISOString(),
  periodEnd: at('2026-09-16T08:30:00').toISOString(),
  shifts,
  contacts: [{ personId: 'o1', name: '张三', phone: '13800000001', standingRole: '', away: false, substituteId: '' }],
  restOverrides: [],
  fairnessExemption: '',
  holidayName: '',
});

describe('roster review (spec duty §4.3)', () => {
  it('publishes DRAFT → SUBMITTED → APPROVED → PUBLISHED once, feeds the cache only then, and emits duty.roster.published', async () => {
    now = at('2026-09-01T09:00:00');
    const createReq = { idempotencyKey: key(), ...regular() };
    const d = (await rpc<DraftRes>('createRosterDraft', createReq, admin)).draft;
    expect((await rpc<DraftRes>('createRosterDraft', createReq, admin)).draft.id).toBe(d.id);
    expect(d).toMatchObject({ status: 'DRAFT', kind: 'REGULAR', preparedBy: 'sec' });
    expect(await step('submitRosterDraft', admin, { id: d.id })).toMatchObject({ status: 'SUBMITTED' });
    expect(await step('approveRosterDraft', director, { id: d.id, note: '同意' })).toMatchObject({
      status: 'APPROVED',
      approvedBy: 'dir',
    });
    await cache.reload();
    expect(cache.onDuty(at('2026-09-14T12:00:00'))).toEqual([]);
    now = at('2026-09-02T10:00:00');
    const publishReq = { idempotencyKey: key(), id: d.id };
    const p = (await rpc<DraftRes>('publishRosterDraft', publishReq, manager)).draft;
    const retried = (await rpc<DraftRes>('publishRosterDraft', publishReq, manager)).draft;
    expect(p).toMatchObject({ status: 'PUBLISHED', publishedVersion: 1, publishedBy: 'mgr' });
    expect(retried).toEqual(p);
    await cache.reload();
    expect(
      cache
        .onDuty(at('2026-09-14T12:00:00'))
        .map((x) => x.shift.personId)
        .sort(),
    ).toEqual(['l1', 'o1']);
    await waitFor(() => eventsOf(d.id).length >= 1, { what: 'roster.published' });
    expect(ev.RosterPublished.decode(eventsOf(d.id)[0]!.payload)).toMatchObject({
      rosterId: d.id,
      version: 1,
      kind: 'REGULAR',
      publishedBy: 'mgr',
      approvedBy: 'dir',
      at: now.toISOString(),
    });
    expect(ev.RosterPublished.decode(eventsOf(d.id)[0]!.payload).shifts).toHaveLength(6);
    const trail = await auditOf(d.id);
    expect(trail.map((a) => a.action)).toEqual([
      'roster.drafted',
      'roster.submitted',
      'roster.approved',
      'roster.published',
    ]);
    expect(verifyAuditChain(trail)).toEqual({ ok: true });
    await expect(step('publishRosterDraft', director, { id: d.id })).resolves.toMatchObject({ status: 'PUBLISHED' });
    expect(eventsOf(d.id)).toHaveLength(1);
  });

  it('counts RS-2 over the calendar quarter: a roster fair on its own is refused when the quarter drifts, and an exemption lets it through (spec duty §4.2 RS-2)', async () => {
    now = at('2026-12-20T09:00:00');
    // three days each: o1 and o2 two shifts, o3 and o4 one; the second stretch repeats the same extra shifts
    const stretch = (d: [string, string, string], start: string, end: string, exemption = '') => ({
      ...regular([
        ...wireDay(d[0], { day: 'o1', night: 'o2', leader: 'l1' }),
        ...wireDay(d[1], { day: 'o1', night: 'o2', leader: 'l2' }),
        ...wireDay(d[2], { day: 'o3', night: 'o4', leader: 'l1' }),
      ]),
      periodStart: at(start).toISOString(),
      periodEnd: at(end).toISOString(),
      fairnessExemption: exemption,
    });
    const first = (
      await rpc<DraftRes>(
        'createRosterDraft',
        {
          idempotencyKey: key(),
          ...stretch(['2027-01-11', '2027-01-12', '2027-01-13'], '2027-01-11T08:30:00', '2027-01-14T08:30:00'),
        },
        admin,
      )
    ).draft;
    await step('submitRosterDraft', admin, { id: first.id });
    await step('approveRosterDraft', director, { id: first.id, note: '' });
    const second = (
      await rpc<DraftRes>(
        'createRosterDraft',
        {
          idempotencyKey: key(),
          ...stretch(['2027-01-18', '2027-01-19', '2027-01-20'], '2027-01-18T08:30:00', '2027-01-21T08:30:00'),
        },
        admin,
      )
    ).draft;
    await expect(step('submitRosterDraft', admin, { id: second.id })).rejects.toMatchObject({ code: 'ROSTER_UNFAIR' });
    const exempted = (
      await rpc<DraftRes>(
        'createRosterDraft',
        {
          idempotencyKey: key(),
          ...stretch(
            ['2027-01-18', '2027-01-19', '2027-01-20'],
            '2027-01-18T08:30:00',
            '2027-01-21T08:30:00',
            'o3、o4 本季度借调县应急局',
          ),
        },
        admin,
      )
    ).draft;
    expect(await step('submitRosterDraft', admin, { id: exempted.id })).toMatchObject({ status: 'SUBMITTED' });
  });

  it('refuses to submit a draft with an uncovered night (COVERAGE_GAP, §19 scenario 1); reject returns it to DRAFT', async () => {
    const shifts = regular().shifts.filter((s) => !(s.type === 'OFFICE_NIGHT' && s.personId === 'o2'));
    const d = await step('createRosterDraft', admin, regular(shifts));
    await expect(step('submitRosterDraft', admin, { id: d.id })).rejects.toMatchObject({ code: 'COVERAGE_GAP' });
    const fixed = await step('reviseRosterDraft', admin, { id: d.id, ...regular() });
    expect(await step('submitRosterDraft', admin, { id: fixed.id })).toMatchObject({ status: 'SUBMITTED' });
    await expect(step('approveRosterDraft', admin, { id: d.id, note: '' })).rejects.toMatchObject({
      code: 'ROSTER_REVIEW_NOT_PERMITTED',
    });
    await expect(step('rejectRosterDraft', director, { id: d.id, reason: '' })).rejects.toMatchObject({
      code: 'ROSTER_INPUT_INVALID',
    });
    expect(await step('rejectRosterDraft', director, { id: d.id, reason: '请调整' })).toMatchObject({
      status: 'DRAFT',
      rejectionReason: '请调整',
      submittedAt: '',
    });
    await expect(step('publishRosterDraft', director, { id: d.id })).rejects.toMatchObject({ code: 'ROSTER_STATE' });
    await expect(rpc('getRosterDraft', { id: 'rdr-nope' }, director)).rejects.toMatchObject({
      code: 'ROSTER_DRAFT_NOT_FOUND',
    });
    expect(verifyAuditChain(await auditOf(d.id))).toEqual({ ok: true });
  });
});

describe('holiday rosters (spec duty §4.2 RS-2..RS-5)', () => {
  const pool = (...ids: string[]) => ids.map((personId) => ({ personId, name: personId, phone: '13900000000' }));

  it('drafts 2026 National Day from the calendar and publishes it only 3 working days ahead (RS-5)', async () => {
    now = at('2026-09-28T09:00:00');
    const d = await step('draftHolidayRoster', admin, {
      holidayName: 'National Day',
      year: 2026,
      officers: pool('a', 'b', 'c', 'd', 'e'),
      leaders: pool('l1', 'l2', 'l3'),
      govLeaders: pool('g1', 'g2'),
      contacts: [],
    });
    expect(d).toMatchObject({
      kind: 'HOLIDAY',
      status: 'DRAFT',
      holidayName: 'National Day',
      periodStart: at('2026-10-01T08:30:00').toISOString(),
      periodEnd: at('2026-10-08T08:30:00').toISOString(),
    });
    expect(d.shifts).toHaveLength(28);
    await step('submitRosterDraft', admin, { id: d.id });
    await step('approveRosterDraft', director, { id: d.id, note: '' });
    await expect(step('publishRosterDraft', director, { id: d.id })).rejects.toMatchObject({
      code: 'ROSTER_PUBLISH_TOO_LATE',
    });
    expect(await conn.collection('rosters').findOne({ _id: d.id as never })).toBeNull();
    now = at('2026-09-24T16:00:00');
    expect(await step('publishRosterDraft', director, { id: d.id })).toMatchObject({ status: 'PUBLISHED' });
    expect(await conn.collection('rosters').findOne({ _id: d.id as never })).toMatchObject({ version: 1 });
    await waitFor(() => eventsOf(d.id).length === 1, { what: 'holiday roster.published' });
    expect(ev.RosterPublished.decode(eventsOf(d.id)[0]!.payload)).toMatchObject({ kind: 'HOLIDAY' });
  });

  it('answers HOLIDAY_NOT_FOUND and HOLIDAY_POOL_TOO_SMALL with stable codes', async () => {
    const req = { holidayName: '国庆节', year: 2026, leaders: pool('l1'), govLeaders: [], contacts: [] };
    await expect(step('draftHolidayRoster', admin, { ...req, officers: pool('a') })).rejects.toMatchObject({
      code: 'HOLIDAY_POOL_TOO_SMALL',
    });
    await expect(
      step('draftHolidayRoster', admin, { ...req, year: 2031, officers: pool('a', 'b') }),
    ).rejects.toMatchObject({ code: 'HOLIDAY_NOT_FOUND' });
  });
});

describe('one-step PublishRoster (duty.proto) recorded through review', () => {
  it('still publishes in one step and now also emits duty.roster.published, once per content', async () => {
    now = at('2026-09-01T09:00:00');
    const publish = createPublishRoster({
      rosters: createRosterRepository(conn, clock),
      cache,
      idempotency: createIdempotencyStore(conn),
      policy: defaultShiftPolicy,
      review: rosters.review,
    });
    const day = (d: string, o1: string, o2: string, l: string) =>
      wireDay(d, { day: o1, night: o2, leader: l }).map((s) => ({
        ...s,
        type: s.type as 'OFFICE_DAY',
        startsAt: new Date(s.startsAt),
        endsAt: new Date(s.endsAt),
      }));
    const cmd = {
      idempotencyKey: key(),
      periodStart: at('2026-11-02T08:30:00'),
      periodEnd: at('2026-11-03T08:30:00'),
      shifts: day('2026-11-02', 'o1', 'o2', 'l1'),
      contacts: [],
    };
    const r = await publish(cmd, manager);
    await publish({ ...cmd, idempotencyKey: key() }, manager);
    await waitFor(() => eventsOf(r.id).length === 1, { what: 'one-step roster.published' });
    expect(
      cache
        .onDuty(at('2026-11-02T12:00:00'))
        .map((x) => x.shift.personId)
        .sort(),
    ).toEqual(['l1', 'o1']);
    expect((await auditOf(r.id)).map((a) => a.action)).toEqual(['roster.published_directly']);
  });
});

describe('roster lock at period end (spec duty §4.3 PUBLISHED → LOCKED)', () => {
  it('locks a published roster once its period ended: audited, announced as duty.roster.locked, and marked for the swaps', async () => {
    now = at('2026-09-01T09:00:00');
    const publish = createPublishRoster({
      rosters: createRosterRepository(conn, clock),
      cache,
      idempotency: createIdempotencyStore(conn),
      policy: defaultShiftPolicy,
      review: rosters.review,
    });
    const shifts = wireDay('2026-12-07', { day: 'o1', night: 'o2', leader: 'l1' }).map((s) => ({
      ...s,
      type: s.type as 'OFFICE_DAY',
      startsAt: new Date(s.startsAt),
      endsAt: new Date(s.endsAt),
    }));
    const r = await publish(
      {
        idempotencyKey: key(),
        periodStart: at('2026-12-07T08:30:00'),
        periodEnd: at('2026-12-08T08:30:00'),
        shifts,
        contacts: [],
      },
      manager,
    );
    const projection = async () =>
      (await createRosterRepository(conn, clock).amendments.get(r.id)) as { lockedAt?: Date } | undefined;
    // one minute before the end nothing is locked
    now = at('2026-12-08T08:29:00');
    await rosters.lockSweep.runOnce();
    expect((await rpc<DraftRes>('getRosterDraft', { id: r.id }, manager)).draft.status).toBe('PUBLISHED');
    expect((await projection())?.lockedAt).toBeFalsy();

    now = at('2026-12-08T08:31:00');
    expect(await rosters.lockSweep.runOnce()).toBeGreaterThanOrEqual(1);
    expect(await rosters.lockSweep.runOnce()).toBe(0);
    const locked = (await rpc<DraftRes>('getRosterDraft', { id: r.id }, manager)).draft;
    expect(locked).toMatchObject({ status: 'LOCKED', lockedAt: now.toISOString(), publishedVersion: 1 });
    expect((await projection())?.lockedAt).toEqual(now);
    const audit = await auditOf(r.id);
    expect(audit.map((a) => a.action)).toEqual(['roster.published_directly', 'roster.locked']);
    expect(verifyAuditChain(audit)).toEqual({ ok: true });
    const lockedEvents = () => received.filter((e) => e.key === r.id && e.type === 'gov.duty.roster.locked');
    await waitFor(() => lockedEvents().length === 1, { what: 'roster.locked' });
    expect(ev.RosterLocked.decode(lockedEvents()[0]!.payload)).toMatchObject({
      rosterId: r.id,
      version: 1,
      periodEnd: at('2026-12-08T08:30:00').toISOString(),
    });
  });
});
