import { dutyV1 } from '@gov/contracts';
import { callMetadata, createClient, encodeActor, unaryCall } from '@gov/platform';
import {
  createTestTopics,
  freePort,
  startService,
  testEnv,
  waitFor,
  waitReady,
  type ServiceProcess,
} from '@gov/testkit';
import { startSmsSimulator } from '../../../bench/duty/sms-simulator';
import { officer, rosterAroundNow, sleep } from './harness';

// The crash test: kill -9 the BUILT duty process while incidents are escalating, restart it, and
// count what reached the phones — 0 lost, 0 duplicates. Run `npm run build` first.
const env = testEnv('duty-crash');
let sms: Awaited<ReturnType<typeof startSmsSimulator>>;
let proc: ServiceProcess | undefined;

beforeAll(async () => {
  // the duty process consumes supervision's topic (spec duty §16.2), which must exist as in a deployment
  await createTestTopics(env);
  sms = await startSmsSimulator();
});
afterAll(async () => {
  await proc?.stop();
  await sms.stop();
});

async function startDuty(grpcPort: number, adminPort: number): Promise<ServiceProcess> {
  const p = startService(
    'duty',
    env.serviceEnv({
      GRPC_PORT: String(grpcPort),
      ADMIN_PORT: String(adminPort),
      ALLOW_UNSIGNED_ACTOR: 'true',
      INSTANCE_ID: 'duty-0',
      LEASE_MS: '2000',
      SMS_GATEWAY_URL: sms.url,
      ACK_MAJOR_S2_SEC: '0.6',
      // the count of expected alerts below leaves out the AK-2 voice fallback (its own test covers it)
      VOICE_FALLBACK_SEC: '0',
      ACK_MAJOR_S3_SEC: '0.9',
      ACK_OTHER_S2_SEC: '0.6',
      ACK_OTHER_S3_SEC: '0.9',
    }),
  );
  await waitReady(`http://127.0.0.1:${adminPort}/readyz`, p);
  return p;
}

/** What every II incident must produce with the fast budgets: the ladder run to its end, each once. */
const expectedPerIncident = [
  'ESCALATION|dir|1|SMS',
  'ESCALATION|dir|1|PUSH',
  'ESCALATION|head|1|SMS',
  'REPEAT|dir|2|VOICE',
  'REPEAT|g1|2|VOICE',
  'REPEAT|head|2|VOICE',
  'REPEAT|l1|2|VOICE',
  'S2|l1|1|SMS',
  'S3|dir|1|SMS',
  'S3|g1|1|SMS',
]
  .filter((k) => !k.endsWith('PUSH'))
  .sort();

it('loses and duplicates no notification when the duty process is killed mid-escalation and restarted (ARCHITECTURE §7)', async () => {
  const [grpcPort, adminPort] = [await freePort(), await freePort()];
  proc = await startDuty(grpcPort, adminPort);
  let client = createClient(dutyV1.DutyServiceClient, `127.0.0.1:${grpcPort}`);
  const md = () => callMetadata({ actor: encodeActor({ ...officer, roles: ['DUTY_OFFICER', 'DUTY_ROOM_MANAGER'] }) });
  const r = rosterAroundNow();
  await unaryCall(
    client.publishRoster.bind(client),
    {
      idempotencyKey: 'roster-1',
      periodStart: r.periodStart.toISOString(),
      periodEnd: r.periodEnd.toISOString(),
      shifts: r.shifts.map((s) => ({
        type: dutyV1.ShiftType[`SHIFT_TYPE_${s.type}`],
        startsAt: s.startsAt.toISOString(),
        endsAt: s.endsAt.toISOString(),
        personId: s.personId,
      })),
      contacts: r.contacts.map((c) => ({
        ...c,
        standingRole: c.standingRole ?? '',
        substituteId: c.substituteId ?? '',
      })),
    },
    md(),
    5000,
  );

  const ids: string[] = [];
  const raising = (async () => {
    for (let i = 0; i < 60; i++) {
      const res = await unaryCall(
        client.raiseIncident.bind(client),
        {
          idempotencyKey: `crash-${i}`,
          title: `演练事件 ${i}`,
          category: dutyV1.Category.CATEGORY_ACCIDENT,
          severity: dutyV1.Severity.SEVERITY_II,
          occurredAt: new Date().toISOString(),
          sourceChannel: 'PHONE',
          sourceUnitId: 'town-1',
          location: '',
          description: '',
          classified: false,
        },
        md(),
        5000,
      ).catch(() => undefined); // calls in flight when the process dies fail; they are retried below
      if (res?.incident) ids.push(res.incident.id);
      await sleep(25);
    }
  })();
  await sleep(1200);
  await proc.kill(); // SIGKILL: no shutdown hooks, timers and sends cut off wherever they are
  await raising;
  proc = await startDuty(grpcPort, adminPort);
  client.close(); // the old channel sits in reconnect back-off; a fresh one connects at once
  client = createClient(dutyV1.DutyServiceClient, `127.0.0.1:${grpcPort}`);
  // a client retries the intakes that failed with the same idempotency key: the same incident comes back
  for (let i = 0; i < 60; i++) {
    const res = await unaryCall(
      client.raiseIncident.bind(client),
      {
        idempotencyKey: `crash-${i}`,
        title: `演练事件 ${i}`,
        category: dutyV1.Category.CATEGORY_ACCIDENT,
        severity: dutyV1.Severity.SEVERITY_II,
        occurredAt: new Date().toISOString(),
        sourceChannel: 'PHONE',
        sourceUnitId: 'town-1',
        location: '',
        description: '',
        classified: false,
      },
      md(),
      5000,
    );
    if (!ids.includes(res.incident!.id)) ids.push(res.incident!.id);
  }
  expect(ids).toHaveLength(60);
  const delivered = (id: string) =>
    sms.messages
      .filter((m) => m.incidentId === id)
      .map((m) => m.messageId.split('|').slice(1).join('|'))
      .sort();
  await waitFor(() => ids.every((id) => delivered(id).length >= expectedPerIncident.length), {
    what: 'every ladder run to its end',
    timeoutMs: 20000,
  }).catch((e: unknown) => {
    const short = ids.filter((id) => delivered(id).length < expectedPerIncident.length);
    throw new Error(
      `${String(e)}\n${short.length} incomplete, e.g. ${JSON.stringify(delivered(short[0] ?? ''))}\n${proc?.output().slice(-3000)}`,
    );
  });
  await sleep(1500);
  const lost = ids.flatMap((id) => expectedPerIncident.filter((k) => !delivered(id).includes(k)));
  const extra = ids.flatMap((id) => delivered(id).filter((k) => !expectedPerIncident.includes(k)));
  expect(lost).toEqual([]);
  expect(extra).toEqual([]);
  // the simulator keeps one message per id; a resend it dropped is the price of "never lost" across a kill
  expect(sms.messages.length).toBe(ids.length * expectedPerIncident.length);
  client.close();
}, 120_000);
