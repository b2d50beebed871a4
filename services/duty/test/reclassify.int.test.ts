import { createIdempotencyStore, systemClock } from '@gov/platform';
import { testEnv, waitFor } from '@gov/testkit';
import { startSmsSimulator } from '../../../bench/duty/sms-simulator';
import { createAlertUpgrade } from '../src/app/alert-upgrade';
import { createUpwardReporting } from '../src/app/upward-reports';
import { upgradeRoundId } from '../src/domain/escalation-ladder';
import type { EscalationPolicy } from '../src/domain/escalation-policy';
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

/** Alerts of one step to one incident, as `person|attempt|channel`. */
const sent = (incidentId: string, step: string) =>
  sms.messages
    .filter((m) => m.incidentId === incidentId && m.messageId.split('|')[1] === step)
    .map((m) => m.messageId.split('|').slice(2).join('|'))
    .sort();

/** A replica with upward reporting wired to the upgrade alerts as main.ts wires it. */
async function withReporting(
  owner: string,
  policy: EscalationPolicy = { ...fastPolicy, otherS2AckSec: 60, otherS3AckSec: 60, majorS3AckSec: 60 },
  opts: { start?: boolean } = {},
) {
  const r = await startReplica(env, { owner, smsUrl: sms.url, policy, ...opts });
  const reporting = createUpwardReporting({
    store: r.store,
    clock: systemClock,
    idempotency: createIdempotencyStore(r.conn),
    policy: defaultReportingPolicy,
    track: () => undefined,
    directory: (at) => r.cache.directory(at),
    alertUpgrade: createAlertUpgrade({
      store: r.store,
      engine: r.engine,
      directory: (at) => r.cache.directory(at),
      clock: systemClock,
      policy,
    }),
  });
  return { ...r, reporting };
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
      // the ledger entry that makes the director a recipient is written after the send returns
      await waitFor(async () => (await a.store.notifications(i.id)).some((n) => n.recipientId === 'dir'), {
        what: 'the stored escalation',
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

describe('reclassify upgrade alerts: acknowledgement and crash safety', () => {
  // IV at intake, the office leader takes command at once, then a leader lifts it to I: the S3 people are owed
  // their alerts and their acknowledgement even though the incident is already under command
  const policy: EscalationPolicy = { ...fastPolicy, otherS2AckSec: 60, otherS3AckSec: 60, majorS3AckSec: 0.9 };
  async function commandedThenUpgraded(r: Awaited<ReturnType<typeof withReporting>>, key: string, via = r) {
    const i = await r.raise(intake(key, { severity: 'IV', possiblyMajor: false }), officer);
    await waitFor(() => sent(i.id, 'S2').length > 0, { what: 'the S2 alert' });
    await r.ack({ incidentId: i.id }, leader);
    await via.reporting.reclassify(
      { idempotencyKey: `${key}-up`, incidentId: i.id, severity: 'I', possiblyMajor: false, reason: '伤亡扩大' },
      leader,
    );
    return i;
  }

  it('repeats the call and reaches the next in the chain when an S3 person does not acknowledge an upgrade in time (spec duty §9.10 RC-1, §9.5 AK-2, §9.4 S3)', async () => {
    const a = await withReporting('rc-timeout', policy);
    try {
      const i = await commandedThenUpgraded(a, 'k-rc-timeout');
      expect(s3(i.id)).toEqual(['dir', 'g1']);
      // the S3 budget (0.9 s here) passes: each is called again by voice, and the government chain goes on to
      // the principal; the office chain has nobody after the director
      await waitFor(() => sent(i.id, 'REPEAT').length >= 2 && sent(i.id, 'ESCALATION').length > 0, {
        what: 'the repeat calls and the escalation',
        timeoutMs: 10_000,
      });
      expect(sent(i.id, 'REPEAT')).toEqual(['dir|2|VOICE', 'g1|2|VOICE']);
      expect(sent(i.id, 'ESCALATION').map((m) => m.split('|')[0])).toContain('head');
      // on the record once the alerts are out
      const steps = async () =>
        (await a.store.audit(i.id))
          .filter((x) => x.action === 'incident.escalated')
          .flatMap((x) => (x.details as { steps: { recipientId: string; reason: string }[] }).steps)
          .map((x) => `${x.recipientId}:${x.reason}`);
      await waitFor(async () => (await steps()).includes('head:ACK_TIMEOUT'), { what: 'the recorded escalation' });
      expect(sms.resends).toBe(0);
    } finally {
      await a.stop();
    }
  });

  it('stops the upgrade round once an S3 person acknowledges it, though the incident was acknowledged before (spec duty §9.5 AK-1, §9.10 RC-1)', async () => {
    const a = await withReporting('rc-acked', { ...policy, majorS3AckSec: 1.5 });
    try {
      const i = await commandedThenUpgraded(a, 'k-rc-acked');
      expect(s3(i.id)).toEqual(['dir', 'g1']);
      await a.ack({ incidentId: i.id }, { ...leader, userId: 'g1', roles: ['GOV_LEADER'] });
      await sleep(2500); // past the S3 budget
      expect(sent(i.id, 'REPEAT')).toEqual([]);
      expect(sent(i.id, 'ESCALATION')).toEqual([]);
      const audit = (await a.store.audit(i.id)).map((x) => x.action);
      expect(audit.filter((x) => x === 'incident.upgrade_acknowledged')).toHaveLength(1);
      // the office leader's earlier acknowledgement still stands for the incident
      expect((await a.store.getIncident(i.id))?.acknowledgedBy).toBe('l1');
    } finally {
      await a.stop();
    }
  });

  it('sends the upgrade alerts after a crash between arming them and sending, from the restarted owner (spec duty §9.10 RC-1, §9.11 NF-3)', async () => {
    const a = await withReporting('rc-crash', policy);
    let restarted: Awaited<ReturnType<typeof withReporting>> | undefined;
    try {
      const i = await a.raise(intake('k-rc-crash', { severity: 'IV', possiblyMajor: false }), officer);
      await waitFor(() => sent(i.id, 'S2').length > 0, { what: 'the S2 alert' });
      await a.ack({ incidentId: i.id }, leader);
      // the process dies after the round is written (its claim) and before anything is sent: a stopped engine
      // takes nothing, as a dead one would
      await a.engine.stop();
      await a.reporting.reclassify(
        { idempotencyKey: 'k-rc-crash-up', incidentId: i.id, severity: 'II', possiblyMajor: false, reason: '' },
        leader,
      );
      await sleep(300);
      expect(s3(i.id)).toEqual([]);
      const round = await a.store.pendingRound(upgradeRoundId(i.id));
      expect(Object.keys(round?.timers ?? {}).sort()).toEqual(
        ['a-S3-dir', 'a-S3-g1', 'n-S3-dir-1', 'n-S3-g1-1', 'r-S3-dir-1', 'r-S3-g1-1'].filter(
          (k) => !k.startsWith('r-') || policy.voiceFallbackSec,
        ),
      );
      // the replica comes back under its own id and re-arms what was left pending, the round included
      restarted = await withReporting('rc-crash', policy);
      await waitFor(() => s3(i.id).length >= 2, { what: 'the S3 alerts after the restart', timeoutMs: 10_000 });
      expect(s3(i.id)).toEqual(['dir', 'g1']);
      // and their acknowledgement budget runs on the restarted owner
      await waitFor(() => sent(i.id, 'REPEAT').length >= 2, { what: 'the repeat calls', timeoutMs: 10_000 });
      expect(sms.resends).toBe(0);
    } finally {
      await restarted?.stop();
      await a.stop();
    }
  });

  it('hands an upgrade taken on another replica to the owner of the incident, which sends and times it (spec duty §9.10 RC-1, ARCHITECTURE §7)', async () => {
    const owner = await withReporting('rc-owner', policy);
    const other = await withReporting('rc-other', policy);
    try {
      const i = await commandedThenUpgraded(owner, 'k-rc-handoff', other);
      await waitFor(() => s3(i.id).length >= 2, { what: 'the S3 alerts from the owner', timeoutMs: 10_000 });
      expect(s3(i.id)).toEqual(['dir', 'g1']);
      const ledger = (await owner.store.deliveries(i.id)) as { _id: string; owner: string }[];
      expect(ledger.filter((x) => x._id.includes('|S3|')).map((x) => x.owner)).toEqual(['rc-owner', 'rc-owner']);
      await waitFor(() => sent(i.id, 'REPEAT').length >= 2, { what: 'the repeat calls', timeoutMs: 10_000 });
      // the owner clears hand-over notes at its lease renewals: the note is gone by the next one at the latest
      await waitFor(async () => (await owner.conn.collection('timer_handoffs').countDocuments({})) === 0, {
        what: 'the hand-over note cleared by the owner',
        timeoutMs: 10_000,
      });
      expect(sms.resends).toBe(0);
    } finally {
      await owner.stop();
      await other.stop();
    }
  });
});
