import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { dutyShiftEventTypes, topics } from '@gov/contracts';
import { waitFor } from '@gov/testkit';
import { startDutyStack } from './duty-stack';

// Duty shifts through the gateway (spec duty §5, §11; §19 scenarios 3, 4, 5, 25): the built duty process serves
// DutyShiftService beside DutyService, the gateway maps REST to it, the relay publishes the events. Needs
// main.ts to call wireShifts(...) and the gateway to mount dutyShiftsRoutes (see services/duty/src/shifts-wiring.ts).
const person = (sub: string, roles: string[]) => ({
  sub,
  name: sub,
  org: 'gov-office/duty-room',
  roles,
  clearance: 'INTERNAL',
});
const people = {
  zhang: person('zhang', ['DUTY_OFFICER']),
  li: person('li', ['DUTY_OFFICER']),
  manager: person('mgr', ['DUTY_ROOM_MANAGER']),
  director: person('dir', ['OFFICE_DIRECTOR']),
};

describe('duty shifts through the gateway', () => {
  let stack: Awaited<ReturnType<typeof startDutyStack>>;
  let consumer: Consumer;
  const tokens: Record<string, string> = {};
  const events: { type: string; key: string }[] = [];

  beforeAll(async () => {
    // a fast sweep so the handover clock acts within the test
    stack = await startDutyStack('duty-shifts-e2e', { HANDOVER_SWEEP_INTERVAL_MS: '200' });
    for (const [k, c] of Object.entries(people)) tokens[k] = await stack.keys.sign(c);
    const kafka = new Kafka({
      clientId: 'duty-shifts-e2e',
      brokers: stack.env.kafkaBrokers,
      logLevel: logLevel.NOTHING,
    });
    consumer = kafka.consumer({ groupId: `duty-shifts-e2e-${Date.now()}`, maxWaitTimeInMs: 100 });
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
        ...(method === 'GET' ? {} : { 'idempotency-key': key ?? `shifts-e2e-${++n}` }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> & { id: string } };
  };
  const published = (key: string, type: string) =>
    waitFor(() => events.some((e) => e.key === key && e.type === type), { what: type, timeoutMs: 20000 });
  const open = (from: string, to: string, startsInMs: number) =>
    send('POST', '/v1/duty/handovers', 'manager', {
      fromShiftId: from,
      toShiftId: to,
      outgoingOfficerId: 'zhang',
      incomingOfficerId: 'li',
      shiftStart: new Date(Date.now() + startsInMs).toISOString(),
    });

  it('counts a check-in 30 minutes early as on time and one 5 minutes before the start as late, announcing it (§19 scenario 3)', async () => {
    const early = await open('e2e-night-1', 'e2e-day-1', 30 * 60_000);
    expect(early.status).toBe(201);
    const onTime = await send('POST', `/v1/duty/handovers/${early.body.id}/check-in`, 'li');
    expect(onTime.body).toMatchObject({ status: 'CHECKED_IN', onTime: true });
    const late = await open('e2e-night-2', 'e2e-day-2', 5 * 60_000);
    const checkedIn = await send('POST', `/v1/duty/handovers/${late.body.id}/check-in`, 'li', undefined, 'ci-late');
    const retried = await send('POST', `/v1/duty/handovers/${late.body.id}/check-in`, 'li', undefined, 'ci-late');
    expect(checkedIn.body).toMatchObject({ status: 'CHECKED_IN', onTime: false });
    expect(retried.body).toEqual(checkedIn.body);
    await published(late.body.id, dutyShiftEventTypes.handoverIncomingLate);
  });

  it('refuses the incoming signature until the new log entries are confirmed, then completes (§19 scenario 4)', async () => {
    const h = await open('e2e-day-3', 'e2e-night-3', 60 * 60_000);
    const entry = await send('POST', '/v1/duty/log', 'zhang', {
      type: 'OTHER',
      source: '值班室',
      summary: '特急件已转呈',
    });
    expect(entry.status).toBe(201);
    await send('POST', `/v1/duty/handovers/${h.body.id}/check-in`, 'li');
    const presented = await send('POST', `/v1/duty/handovers/${h.body.id}/items`, 'zhang', {
      items: [{ kind: 'INCIDENT', refId: 'inc-42', note: '待终报' }],
    });
    expect(presented.body.logSeqsToConfirm).toContain(entry.body.seq);
    await send('POST', `/v1/duty/handovers/${h.body.id}/outgoing-signature`, 'zhang');
    const refused = await send('POST', `/v1/duty/handovers/${h.body.id}/incoming-signature`, 'li');
    expect(refused).toMatchObject({ status: 409, body: { code: 'HANDOVER_LOG_NOT_CONFIRMED' } });
    await send('POST', `/v1/duty/handovers/${h.body.id}/log-confirmations`, 'li', {
      logSeqs: presented.body.logSeqsToConfirm,
    });
    const done = await send('POST', `/v1/duty/handovers/${h.body.id}/incoming-signature`, 'li');
    expect(done.body).toMatchObject({ status: 'COMPLETED', pendingItems: [{ refId: 'inc-42' }] });
    await published(h.body.id, dutyShiftEventTypes.handoverCompleted);
    expect((await send('POST', `/v1/duty/handovers/${h.body.id}/end-shift`, 'zhang')).status).toBe(200);
  });

  it('puts the post at risk when nobody checks in by the start and refuses to end the shift (§19 scenario 5)', async () => {
    const h = await open('e2e-day-4', 'e2e-night-4', 1500);
    await published(h.body.id, dutyShiftEventTypes.postAtRisk);
    expect((await send('GET', `/v1/duty/handovers/${h.body.id}`, 'manager')).body.status).toBe('AT_RISK');
    const end = await send('POST', `/v1/duty/handovers/${h.body.id}/end-shift`, 'zhang');
    expect(end).toMatchObject({ status: 409, body: { code: 'HANDOVER_NOT_COMPLETED' } });
  });

  it('confirms a first and a second city circular of the year with rising penalties (§19 scenario 25)', async () => {
    const record = (occurredAt: string) =>
      send('POST', '/v1/duty/violations', 'manager', {
        personId: 'wang',
        type: 'LATE_REPORT',
        evidence: '离岗致迟报',
        circularLevel: 'CITY',
        causedByLeavingPost: true,
        occurredAt,
      });
    const v1 = await record('2024-03-02T10:00:00+08:00');
    const v2 = await record('2024-09-12T10:00:00+08:00');
    expect(v1.status).toBe(201);
    const first = await send('POST', `/v1/duty/violations/${v1.body.id}/confirm`, 'director', {});
    expect(first.body).toMatchObject({ consequence: 'WITHHOLD_50_PCT_MONTH', circularCountYear: 1 });
    const second = await send('POST', `/v1/duty/violations/${v2.body.id}/confirm`, 'director', {});
    expect(second.body).toMatchObject({ consequence: 'WITHHOLD_FULL_MONTH_AND_YEAR_END_UNSATISFACTORY' });
    await published(v2.body.id, dutyShiftEventTypes.violationConfirmed);
    const officer = await send('POST', `/v1/duty/violations/${v1.body.id}/confirm`, 'zhang', {});
    expect(officer).toMatchObject({ status: 403, body: { code: 'SHIFT_NOT_PERMITTED' } });
  });
});
