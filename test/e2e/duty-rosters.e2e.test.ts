import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { dutyRosterEventTypes, topics } from '@gov/contracts';
import { waitFor } from '@gov/testkit';
import { startDutyStack } from './duty-stack';

// Roster review and holiday rosters through the gateway (spec duty §4.2 RS-1..RS-5, §4.3): the built duty process
// serves DutyRosterService beside DutyService, the gateway maps REST to it, the relay publishes
// duty.roster.published. Needs main.ts to call wireRosters(...) and the gateway to mount dutyRostersRoutes (see
// services/duty/src/rosters-wiring.ts).
const person = (sub: string, roles: string[]) => ({
  sub,
  name: sub,
  org: 'gov-office/duty-room',
  roles,
  clearance: 'INTERNAL',
});
const people = {
  secretary: person('sec', ['ROSTER_ADMIN']),
  manager: person('mgr', ['DUTY_ROOM_MANAGER']),
  director: person('dir', ['OFFICE_DIRECTOR']),
  officer: person('o1', ['DUTY_OFFICER']),
};

/** One fully covered office day (08:30 → next 08:30 Shanghai) in JSON. */
function day(date: string, p: { day: string; night: string; leader: string }) {
  const at = (t: string) => new Date(`${date}T${t}:00+08:00`).toISOString();
  const next = new Date(Date.parse(`${date}T08:30:00+08:00`) + 86_400_000).toISOString();
  return [
    { type: 'OFFICE_DAY', startsAt: at('08:30'), endsAt: at('18:00'), personId: p.day },
    { type: 'OFFICE_NIGHT', startsAt: at('18:00'), endsAt: next, personId: p.night },
    { type: 'OFFICE_LEADER_24H', startsAt: at('08:30'), endsAt: next, personId: p.leader },
  ];
}

describe('duty rosters through the gateway', () => {
  let stack: Awaited<ReturnType<typeof startDutyStack>>;
  let consumer: Consumer;
  const tokens: Record<string, string> = {};
  const events: { type: string; key: string }[] = [];

  beforeAll(async () => {
    stack = await startDutyStack('duty-rosters-e2e');
    for (const [k, c] of Object.entries(people)) tokens[k] = await stack.keys.sign(c);
    const kafka = new Kafka({
      clientId: 'duty-rosters-e2e',
      brokers: stack.env.kafkaBrokers,
      logLevel: logLevel.NOTHING,
    });
    consumer = kafka.consumer({ groupId: `duty-rosters-e2e-${Date.now()}`, maxWaitTimeInMs: 100 });
    await consumer.connect();
    await consumer.subscribe({ topic: stack.env.topicPrefix + topics.duty, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        events.push({ type: message.headers?.ce_type?.toString() ?? '', key: message.key?.toString() ?? '' });
      },
    });
  }, 120000);
  afterAll(async () => {
    if (process.env.E2E_DEBUG) console.log(stack?.outputs());
    await consumer?.disconnect();
    await stack?.stop();
  }, 30000);

  let n = 0;
  const send = async (method: string, path: string, who: keyof typeof people, body?: unknown, key?: string) => {
    const res = await fetch(`${stack.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${tokens[who]}`,
        'content-type': 'application/json',
        ...(method === 'GET' ? {} : { 'idempotency-key': key ?? `rosters-e2e-${++n}` }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> & { id: string } };
  };
  const onDuty = async (at: string) => {
    const res = await send('GET', `/v1/duty/on-duty?at=${encodeURIComponent(at)}`, 'officer');
    return (res.body.people as { shiftType: string; personId: string }[])
      .map((p) => `${p.shiftType}:${p.personId}`)
      .sort();
  };

  it('reviews a roster DRAFT → SUBMITTED → APPROVED → PUBLISHED; only then it answers who is on duty (spec duty §4.3)', async () => {
    const shifts = [
      ...day('2027-03-08', { day: 'o1', night: 'o2', leader: 'l1' }),
      ...day('2027-03-09', { day: 'o3', night: 'o1', leader: 'l2' }),
    ];
    const body = {
      kind: 'REGULAR',
      periodStart: '2027-03-08T08:30:00+08:00',
      periodEnd: '2027-03-10T08:30:00+08:00',
      shifts,
    };
    const created = await send('POST', '/v1/duty/rosters/drafts', 'secretary', body, 'draft-1');
    expect(created).toMatchObject({ status: 201, body: { status: 'DRAFT', kind: 'REGULAR', submittedAt: null } });
    const again = await send('POST', '/v1/duty/rosters/drafts', 'secretary', body, 'draft-1');
    expect(again.body.id).toBe(created.body.id);
    const path = `/v1/duty/rosters/drafts/${created.body.id}`;
    expect((await send('POST', `${path}/submission`, 'secretary')).body.status).toBe('SUBMITTED');
    const refused = await send('POST', `${path}/approval`, 'secretary', {});
    expect(refused).toMatchObject({ status: 403, body: { code: 'ROSTER_REVIEW_NOT_PERMITTED' } });
    expect((await send('POST', `${path}/approval`, 'director', { note: '同意' })).body.status).toBe('APPROVED');
    expect(await onDuty('2027-03-08T12:00:00+08:00')).toEqual([]);
    const published = await send('POST', `${path}/publication`, 'manager', undefined, 'publish-1');
    const retried = await send('POST', `${path}/publication`, 'manager', undefined, 'publish-1');
    expect(published.body).toMatchObject({ status: 'PUBLISHED', publishedVersion: 1, approvedBy: 'dir' });
    expect(retried.body).toEqual(published.body);
    expect(await onDuty('2027-03-08T12:00:00+08:00')).toEqual(['OFFICE_DAY:o1', 'OFFICE_LEADER_24H:l1']);
    await waitFor(
      () => events.some((e) => e.key === created.body.id && e.type === dutyRosterEventTypes.rosterPublished),
      {
        what: 'duty.roster.published',
        timeoutMs: 20000,
      },
    );
  });

  it('refuses to submit an uncovered night with COVERAGE_GAP and returns a rejected roster to DRAFT (§19 scenario 1)', async () => {
    // o3 and o2 take this day: with the roster published above, everyone stands at two shifts this quarter (RS-2)
    const shifts = day('2027-03-15', { day: 'o3', night: 'o2', leader: 'l1' }).filter((s) => s.type !== 'OFFICE_NIGHT');
    const created = await send('POST', '/v1/duty/rosters/drafts', 'secretary', {
      kind: 'REGULAR',
      periodStart: '2027-03-15T08:30:00+08:00',
      periodEnd: '2027-03-16T08:30:00+08:00',
      shifts,
    });
    const path = `/v1/duty/rosters/drafts/${created.body.id}`;
    expect(await send('POST', `${path}/submission`, 'secretary')).toMatchObject({
      status: 409,
      body: { code: 'COVERAGE_GAP' },
    });
    const revised = await send('POST', `${path}/revision`, 'secretary', {
      shifts: day('2027-03-15', { day: 'o3', night: 'o2', leader: 'l1' }),
    });
    expect(revised.body.shifts).toHaveLength(3);
    await send('POST', `${path}/submission`, 'secretary');
    const rejected = await send('POST', `${path}/rejection`, 'manager', { reason: '带班领导请换人' });
    expect(rejected.body).toMatchObject({ status: 'DRAFT', rejectionReason: '带班领导请换人', rejectedBy: 'mgr' });
  });

  it('drafts a holiday roster from the calendar and refuses to publish it too late (spec duty §4.2 RS-2..RS-5)', async () => {
    const pool = (...ids: string[]) => ids.map((personId) => ({ personId, name: personId, phone: '13900000000' }));
    const drafted = await send('POST', '/v1/duty/rosters/drafts/holiday', 'secretary', {
      holidayName: '国庆节',
      year: 2024,
      officers: pool('h1', 'h2', 'h3', 'h4'),
      leaders: pool('hl1', 'hl2'),
      govLeaders: pool('hg1'),
    });
    expect(drafted).toMatchObject({
      status: 201,
      body: { kind: 'HOLIDAY', status: 'DRAFT', holidayName: 'National Day', periodStart: '2024-10-01T00:30:00.000Z' },
    });
    expect(drafted.body.shifts).toHaveLength(28);
    const path = `/v1/duty/rosters/drafts/${drafted.body.id}`;
    await send('POST', `${path}/submission`, 'secretary');
    await send('POST', `${path}/approval`, 'director', {});
    expect(await send('POST', `${path}/publication`, 'director')).toMatchObject({
      status: 409,
      body: { code: 'ROSTER_PUBLISH_TOO_LATE' },
    });
    expect((await send('GET', path, 'manager')).body.status).toBe('APPROVED');
    const unknown = await send('POST', '/v1/duty/rosters/drafts/holiday', 'secretary', {
      holidayName: 'Christmas',
      year: 2024,
      officers: pool('h1', 'h2'),
      leaders: pool('hl1'),
    });
    expect(unknown).toMatchObject({ status: 404, body: { code: 'HOLIDAY_NOT_FOUND' } });
  });
});
