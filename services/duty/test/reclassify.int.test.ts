import { createIdempotencyStore, systemClock } from '@gov/platform';
import { testEnv, testLogger, waitFor } from '@gov/testkit';
import { startSmsSimulator } from '../../../bench/duty/sms-simulator';
import { createAlertUpgrade } from '../src/app/alert-upgrade';
import { createUpwardReporting } from '../src/app/upward-reports';
import { connectAlertPath } from '../src/adapters/mongo/alert-connection';
import { createDeliveryLedger } from '../src/adapters/mongo/delivery.repository';
import { createHttpNotifier } from '../src/adapters/notify/http-notifier';
import { defaultReportingPolicy } from '../src/domain/reporting-policy';
import { fastPolicy, intake, officer, sleep, startReplica } from './harness';

// Spec duty §9.10 RC-1 with §9.4 S3 on the real Mongo-wire store: an incident lifted into I/II reaches the
// people an I/II intake alerts at S3, once across retries and replicas, never the one who acknowledged it.
const env = testEnv('duty-reclassify');
let sms: Awaited<ReturnType<typeof startSmsSimulator>>;
beforeAll(async () => {
  sms = await startSmsSimulator();
});
afterAll(async () => {
  await sms.stop();
});

const s3 = (incidentId: string) =>
  sms.messages
    .filter((m) => m.incidentId === incidentId && m.messageId.split('|')[1] === 'S3')
    .map((m) => m.messageId.split('|')[2])
    .sort();
const leader = { ...officer, userId: 'l1', roles: ['OFFICE_LEADER'] };

/** A replica with upward reporting wired to the upgrade alerts as main.ts wires it. */
async function withReporting(owner: string, policy = { ...fastPolicy, otherS2AckSec: 60, otherS3AckSec: 60 }) {
  const r = await startReplica(env, { owner, smsUrl: sms.url, policy });
  const alert = await connectAlertPath({
    url: env.mongoUrl,
    dbName: env.dbName,
    nodeEnv: 'test',
    poolSize: 2,
    logger: testLogger(),
  });
  const reporting = createUpwardReporting({
    store: r.store,
    clock: systemClock,
    idempotency: createIdempotencyStore(r.conn),
    policy: defaultReportingPolicy,
    track: () => undefined,
    directory: (at) => r.cache.directory(at),
    alertUpgrade: createAlertUpgrade({
      store: r.store,
      ledger: createDeliveryLedger(alert),
      notifier: createHttpNotifier({ smsBaseUrl: sms.url, timeoutMs: 2000, push: r.hub.publish }),
      directory: (at) => r.cache.directory(at),
      clock: systemClock,
      owner,
    }),
  });
  return {
    ...r,
    reporting,
    async stop() {
      await alert.close();
      await r.stop();
    },
  };
}

describe('reclassify upgrade alerts', () => {
  it('an upgrade from IV to I alerts the director and the government leader on duty once, across a retry and a second replica (spec duty §9.10 RC-1, §9.4 S3)', async () => {
    const a = await withReporting('rc-a');
    const b = await withReporting('rc-b');
    try {
      const i = await a.raise(intake('k-rc-up', { severity: 'IV', possiblyMajor: false }), officer);
      await waitFor(() => sms.messages.some((m) => m.incidentId === i.id), { what: 'the S2 alert' });
      expect(s3(i.id)).toEqual([]);
      const cmd = { incidentId: i.id, severity: 'I', possiblyMajor: false, reason: '伤亡扩大' };
      // two leaders on two replicas at once, then a retry of the first call
      await Promise.all([
        a.reporting.reclassify({ ...cmd, idempotencyKey: 'rc-up-1' }, leader),
        b.reporting.reclassify({ ...cmd, idempotencyKey: 'rc-up-2' }, { ...leader, userId: 'dir' }),
      ]);
      await a.reporting.reclassify({ ...cmd, idempotencyKey: 'rc-up-1' }, leader);
      await waitFor(() => s3(i.id).length >= 2, { what: 'the S3 alerts' });
      await sleep(300); // and nothing more after them
      expect(s3(i.id)).toEqual(['dir', 'g1']);
      expect(sms.resends).toBe(0);
      const ledger = (await a.store.deliveries(i.id)) as { _id: string }[];
      expect(ledger.map((x) => x._id)).toEqual(expect.arrayContaining([`${i.id}|S3|dir|1`, `${i.id}|S3|g1|1`]));

      const audit = (await a.store.audit(i.id)).filter((x) => x.action === 'incident.escalated');
      const steps = audit.flatMap((x) => (x.details as { steps: { recipientId: string; reason: string }[] }).steps);
      expect(steps.map((s) => `${s.recipientId}:${s.reason}`).sort()).toEqual(['dir:RECLASSIFIED', 'g1:RECLASSIFIED']);
      const doc = (await a.conn.collection('incidents').findOne({ _id: i.id } as never)) as unknown as {
        outbox: { type: string; _id: string }[];
      };
      expect(
        doc.outbox
          .filter((e) => e.type === 'gov.duty.incident.escalated')
          .map((e) => e._id)
          .sort(),
      ).toEqual([`${i.id}:escalated:dir:S3`, `${i.id}:escalated:g1:S3`]);
      // the S3 people may now acknowledge: the upgrade made them recipients
      await expect(
        a.ack({ incidentId: i.id }, { ...leader, userId: 'g1', roles: ['GOV_LEADER'] }),
      ).resolves.toMatchObject({ acknowledgedBy: 'g1' });
    } finally {
      await a.stop();
      await b.stop();
    }
  });

  it('does not alert the person who already acknowledged the incident (spec duty §9.10 RC-1, §9.5 AK-1)', async () => {
    // the office leader stays silent, so the director is reached by escalation and acknowledges
    const a = await withReporting('rc-ack', { ...fastPolicy, otherS3AckSec: 60 });
    try {
      const i = await a.raise(intake('k-rc-ack', { severity: 'III', possiblyMajor: false }), officer);
      await waitFor(() => sms.messages.some((m) => m.incidentId === i.id && m.messageId.includes('|ESCALATION|dir|')), {
        what: 'the escalation to the director',
      });
      await a.ack({ incidentId: i.id }, { ...leader, userId: 'dir', roles: ['OFFICE_DIRECTOR'] });
      await a.reporting.reclassify(
        { idempotencyKey: 'rc-ack-1', incidentId: i.id, severity: 'II', possiblyMajor: false, reason: '' },
        leader,
      );
      expect(s3(i.id)).toEqual(['g1']);
    } finally {
      await a.stop();
    }
  });

  it('sends nothing new when an I/II incident alerted at intake is lowered and raised again (spec duty §9.10 RC-1)', async () => {
    const a = await withReporting('rc-again', { ...fastPolicy, majorS2AckSec: 60, majorS3AckSec: 60 });
    try {
      const i = await a.raise(intake('k-rc-again'), officer);
      await waitFor(() => s3(i.id).length === 2, { what: 'the intake S3 alerts' });
      const rc = (key: string, severity: string, reason = '') =>
        a.reporting.reclassify(
          { idempotencyKey: key, incidentId: i.id, severity, possiblyMajor: false, reason },
          leader,
        );
      await rc('rc-again-down', 'IV', '核实后为一般事件');
      await rc('rc-again-up', 'I');
      await waitFor(() => s3(i.id).length >= 2, { what: 'the S3 alerts' });
      await sleep(300); // and nothing more after them
      expect(s3(i.id)).toEqual(['dir', 'g1']);
      expect(sms.resends).toBe(0);
      expect((await a.store.getIncident(i.id))?.upgradedToMajorAt).toBeInstanceOf(Date);
      expect((await a.store.audit(i.id)).some((x) => x.action === 'incident.escalated')).toBe(false);
    } finally {
      await a.stop();
    }
  });
});
