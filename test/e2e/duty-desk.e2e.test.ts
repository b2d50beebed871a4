import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { dutyDeskEventTypes, topics } from '@gov/contracts';
import { waitFor } from '@gov/testkit';
import { startDutyStack } from './duty-stack';

// The duty desk through the gateway (spec duty §7, §8, §12, §13; §19 scenarios 7-10, 26-29): the built duty
// process serves DutyDeskService beside DutyService, the gateway maps REST to it, the relay publishes the events.
// Needs main.ts to call wireDesk(...) and the gateway to mount dutyDeskRoutes (see services/duty/src/desk-wiring.ts).
const person = (sub: string, roles: string[]) => ({
  sub,
  name: sub,
  org: 'gov-office/duty-room',
  roles,
  clearance: 'INTERNAL',
});
const people = {
  officer: person('o1', ['DUTY_OFFICER']),
  operator: person('op1', ['HOTLINE_OPERATOR']),
  leader: person('l1', ['OFFICE_LEADER_ON_DUTY']),
  general: person('gs1', ['GENERAL_SECTION']),
  guard: person('g1', ['SECURITY_GUARD']),
};

describe('duty desk through the gateway', () => {
  let stack: Awaited<ReturnType<typeof startDutyStack>>;
  let consumer: Consumer;
  const tokens: Record<string, string> = {};
  const events: { type: string; key: string }[] = [];

  beforeAll(async () => {
    // a fast sweep so the urgent-document timer acts within the test
    stack = await startDutyStack('duty-desk-e2e', { DESK_SWEEP_INTERVAL_MS: '200' });
    for (const [k, c] of Object.entries(people)) tokens[k] = await stack.keys.sign(c);
    const kafka = new Kafka({ clientId: 'duty-desk-e2e', brokers: stack.env.kafkaBrokers, logLevel: logLevel.NOTHING });
    consumer = kafka.consumer({ groupId: `duty-desk-e2e-${Date.now()}`, maxWaitTimeInMs: 100 });
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
        ...(method === 'GET' ? {} : { 'idempotency-key': key ?? `desk-e2e-${++n}` }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> & { id: string } };
  };
  const published = (key: string, type: string) =>
    waitFor(() => events.some((e) => e.key === key && e.type === type), { what: type, timeoutMs: 20000 });

  it('puts a fax received on a Sunday on the 综合股 registration list and publishes received_offhours (§19 scenario 7)', async () => {
    const fax = {
      kind: 'FAX',
      addressedTo: 'GOVERNMENT',
      sender: '州人民政府办公室',
      title: '关于做好冬季安全生产工作的通知',
      receivedAt: '2024-11-17T09:50:00+08:00',
    };
    const first = await send('POST', '/v1/duty/desk/documents', 'officer', fax, 'fax-1');
    const retry = await send('POST', '/v1/duty/desk/documents', 'officer', fax, 'fax-1');
    expect(first.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    expect(first.body).toMatchObject({ offHours: true, status: 'WITH_GENERAL_SECTION' });
    const queue = await send('GET', '/v1/duty/desk/registration-queue', 'general');
    expect((queue.body.documents as { id: string }[]).map((d) => d.id)).toContain(first.body.id);
    await published(first.body.id, dutyDeskEventTypes.offHoursDocumentReceived);
    const reg = await send('POST', `/v1/duty/desk/documents/${first.body.id}/register`, 'general');
    expect(reg.body).toMatchObject({ status: 'REGISTERED', registeredBy: 'gs1' });
  });

  it('alerts on a 特急件 not forwarded by the warning time and marks it late after the limit (§19 scenario 8)', async () => {
    // received 50 and 61 minutes ago: past the 45-minute warning, and past the 60-minute limit
    const urgent = (minutesAgo: number) =>
      send('POST', '/v1/duty/desk/documents', 'officer', {
        kind: 'TELEGRAM',
        sender: '省政府总值班室',
        title: `特急明电 ${minutesAgo}`,
        urgency: 'EXTRA_URGENT',
        receivedAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
      });
    const warned = (await urgent(50)).body;
    const late = (await urgent(61)).body;
    await published(warned.id, dutyDeskEventTypes.urgentDocumentForwardWarning);
    await published(late.id, dutyDeskEventTypes.urgentDocumentLate);
    expect((await send('GET', `/v1/duty/desk/documents/${warned.id}`, 'officer')).body).toMatchObject({ late: false });
    expect((await send('GET', `/v1/duty/desk/documents/${late.id}`, 'officer')).body).toMatchObject({ late: true });
    const fwd = await send('POST', `/v1/duty/desk/documents/${warned.id}/forward`, 'officer', { leaderId: 'l1' });
    expect(fwd.body).toMatchObject({ forwardedTo: 'l1', late: false });
  });

  it('allows only REDIRECTED for a complaint about a court judgment (§19 scenario 9)', async () => {
    const c = await send('POST', '/v1/duty/desk/calls', 'operator', {
      line: 'DIRECT_LINE',
      category: 'ABOUT_COURT',
      content: '对法院判决不服',
    });
    expect(c.status).toBe(201);
    expect(c.body).toMatchObject({ inScope: false, allowedActions: ['REDIRECT'] });
    const answer = await send('POST', `/v1/duty/desk/calls/${c.body.id}/answer`, 'operator', { answer: '已答复' });
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ code: 'CALL_OUT_OF_SCOPE' });
    const r = await send('POST', `/v1/duty/desk/calls/${c.body.id}/redirect`, 'operator', { note: '劝其向法院反映' });
    expect(r.body).toMatchObject({ status: 'CLOSED', outcome: 'REDIRECTED_OTHER_ORGAN' });
    await published(c.body.id, dutyDeskEventTypes.callReceived);
  });

  it('answers a call on a 来电处理笺 only after the leader instruction (§19 scenario 10)', async () => {
    const c = await send('POST', '/v1/duty/desk/calls', 'operator', {
      line: 'MAYOR_PUBLIC_LINE',
      category: 'LIVELIHOOD_PROBLEM',
      content: '小区停水三天',
    });
    const path = `/v1/duty/desk/calls/${c.body.id}`;
    await send('POST', `${path}/slip`, 'operator', { proposal: '建议转水务局', leaderId: 'l1' });
    const early = await send('POST', `${path}/reply`, 'operator', { reply: '已处理' });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'CALL_NEEDS_INSTRUCTION' });
    await send('POST', `${path}/instruction`, 'leader', { instruction: '请水务局今日恢复供水' });
    const replied = await send('POST', `${path}/reply`, 'operator', { reply: '已按批示答复' });
    expect(replied.body).toMatchObject({ status: 'CLOSED', outcome: 'REPLIED' });
  });

  it('denies a visitor without valid ID, refuses a post leave without replacement, escalates 60 petitioners (§19 scenarios 26-28)', async () => {
    const v = await send('POST', '/v1/duty/desk/visitors', 'guard', {
      name: '赵六',
      hostUnitId: 'finance',
      business: '送材料',
      hostConfirmed: true,
      idVerified: false,
      screened: true,
    });
    expect(v.body).toMatchObject({ status: 'DENIED', denyReasons: ['NO_VALID_ID'] });
    const leave = await send('POST', '/v1/duty/desk/post-leaves', 'guard', {
      guardId: 'g1',
      post: 'east-gate',
      approvedBy: 'sec-head',
      from: new Date().toISOString(),
      to: new Date(Date.now() + 3600_000).toISOString(),
    });
    expect(leave.status).toBe(409);
    expect(leave.body).toMatchObject({ code: 'POST_LEAVE_NO_REPLACEMENT' });
    const p = await send('POST', '/v1/duty/desk/petition-visits', 'guard', { groupSize: 60, matter: '征地补偿' });
    expect((p.body.notifications as { recipient: string }[]).map((x) => x.recipient)).toEqual([
      'PETITION_RECEPTION_ROOM',
      'PETITION_BUREAU',
      'PUBLIC_SECURITY',
    ]);
  });

  it('plans holiday driver shifts 08:30-18:30 / 18:30-08:30 beside office shifts 08:30-18:00 / 18:00-08:30 (§19 scenario 29)', async () => {
    const r = await send('GET', '/v1/duty/desk/shift-plan?from=2024-10-02', 'officer');
    expect(r.status).toBe(200);
    const local = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(11, 16);
    const hours = (s: unknown) =>
      (s as { startsAt: string; endsAt: string }[]).map((w) => `${local(w.startsAt)}-${local(w.endsAt)}`);
    expect(hours(r.body.driverShifts)).toEqual(['08:30-18:30', '18:30-08:30']);
    expect(hours(r.body.officeShifts)).toEqual(['08:30-18:00', '18:00-08:30']);
  });
});
