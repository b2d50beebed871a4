import { createIdempotencyStore, systemClock, verifyAuditChain } from '@gov/platform';
import { testEnv, testLogger, waitFor } from '@gov/testkit';
import { startSmsSimulator } from '../../../bench/duty/sms-simulator';
import { createIncidentClosure } from '../src/app/close-incident';
import { createObligationClock } from '../src/app/obligation-clock';
import { createRepairChronology } from '../src/app/repair-chronology';
import { createUpwardReporting } from '../src/app/upward-reports';
import { connectAlertPath } from '../src/adapters/mongo/alert-connection';
import { createDeliveryLedger } from '../src/adapters/mongo/delivery.repository';
import { createHttpNotifier } from '../src/adapters/notify/http-notifier';
import type { EscalationPolicy } from '../src/domain/escalation-policy';
import { defaultReportingPolicy } from '../src/domain/reporting-policy';
import { intake, officer, sleep, startReplica } from './harness';

// Spec duty §9.10 void and close on the real Mongo-wire store: a void waives the running report clocks and
// stops escalation on every replica, corrections are owed to each target that had a report, and the log
// custodian closes only a complete chronology (LG-3) with no correction outstanding.
const env = testEnv('duty-closure');
let sms: Awaited<ReturnType<typeof startSmsSimulator>>;
beforeAll(async () => {
  sms = await startSmsSimulator();
});
afterAll(async () => {
  await sms.stop();
});

const minute = 60_000;
const leader = { ...officer, userId: 'l1', roles: ['OFFICE_LEADER'] };
const custodian = { ...officer, userId: 'keeper', roles: ['LOG_CUSTODIAN'] };
const slowAcks: EscalationPolicy = {
  majorS2AckSec: 600,
  majorS3AckSec: 600,
  otherS2AckSec: 600,
  otherS3AckSec: 600,
  repeats: 1,
};

/** A replica with its report clock, reporting and closure use cases, as main.ts wires them. */
async function replica(owner: string, policy: EscalationPolicy = slowAcks) {
  const r = await startReplica(env, { owner, smsUrl: sms.url, policy });
  const alert = await connectAlertPath({
    url: env.mongoUrl,
    dbName: env.dbName,
    nodeEnv: 'test',
    poolSize: 2,
    logger: testLogger(),
  });
  const failures: unknown[] = [];
  const clock = createObligationClock({
    store: r.store,
    ledger: createDeliveryLedger(alert),
    notifier: createHttpNotifier({ smsBaseUrl: sms.url, timeoutMs: 2000, push: r.hub.publish }),
    directory: (at) => r.cache.directory(at),
    clock: systemClock,
    policy: defaultReportingPolicy,
    owner,
    sweepMs: 300,
    graceMs: 500,
    failed: (err) => failures.push(err),
  });
  const idempotency = createIdempotencyStore(r.conn);
  const reporting = createUpwardReporting({
    store: r.store,
    clock: systemClock,
    idempotency,
    policy: defaultReportingPolicy,
    track: clock.track,
    directory: (at) => r.cache.directory(at),
  });
  const closure = createIncidentClosure({
    store: r.store,
    clock: systemClock,
    idempotency,
    policy: defaultReportingPolicy,
    cancel: r.engine.cancel,
    track: clock.track,
  });
  const repair = createRepairChronology({ store: r.store, clock: systemClock, idempotency });
  return {
    ...r,
    clock,
    reporting,
    closure,
    repair,
    failures,
    async raise(key: string, o: Record<string, unknown>) {
      const i = await r.raise(intake(key, o), officer);
      clock.track(i);
      return i;
    },
    phone: (key: string, incidentId: string, targetId: string, kind = 'FIRST') =>
      reporting.recordUpwardReport(
        {
          idempotencyKey: key,
          incidentId,
          targetId,
          mode: 'PHONE',
          kind,
          content: kind === 'CORRECTION' ? '经核实为误报，前报作废' : '',
          receiverName: '州值班室李四',
          documentRef: '',
        },
        officer,
      ),
    async stop() {
      await clock.stop();
      await alert.close();
      await r.stop();
    },
  };
}

const outboxTypes = async (r: Awaited<ReturnType<typeof replica>>, id: string) =>
  (
    (await r.conn.collection('incidents').findOne({ _id: id } as never)) as unknown as { outbox: { type: string }[] }
  ).outbox.map((e) => e.type);

describe('void and close an incident', () => {
  it('a void waives the running clocks so no guard fires, owes a correction to the target that had a report, and close waits for it (spec duty §9.10)', async () => {
    const r = await replica('cl-a');
    try {
      // the province phone guard is due at T_evt + 17 min: 4 s from now
      const i = await r.raise('k-void', { occurredAt: new Date(Date.now() - 17 * minute + 4000) });
      await r.phone('p-first', i.id, 'first-superior');
      await expect(
        r.closure.voidIncident({ idempotencyKey: 'v-0', incidentId: i.id, reason: '误报' }, officer),
      ).rejects.toMatchObject({ code: 'VOID_NOT_PERMITTED' });
      await expect(
        r.closure.voidIncident({ idempotencyKey: 'v-0', incidentId: i.id, reason: '  ' }, leader),
      ).rejects.toMatchObject({ code: 'VOID_REASON_REQUIRED' });
      const before = Date.now();
      await r.closure.voidIncident({ idempotencyKey: 'v-1', incidentId: i.id, reason: '经核实为误报' }, leader);
      // a retry under the same key replays; the incident is voided once
      await r.closure.voidIncident({ idempotencyKey: 'v-1', incidentId: i.id, reason: '经核实为误报' }, leader);
      let now = await r.store.getIncident(i.id);
      expect(now).toMatchObject({ status: 'VOIDED', voidedBy: 'l1', voidReason: '经核实为误报' });
      const status = Object.fromEntries(now!.obligations.map((o) => [o.id, o.status]));
      expect(status).toEqual({
        // its 10-minute deadline had passed at intake; what is done stays as it was
        'first-superior:PHONE:FIRST': 'FULFILLED_LATE',
        'province:PHONE:FIRST': 'WAIVED',
        'first-superior:WRITTEN:FIRST': 'WAIVED',
        'province:WRITTEN:FIRST': 'WAIVED',
        'first-superior:PHONE:CORRECTION': 'PENDING',
      });
      const correction = now!.obligations.find((o) => o.kind === 'CORRECTION')!;
      expect(correction.dueAt.getTime()).toBeGreaterThanOrEqual(before + 60 * minute);
      expect(now!.obligations.find((o) => o.id === 'province:PHONE:FIRST')?.waivedReason).toBe(
        'incident voided: 经核实为误报',
      );

      // past the province guard time: the waived obligation raised no alert and stayed WAIVED
      await sleep(
        Math.max(0, i.obligations.find((o) => o.id === 'province:PHONE:FIRST')!.warnAt.getTime() - Date.now()) + 1500,
      );
      expect(sms.messages.filter((m) => m.incidentId === i.id && m.messageId.includes('|GUARD:'))).toEqual([]);
      expect((await r.store.getIncident(i.id))?.obligations.find((o) => o.id === 'province:PHONE:FIRST')?.status).toBe(
        'WAIVED',
      );

      await expect(r.phone('p-late', i.id, 'province')).rejects.toMatchObject({ code: 'INCIDENT_STATE' });
      await expect(r.closure.closeIncident({ idempotencyKey: 'c-0', incidentId: i.id }, leader)).rejects.toMatchObject({
        code: 'CLOSE_NOT_PERMITTED',
      });
      await expect(
        r.closure.closeIncident({ idempotencyKey: 'c-1', incidentId: i.id }, custodian),
      ).rejects.toMatchObject({ code: 'CORRECTION_OPEN' });
      await expect(r.phone('x-prov', i.id, 'province', 'CORRECTION')).rejects.toMatchObject({
        code: 'REPORT_INVALID',
      });
      await r.phone('x-first', i.id, 'first-superior', 'CORRECTION');
      await r.closure.closeIncident({ idempotencyKey: 'c-2', incidentId: i.id }, custodian);
      now = await r.store.getIncident(i.id);
      expect(now).toMatchObject({ status: 'CLOSED', closedBy: 'keeper' });
      expect(now?.obligations.find((o) => o.kind === 'CORRECTION')?.status).toBe('FULFILLED_ON_TIME');
      expect((await r.store.openObligations()).some((x) => x.id === i.id)).toBe(false);
      const audit = (await r.store.audit(i.id)).map((a) => a.action);
      expect(audit.filter((a) => a === 'incident.voided')).toHaveLength(1);
      expect(audit).toEqual(expect.arrayContaining(['report.recorded', 'incident.closed']));
      expect(await outboxTypes(r, i.id)).toEqual(
        expect.arrayContaining(['gov.duty.incident.voided', 'gov.duty.report.fulfilled', 'gov.duty.incident.closed']),
      );
      expect(r.failures).toEqual([]);
    } finally {
      await r.stop();
    }
  });

  it('a void on one replica stops the escalation another replica runs, as an acknowledgement does (spec duty §9.5, §9.10)', async () => {
    // IV: only the office leader is alerted; silent for 2 s, the ladder would call again and reach the director
    const ladder = { ...slowAcks, otherS2AckSec: 2, otherS3AckSec: 2 };
    const owner = await replica('cl-owner', ladder);
    const other = await replica('cl-other', ladder);
    try {
      const i = await owner.raise('k-stop', { severity: 'IV', possiblyMajor: false });
      await other.closure.voidIncident({ idempotencyKey: 'v-stop', incidentId: i.id, reason: '重复报送' }, leader);
      await sleep(3500);
      const sent = sms.messages.filter((m) => m.incidentId === i.id).map((m) => m.messageId.split('|')[1]);
      expect(sent).toEqual(['S2']);
      // a late acknowledgement finds escalation stopped and leaves the incident voided
      await owner.ack({ incidentId: i.id, personId: 'l1' }, leader);
      expect((await owner.store.getIncident(i.id))?.status).toBe('VOIDED');
      expect(owner.failures).toEqual([]);
    } finally {
      await owner.stop();
      await other.stop();
    }
  });

  it('the log custodian cannot close while a step the alert path recorded is missing from the incident’s record (spec duty §6 LG-3)', async () => {
    const r = await replica('cl-gap');
    try {
      const i = await r.raise('k-gap', { severity: 'IV', possiblyMajor: false });
      // the replica wrote the acknowledgement mark and died before the incident's own record took it
      await r.conn.collection('acknowledgements').insertOne({ _id: i.id, personId: 'l1', at: new Date() } as never);
      await r.closure.voidIncident({ idempotencyKey: 'v-gap', incidentId: i.id, reason: '误报' }, leader);
      const err = await r.closure
        .closeIncident({ idempotencyKey: 'c-gap', incidentId: i.id }, custodian)
        .catch((e) => e);
      expect(err).toMatchObject({ code: 'LOG_CHRONOLOGY_INCOMPLETE' });
      expect(JSON.stringify(err.violations)).toContain('the acknowledgement by l1 is not on record');
      expect((await r.store.getIncident(i.id))?.status).toBe('VOIDED');
      await waitFor(async () => (await r.store.audit(i.id)).some((a) => a.action === 'incident.voided'), {
        what: 'the void on record',
      });
    } finally {
      await r.stop();
    }
  });
});

describe('repair of an incident’s chronology by the log custodian', () => {
  /** A voided IV incident whose acknowledgement (fast path) and an escalation (ledger) never reached its record. */
  async function withGaps(r: Awaited<ReturnType<typeof replica>>, key: string) {
    const i = await r.raise(key, { severity: 'IV', possiblyMajor: false });
    await sleep(20);
    // the replica wrote the acknowledgement mark and the ledger's escalation, then died before the aggregate caught up
    const ackAt = new Date();
    await r.conn.collection('acknowledgements').insertOne({ _id: i.id, personId: 'l1', at: ackAt } as never);
    await r.conn.collection('deliveries').insertOne({
      _id: `${i.id}|ESCALATION|dir|1`,
      incidentId: i.id,
      step: 'ESCALATION',
      recipientId: 'dir',
      attempt: 1,
      channels: ['SMS'],
      owner: 'gone',
      claimedAt: ackAt,
      sent: true,
    } as never);
    await sleep(20);
    await r.closure.voidIncident({ idempotencyKey: `v-${key}`, incidentId: i.id, reason: '误报' }, leader);
    return { i, ackAt };
  }

  it('the custodian rebuilds the missing acknowledgement and escalation at their own times, the chain still verifies and the incident can then be closed (spec duty §6 LG-3, LG-4, §9.10)', async () => {
    const r = await replica('cl-repair');
    try {
      const { i, ackAt } = await withGaps(r, 'k-repair');
      const refused = await r.closure
        .closeIncident({ idempotencyKey: 'c-r0', incidentId: i.id }, custodian)
        .catch((e) => e);
      expect(refused).toMatchObject({ code: 'LOG_CHRONOLOGY_INCOMPLETE' });

      await expect(r.repair({ idempotencyKey: 'r-0', incidentId: i.id }, leader)).rejects.toMatchObject({
        code: 'CHRONOLOGY_REPAIR_NOT_PERMITTED',
      });
      const before = await r.store.audit(i.id);
      const done = await r.repair({ idempotencyKey: 'r-1', incidentId: i.id }, custodian);
      expect(done.unrepaired).toEqual([]);
      expect(done.appended.map((a) => [a.action, a.from])).toEqual([
        ['incident.acknowledged', `acknowledgements/${i.id}`],
        ['incident.escalated', `deliveries/${i.id}|ESCALATION|dir|1`],
        ['chronology.repaired', ''],
      ]);

      // appended after every line already there, nothing before it changed, and the chain verifies
      const after = await r.store.audit(i.id);
      expect(after.slice(0, before.length)).toEqual(before);
      expect(after).toHaveLength(before.length + 3);
      expect(verifyAuditChain(after)).toEqual({ ok: true });
      const ack = after.find((a) => a.action === 'incident.acknowledged')!;
      expect(ack.at).toEqual(ackAt);
      expect(ack.actor).toMatchObject({ userId: 'keeper', role: 'LOG_CUSTODIAN' });
      expect(ack.details).toMatchObject({
        personId: 'l1',
        reconstructed: { by: 'keeper', from: `acknowledgements/${i.id}` },
      });

      // read in time order, the rebuilt acknowledgement stands before the void it preceded, though appended after it
      const chronology = (await r.store.chronology(i.id))!.entries.map((e) => e.action);
      expect(chronology.indexOf('incident.acknowledged')).toBeLessThan(chronology.indexOf('incident.voided'));

      // a retry replays; a new repair finds nothing to fill and appends nothing
      expect(await r.repair({ idempotencyKey: 'r-1', incidentId: i.id }, custodian)).toEqual(done);
      expect(await r.repair({ idempotencyKey: 'r-2', incidentId: i.id }, custodian)).toEqual({
        incidentId: i.id,
        appended: [],
        unrepaired: [],
      });
      expect(await r.store.audit(i.id)).toHaveLength(after.length);

      await r.closure.closeIncident({ idempotencyKey: 'c-r1', incidentId: i.id }, custodian);
      expect(await r.store.getIncident(i.id)).toMatchObject({ status: 'CLOSED', closedBy: 'keeper' });
      await expect(r.repair({ idempotencyKey: 'r-3', incidentId: i.id }, custodian)).rejects.toMatchObject({
        code: 'INCIDENT_STATE',
      });
    } finally {
      await r.stop();
    }
  });

  it('an altered record is reported and left as it is: nothing is rebuilt on it and the incident stays open (spec duty §6 LG-4)', async () => {
    const r = await replica('cl-tamper');
    try {
      const { i } = await withGaps(r, 'k-tamper');
      // someone edits the intake line in the store
      const doc = (await r.conn.collection('incidents').findOne({ _id: i.id } as never)) as unknown as {
        audit: { details: Record<string, unknown> }[];
      };
      doc.audit[0]!.details = { ...doc.audit[0]!.details, severity: 'I' };
      await r.conn.collection('incidents').updateOne({ _id: i.id } as never, { $set: { audit: doc.audit } });
      const before = await r.store.audit(i.id);

      const res = await r.repair({ idempotencyKey: 'r-t', incidentId: i.id }, custodian);
      expect(res.appended).toEqual([]);
      expect(res.unrepaired.map((u) => u.gap)).toEqual([
        'the audit chain does not verify from entry 1',
        'the acknowledgement by l1 is not on record',
        'the escalation to dir is not on record',
      ]);
      expect(await r.store.audit(i.id)).toEqual(before);
      await expect(
        r.closure.closeIncident({ idempotencyKey: 'c-t', incidentId: i.id }, custodian),
      ).rejects.toMatchObject({ code: 'LOG_CHRONOLOGY_INCOMPLETE' });
      expect((await r.store.getIncident(i.id))?.status).toBe('VOIDED');
    } finally {
      await r.stop();
    }
  });
});
