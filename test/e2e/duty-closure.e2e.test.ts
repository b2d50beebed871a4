import { Kafka, logLevel } from 'kafkajs';
import { dutyEventsV1, dutyV1, topics } from '@gov/contracts';
import { callMetadata, createClient, unaryCall } from '@gov/platform';
import { waitFor } from '@gov/testkit';
import { startDutyStack } from './duty-stack';

// Spec duty §9.10 void and close, and §9.11 NF-8 contact sheet, through the gateway: a leader voids, the target
// that had a report is owed a correction, the log custodian closes only after it, the end states reach Kafka;
// the contact sheet lists the roster, the chains with substitutes and the targets' numbers.
const officer = {
  sub: 'o1',
  name: '李值班',
  org: 'gov-office/duty-room',
  roles: ['DUTY_OFFICER'],
  clearance: 'SECRET',
};
const manager = { ...officer, sub: 'm1', roles: ['DUTY_ROOM_MANAGER'] };
const leader = { ...officer, sub: 'l1', roles: ['OFFICE_LEADER'] };
const custodian = { ...officer, sub: 'k1', roles: ['LOG_CUSTODIAN'] };
const driver = { ...officer, sub: 'd1', roles: ['DRIVER_ON_DUTY'] };
// a leader and a custodian cleared for internal information only: a classified incident looks missing to them
const unclearedLeader = { ...leader, sub: 'l2', clearance: 'INTERNAL' };
const unclearedCustodian = { ...custodian, sub: 'k2', clearance: 'INTERNAL' };

const targets = [
  {
    id: 'first-superior',
    name: '州人民政府总值班室',
    level: 'FIRST_SUPERIOR',
    rules: [{ severities: ['I', 'II', 'UNKNOWN_MAJOR'], phoneLimitMin: 10, writtenLimitMin: 30 }],
    phones: ['0854-8222000', '0854-8222001'],
    fax: '0854-8222002',
  },
  {
    id: 'province',
    name: '省人民政府总值班室',
    level: 'PROVINCE',
    rules: [{ severities: ['I', 'II', 'UNKNOWN_MAJOR'], phoneLimitMin: 20, writtenLimitMin: 40 }],
    phones: ['0851-8680000'],
  },
];

describe('duty void, close and contact sheet through the gateway', () => {
  let stack: Awaited<ReturnType<typeof startDutyStack>>;
  const tokens: Record<string, string> = {};
  // the day shift of today's duty day, so the sheet of that date shows it
  const dayStart = new Date();

  beforeAll(async () => {
    stack = await startDutyStack('duty-closure-e2e', {
      REPORT_TARGETS_JSON: JSON.stringify(targets),
      REPORT_CORRECTION_MIN: '45',
    });
    for (const [k, c] of Object.entries({
      officer,
      manager,
      leader,
      custodian,
      driver,
      unclearedLeader,
      unclearedCustodian,
    }))
      tokens[k] = await stack.keys.sign(c);
    const start = new Date(Date.now() - 3600_000);
    const end = new Date(Date.now() + 23 * 3600_000);
    dayStart.setTime(start.getTime());
    const shift = (type: dutyV1.ShiftType, personId: string) => ({
      type,
      startsAt: start.toISOString(),
      endsAt: end.toISOString(),
      personId,
    });
    const contact = (personId: string, standingRole = '', o: Record<string, unknown> = {}) => ({
      personId,
      name: `name-${personId}`,
      phone: `1390000${personId.padStart(4, '0')}`,
      standingRole,
      away: false,
      substituteId: '',
      ...o,
    });
    const client = createClient(dutyV1.DutyServiceClient, stack.dutyGrpc);
    await unaryCall(
      client.publishRoster.bind(client),
      {
        idempotencyKey: 'closure-roster',
        periodStart: start.toISOString(),
        periodEnd: end.toISOString(),
        shifts: [
          shift(dutyV1.ShiftType.SHIFT_TYPE_OFFICE_DAY, 'o1'),
          shift(dutyV1.ShiftType.SHIFT_TYPE_OFFICE_LEADER_24H, 'l1'),
          shift(dutyV1.ShiftType.SHIFT_TYPE_GOV_LEADER_24H, 'g1'),
        ],
        contacts: [
          contact('o1'),
          contact('l1'),
          contact('g1'),
          contact('dir', 'OFFICE_DIRECTOR', { away: true }),
          contact('act', 'OFFICE_ACTING_DIRECTOR'),
          contact('head', 'GOV_PRINCIPAL', { substituteId: 'exec' }),
          contact('exec', 'GOV_EXEC_DEPUTY'),
        ],
      },
      callMetadata({ authorization: `Bearer ${tokens.manager}` }),
      5000,
    );
    client.close();
  }, 120000);
  afterAll(async () => {
    if (process.env.E2E_DEBUG) console.log(stack?.outputs());
    await stack?.stop();
  }, 30000);

  const call = (method: string, path: string, who: string, body?: unknown, key?: string) =>
    fetch(`${stack.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${tokens[who]}`,
        'content-type': 'application/json',
        ...(key ? { 'idempotency-key': key } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  type Incident = {
    id: string;
    status: string;
    voidReason: string | null;
    closedBy: string | null;
    obligations: { id: string; kind: string; status: string; dueAt: string; waivedReason: string | null }[];
  };

  it('a leader voids with a reason, the reported target gets its correction, and only then the log custodian closes (spec duty §9.10)', async () => {
    const raised = await call(
      'POST',
      '/v1/duty/incidents',
      'officer',
      { title: '某化工厂燃气爆炸', category: 'ACCIDENT', severity: 'II', location: '北街' },
      'cl-raise',
    );
    expect(raised.status).toBe(201);
    const { id } = (await raised.json()) as Incident;
    const phone = (kind: string, targetId: string, key: string) =>
      call(
        'POST',
        `/v1/duty/incidents/${id}/reports`,
        'officer',
        { targetId, mode: 'PHONE', kind, content: kind === 'CORRECTION' ? '经核实为误报' : '', receiverName: '李四' },
        key,
      );
    expect((await phone('FIRST', 'first-superior', 'cl-p1')).status).toBe(201);

    const denied = await call('POST', `/v1/duty/incidents/${id}/void`, 'officer', { reason: '误报' }, 'cl-v0');
    expect(denied.status).toBe(403);
    expect(await denied.json()).toMatchObject({ code: 'VOID_NOT_PERMITTED' });
    const noReason = await call('POST', `/v1/duty/incidents/${id}/void`, 'leader', {}, 'cl-v1');
    expect(noReason.status).toBe(400);
    const voided = await call('POST', `/v1/duty/incidents/${id}/void`, 'leader', { reason: '经核实为误报' }, 'cl-v2');
    expect(voided.status).toBe(200);
    const v = (await voided.json()) as Incident;
    expect(v).toMatchObject({ status: 'VOIDED', voidReason: '经核实为误报' });
    const correction = v.obligations.find((o) => o.kind === 'CORRECTION');
    expect(correction).toMatchObject({ id: 'first-superior:PHONE:CORRECTION', status: 'PENDING' });
    // REPORT_CORRECTION_MIN=45 from configuration
    expect(Date.parse(correction!.dueAt) - Date.now()).toBeGreaterThan(44 * 60_000);
    expect(v.obligations.find((o) => o.id === 'province:PHONE:FIRST')).toMatchObject({
      status: 'WAIVED',
      waivedReason: 'incident voided: 经核实为误报',
    });

    const early = await call('POST', `/v1/duty/incidents/${id}/close`, 'custodian', undefined, 'cl-c1');
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({ code: 'CORRECTION_OPEN' });
    const notKeeper = await call('POST', `/v1/duty/incidents/${id}/close`, 'leader', undefined, 'cl-c0');
    expect(notKeeper.status).toBe(403);
    expect(await notKeeper.json()).toMatchObject({ code: 'CLOSE_NOT_PERMITTED' });
    expect((await phone('CORRECTION', 'first-superior', 'cl-x1')).status).toBe(201);
    const closed = await call('POST', `/v1/duty/incidents/${id}/close`, 'custodian', undefined, 'cl-c2');
    expect(closed.status).toBe(200);
    expect(await closed.json()).toMatchObject({ status: 'CLOSED', closedBy: 'k1' });

    const kafka = new Kafka({
      clientId: 'duty-closure-e2e',
      brokers: stack.env.kafkaBrokers,
      logLevel: logLevel.NOTHING,
    });
    const consumer = kafka.consumer({ groupId: `duty-closure-e2e-${Date.now()}` });
    const seen = new Map<string, Buffer>();
    await consumer.connect();
    await consumer.subscribe({ topic: stack.env.topicPrefix + topics.duty, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const type = message.headers?.ce_type?.toString() ?? '';
        if (message.key?.toString() === id && message.value) seen.set(type, message.value);
      },
    });
    try {
      await waitFor(() => seen.has('gov.duty.incident.voided') && seen.has('gov.duty.incident.closed'), {
        what: 'voided and closed on Kafka',
        timeoutMs: 20000,
      });
    } finally {
      await consumer.disconnect();
    }
    expect(dutyEventsV1.IncidentVoided.decode(seen.get('gov.duty.incident.voided')!)).toMatchObject({
      incidentId: id,
      voidedBy: 'l1',
      reason: '经核实为误报',
      corrections: [expect.objectContaining({ targetId: 'first-superior', kind: 'CORRECTION' })],
    });
    expect(dutyEventsV1.IncidentClosed.decode(seen.get('gov.duty.incident.closed')!)).toMatchObject({
      incidentId: id,
      closedBy: 'k1',
      closedFrom: 'VOIDED',
    });
  });

  it('refuses commands on a classified incident from a caller without clearance before they change anything (ARCHITECTURE §8)', async () => {
    const raised = await call(
      'POST',
      '/v1/duty/incidents',
      'officer',
      { title: '涉密事件', category: 'ACCIDENT', severity: 'II', location: '北街', classified: true },
      'cl-secret-raise',
    );
    expect(raised.status).toBe(201);
    const { id } = (await raised.json()) as Incident;
    const attempts = [
      call('POST', `/v1/duty/incidents/${id}/void`, 'unclearedLeader', { reason: '误报' }, 'cl-secret-v'),
      call('POST', `/v1/duty/incidents/${id}/close`, 'unclearedCustodian', undefined, 'cl-secret-c'),
      call('POST', `/v1/duty/incidents/${id}/chronology-repairs`, 'unclearedCustodian', {}, 'cl-secret-r'),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ code: 'INCIDENT_NOT_FOUND' });
    }
    // nothing happened: a cleared reader sees the incident as raised, neither voided nor closed
    const seen = await call('GET', `/v1/duty/incidents/${id}`, 'leader');
    expect(seen.status).toBe(200);
    expect(await seen.json()).toMatchObject({ id, status: 'ESCALATING', voidReason: null, closedBy: null });
  });

  it('prints the contact sheet of a duty day: roster, chains with substitutes and the targets’ numbers (spec duty §9.11 NF-8)', async () => {
    const date = new Date(dayStart.getTime() + 8 * 3600_000 + 3600_000).toISOString().slice(0, 10);
    const res = await call('GET', `/v1/duty/contact-sheet?date=${date}`, 'officer');
    expect(res.status).toBe(200);
    const sheet = (await res.json()) as {
      date: string;
      shifts: { shiftType: string; person: { personId: string; phone: string } }[];
      chain: { slot: string; person: { personId: string; away: boolean; substitute: { personId: string } | null } }[];
      targets: { targetId: string; phones: string[]; fax: string | null }[];
      text: string;
    };
    expect(sheet.date).toBe(date);
    expect(sheet.shifts.map((s) => `${s.shiftType}:${s.person.personId}`)).toEqual(
      expect.arrayContaining(['OFFICE_DAY:o1', 'OFFICE_LEADER_24H:l1', 'GOV_LEADER_24H:g1']),
    );
    const slot = (name: string) => sheet.chain.find((c) => c.slot === name)?.person;
    expect(slot('OFFICE_DIRECTOR')).toMatchObject({ personId: 'dir', away: true, substitute: { personId: 'act' } });
    expect(slot('GOV_PRINCIPAL')).toMatchObject({ personId: 'head', substitute: { personId: 'exec' } });
    expect(sheet.targets.find((t) => t.targetId === 'first-superior')).toMatchObject({
      phones: ['0854-8222000', '0854-8222001'],
      fax: '0854-8222002',
    });
    expect(sheet.text).toContain(
      '州人民政府总值班室 [FIRST_SUPERIOR] tel 0854-8222000 / 0854-8222001; fax 0854-8222002',
    );
    expect(sheet.text).toContain('name-dir (dir) tel 13900000dir [AWAY]; substitute name-act (act)');
    // the same sheet ready to print when the caller asks for plain text
    const printed = await fetch(`${stack.baseUrl}/v1/duty/contact-sheet?date=${date}`, {
      headers: { authorization: `Bearer ${tokens.officer}`, accept: 'text/plain' },
    });
    expect([printed.status, printed.headers.get('content-type')]).toEqual([200, 'text/plain; charset=utf-8']);
    // each print carries its own printing time; everything after the header is the same sheet
    const body = await printed.text();
    expect(body.split('\n').slice(3)).toEqual(sheet.text.split('\n').slice(3));
    expect(body).toMatch(/^DUTY CONTACT SHEET/);

    const bad = await call('GET', '/v1/duty/contact-sheet?date=2024-02-30', 'officer');
    expect(bad.status).toBe(400);
    const stranger = await call('GET', `/v1/duty/contact-sheet?date=${date}`, 'driver');
    expect(stranger.status).toBe(403);
    expect(await stranger.json()).toMatchObject({ code: 'ROSTER_NOT_PERMITTED' });
  });
});
