import { systemClock } from '@gov/platform';
import { testEnv, testLogger, waitFor } from '@gov/testkit';
import { startSmsSimulator } from '../../../bench/duty/sms-simulator';
import { createObligationClock } from '../src/app/obligation-clock';
import { createUpwardReporting } from '../src/app/upward-reports';
import { createRosterCache } from '../src/app/roster-cache';
import { createDeliveryLedger } from '../src/adapters/mongo/delivery.repository';
import { createRosterRepository } from '../src/adapters/mongo/roster.repository';
import { createHttpNotifier } from '../src/adapters/notify/http-notifier';
import { connectAlertPath } from '../src/adapters/mongo/alert-connection';
import { defaultReportingPolicy } from '../src/domain/reporting-policy';
import type { Incident } from '../src/domain/incident';
import { createIdempotencyStore } from '@gov/platform';
import { intake, officer, startReplica } from './harness';

// Spec duty §9.5 AK-4, §9.10 and §19 scenarios 15, 16, 22, 23 on the real Mongo-wire store: guard alerts go
// out once, deadlines are recorded as breaches with violation candidates, reports meet obligations, and a
// restarted clock fires what it missed.
const env = testEnv('duty-obligations');
let sms: Awaited<ReturnType<typeof startSmsSimulator>>;
beforeAll(async () => {
  sms = await startSmsSimulator();
});
afterAll(async () => {
  await sms.stop();
});

const minute = 60_000;
const guards = (incidentId: string) =>
  sms.messages.filter((m) => m.incidentId === incidentId && m.messageId.includes('|GUARD:'));

async function withClock(owner: string, signing?: { majorStepMin: number; otherStepMin: number }) {
  const r = await startReplica(env, {
    owner,
    smsUrl: sms.url,
    policy: { majorS2AckSec: 600, majorS3AckSec: 600, otherS2AckSec: 600, otherS3AckSec: 600, repeats: 1 },
  });
  const alert = await connectAlertPath({
    url: env.mongoUrl,
    dbName: env.dbName,
    nodeEnv: 'test',
    poolSize: 2,
    logger: testLogger(),
  });
  const rosters = createRosterRepository(r.conn, systemClock);
  const cache = createRosterCache({ rosters });
  await cache.reload();
  const failures: unknown[] = [];
  const clock = createObligationClock({
    store: r.store,
    ledger: createDeliveryLedger(alert),
    notifier: createHttpNotifier({ smsBaseUrl: sms.url, timeoutMs: 2000, push: r.hub.publish }),
    directory: (at) => cache.directory(at),
    clock: systemClock,
    policy: defaultReportingPolicy,
    owner,
    ...(signing ? { signing } : {}),
    sweepMs: 300,
    graceMs: 500,
    failed: (err) => failures.push(err),
  });
  const reporting = createUpwardReporting({
    store: r.store,
    clock: systemClock,
    idempotency: createIdempotencyStore(r.conn),
    policy: defaultReportingPolicy,
    track: clock.track,
    directory: (at) => cache.directory(at),
    ...(signing ? { signing } : {}),
  });
  return {
    ...r,
    clock,
    reporting,
    failures,
    async raise(key: string, o: Record<string, unknown>) {
      const i = await r.raise(intake(key, o), officer);
      clock.track(i);
      return i;
    },
    async stop() {
      await clock.stop();
      await alert.close();
      await r.stop();
    },
  };
}

const obligation = async (
  r: { store: { getIncident(id: string): Promise<Incident | undefined> } },
  id: string,
  oid: string,
) => (await r.store.getIncident(id))?.obligations.find((o) => o.id === oid);
const outboxTypes = async (r: Awaited<ReturnType<typeof withClock>>, id: string) =>
  (
    (await r.conn.collection('incidents').findOne({ _id: id } as never)) as unknown as {
      outbox: { type: string }[];
    }
  ).outbox.map((e) => e.type);

describe('statutory report clocks', () => {
  it('the guard alerts the officer, office leader and director once; a report without instruction is then FULFILLED_ON_TIME (spec duty §19 scenario 15)', async () => {
    const r = await withClock('oc-a');
    try {
      // the prefecture phone deadline is T_evt + 10 min, its guard 3 min before: 1.5 s from now
      const i = await r.raise('k-guard', { occurredAt: new Date(Date.now() - 7 * minute + 1500) });
      await waitFor(async () => (await obligation(r, i.id, 'first-superior:PHONE:FIRST'))?.status === 'WARNING', {
        what: 'the guard to mark the obligation WARNING',
      });
      const sms1 = guards(i.id).filter((m) => m.messageId.includes('first-superior:PHONE'));
      expect(sms1.map((m) => m.messageId.split('|')[2]).sort()).toEqual(['dir', 'l1', 'o1']);
      expect(sms1[0]?.text).toContain('请立即先行口头报告');
      const rep = await r.reporting.recordUpwardReport(
        {
          idempotencyKey: 'rep-1',
          incidentId: i.id,
          targetId: 'first-superior',
          mode: 'PHONE',
          kind: 'FIRST',
          content: '',
          receiverName: '州值班室李四',
          documentRef: '',
        },
        officer,
      );
      const after = await r.store.getIncident(i.id);
      expect(after?.obligations.find((o) => o.id === 'first-superior:PHONE:FIRST')).toMatchObject({
        status: 'FULFILLED_ON_TIME',
        fulfilledByReportId: rep.reportId,
      });
      expect(after?.reportedWithoutInstruction).toBe(true);
      // a retried call replays, it does not record a second report
      await r.reporting.recordUpwardReport(
        {
          idempotencyKey: 'rep-1',
          incidentId: i.id,
          targetId: 'first-superior',
          mode: 'PHONE',
          kind: 'FIRST',
          content: '',
          receiverName: '州值班室李四',
          documentRef: '',
        },
        officer,
      );
      expect((await r.store.getIncident(i.id))?.reports).toHaveLength(1);
      expect(await outboxTypes(r, i.id)).toEqual(
        expect.arrayContaining(['gov.duty.report.warning', 'gov.duty.report.fulfilled']),
      );
      const audit = (await r.store.audit(i.id)).map((a) => a.action);
      expect(audit).toEqual(expect.arrayContaining(['incident.received', 'report.warning', 'report.recorded']));
      expect(r.failures).toEqual([]);
    } finally {
      await r.stop();
    }
  });

  it('a missed deadline is recorded as BREACHED with a LATE_REPORT candidate; the late report is FULFILLED_LATE (spec duty §19 scenario 16)', async () => {
    const r = await withClock('oc-b');
    try {
      const i = await r.raise('k-breach', { occurredAt: new Date(Date.now() - 20 * minute + 1500) });
      await waitFor(async () => (await obligation(r, i.id, 'province:PHONE:FIRST'))?.status === 'BREACHED', {
        what: 'the province phone obligation to breach',
      });
      const stored = await r.store.getIncident(i.id);
      expect(stored?.violations).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ type: 'LATE_REPORT', obligationId: 'province:PHONE:FIRST', personId: 'o1' }),
        ]),
      );
      await r.reporting.recordUpwardReport(
        {
          idempotencyKey: 'rep-late',
          incidentId: i.id,
          targetId: 'province',
          mode: 'PHONE',
          kind: 'FIRST',
          content: '',
          receiverName: '省值班室王五',
          documentRef: '',
        },
        officer,
      );
      expect(await obligation(r, i.id, 'province:PHONE:FIRST')).toMatchObject({ status: 'FULFILLED_LATE' });
      expect(await outboxTypes(r, i.id)).toEqual(
        expect.arrayContaining([
          'gov.duty.report.breached',
          'gov.duty.violation.candidate',
          'gov.duty.report.fulfilled',
        ]),
      );
    } finally {
      await r.stop();
    }
  });

  it('a clock that was down fires the missed guard at once on start, and two clocks send each alert once (spec duty §9.11 NF-3)', async () => {
    const a = await withClock('oc-c');
    let i: Incident;
    try {
      await a.clock.stop(); // this replica's clock dies before the guard time
      i = await a.raise('k-missed', { occurredAt: new Date(Date.now() - 7 * minute + 500) });
    } finally {
      await a.stop();
    }
    const b = await withClock('oc-d');
    const c = await withClock('oc-e');
    try {
      await Promise.all([b.clock.start(), c.clock.start()]);
      await waitFor(async () => (await obligation(b, i.id, 'first-superior:PHONE:FIRST'))?.status === 'WARNING', {
        what: 'the missed guard',
      });
      await new Promise((res) => setTimeout(res, 1000));
      const sent = guards(i.id).filter((m) => m.messageId.includes('first-superior:PHONE'));
      expect(sent.map((m) => m.messageId).sort()).toEqual([...new Set(sent.map((m) => m.messageId))].sort());
      expect(sent).toHaveLength(3);
      const audit = (await b.store.audit(i.id)).filter((x) => x.action === 'report.warning');
      expect(audit).toHaveLength(1);
    } finally {
      await b.stop();
      await c.stop();
    }
  });

  it('an enquiry from the province before any report flags REVERSE_FLOW; follow-ups, final reports and resolution follow FR-2/FR-3 (spec duty §19 scenarios 22-23)', async () => {
    const r = await withClock('oc-f');
    try {
      const i = await r.raise('k-flow', { occurredAt: new Date(Date.now() - minute) });
      const enq = await r.reporting.recordEnquiry(
        { idempotencyKey: 'enq-1', incidentId: i.id, targetId: 'province', note: '省总值班室来电询问' },
        officer,
      );
      expect(enq.reverseFlow).toBe(true);
      // the written report goes through its chain first: deputy and director review, the head signs (§9.7)
      const person = (userId: string) => ({ ...officer, userId, roles: ['OFFICE_LEADER'] });
      const sign = async (key: string, kind: string) => {
        const { draftId } = await r.reporting.draftWrittenReport(
          { idempotencyKey: key, incidentId: i.id, kind, content: '某化工厂燃气爆炸，已组织救援。' },
          officer,
        );
        await expect(
          r.reporting.recordUpwardReport(
            {
              idempotencyKey: `${key}-early`,
              incidentId: i.id,
              targetId: 'province',
              mode: 'WRITTEN',
              kind,
              content: 'x',
              receiverName: '值班员',
              documentRef: draftId,
            },
            officer,
          ),
        ).rejects.toMatchObject({ code: 'REPORT_NOT_SIGNED' });
        await expect(
          r.reporting.actOnDraft({ idempotencyKey: `${key}-head-early`, incidentId: i.id, draftId }, person('head')),
        ).rejects.toMatchObject({ code: 'NOT_THE_SIGNER' });
        for (const who of ['dep', 'dir', 'head'])
          await r.reporting.actOnDraft({ idempotencyKey: `${key}-${who}`, incidentId: i.id, draftId }, person(who));
        return draftId;
      };
      const firstDoc = await sign('d-first', 'FIRST');
      const finalDoc = await sign('d-final', 'FINAL');
      const report = (key: string, targetId: string, mode: string, kind = 'FIRST') =>
        r.reporting.recordUpwardReport(
          {
            idempotencyKey: key,
            incidentId: i.id,
            targetId,
            mode,
            kind,
            content: '进展情况',
            receiverName: '值班员',
            documentRef: mode === 'WRITTEN' ? (kind === 'FINAL' ? finalDoc : firstDoc) : '',
          },
          officer,
        );
      await report('p1', 'first-superior', 'PHONE');
      await report('p2', 'province', 'PHONE');
      await report('w1', 'first-superior', 'WRITTEN');
      await report('w2', 'province', 'WRITTEN');
      let now = await r.store.getIncident(i.id);
      expect(now?.status).toBe('FOLLOWING_UP');
      expect(now?.flags).toContain('REVERSE_FLOW');
      expect(now?.obligations.filter((o) => o.kind === 'FOLLOW_UP').map((o) => o.status)).toEqual([
        'PENDING',
        'PENDING',
      ]);
      await report('f1', 'first-superior', 'WRITTEN', 'FINAL');
      await expect(r.reporting.resolve({ idempotencyKey: 'res-1', incidentId: i.id }, officer)).rejects.toMatchObject({
        code: 'FINAL_REPORT_MISSING',
      });
      await report('f2', 'province', 'WRITTEN', 'FINAL');
      await r.reporting.resolve({ idempotencyKey: 'res-2', incidentId: i.id }, officer);
      now = await r.store.getIncident(i.id);
      expect(now?.status).toBe('RESOLVED');
      expect(now?.drafts?.map((d) => d.status)).toEqual(['SIGNED', 'SIGNED']);
      const audit = (await r.store.audit(i.id)).map((a) => a.action);
      expect(audit.filter((a) => a === 'written-report.approved')).toHaveLength(6);
      expect(await outboxTypes(r, i.id)).toEqual(
        expect.arrayContaining(['gov.duty.incident.resolved', 'gov.duty.violation.candidate']),
      );
      expect((await r.store.openObligations()).some((x) => x.id === i.id)).toBe(false);
    } finally {
      await r.stop();
    }
  });

  it('a leader upgrades IV to I: the prefecture phone obligation is created already BREACHED and the clock arms the rest (spec duty §19 scenario 19)', async () => {
    const r = await withClock('oc-g');
    try {
      const i = await r.raise('k-upgrade', {
        severity: 'IV',
        possiblyMajor: false,
        occurredAt: new Date(Date.now() - 12 * minute),
      });
      expect(i.obligations.map((o) => o.id)).toEqual(['first-superior:PHONE:FIRST', 'first-superior:WRITTEN:FIRST']);
      const leader = { ...officer, userId: 'l1', roles: ['OFFICE_LEADER'] };
      await expect(
        r.reporting.reclassify(
          { idempotencyKey: 'rc-0', incidentId: i.id, severity: 'I', possiblyMajor: false, reason: '' },
          officer,
        ),
      ).rejects.toMatchObject({ code: 'RECLASSIFY_NOT_PERMITTED' });
      await r.reporting.reclassify(
        { idempotencyKey: 'rc-1', incidentId: i.id, severity: 'I', possiblyMajor: false, reason: '' },
        leader,
      );
      const after = await r.store.getIncident(i.id);
      expect(after?.severity).toBe('I');
      expect(after?.obligations.find((o) => o.id === 'first-superior:PHONE:FIRST')?.status).toBe('BREACHED');
      expect(after?.obligations.find((o) => o.id === 'province:PHONE:FIRST')?.status).toBe('PENDING');
      expect((await r.store.audit(i.id)).map((a) => a.action)).toContain('incident.reclassified');
      expect(await outboxTypes(r, i.id)).toContain('gov.duty.report.breached');
    } finally {
      await r.stop();
    }
  });

  it('a replica adopting a dead one arms its report clocks at once, without waiting for the sweep (spec duty §9.11 NF-3, NF-6)', async () => {
    const a = await withClock('oc-dead');
    const b = await withClock('oc-survivor');
    let id = '';
    try {
      await b.clock.start(); // b is up first and holds nothing of a's
      await a.clock.stop();
      id = (await a.raise('k-adopt', { occurredAt: new Date(Date.now() - 7 * minute + 300) })).id;
      await a.stop(); // a dies before the guard time
      // b's start-up load ran before the incident existed; only the adoption can arm it
      expect(await b.clock.adopt(['oc-dead'])).toBe(1);
      await waitFor(async () => (await obligation(b, id, 'first-superior:PHONE:FIRST'))?.status === 'WARNING', {
        what: 'the adopted guard',
      });
    } finally {
      await b.stop();
    }
  });

  it('a silent reviewer is called again with their substitute told, and after a second timeout the next level acts with a reason (spec duty §9.7 WR-1)', async () => {
    // budgets of 0.6 s instead of 3 minutes
    const r = await withClock('oc-wr1', { majorStepMin: 0.01, otherStepMin: 0.01 });
    try {
      const i = await r.raise('k-wr1', { occurredAt: new Date(Date.now() - minute) });
      const { draftId } = await r.reporting.draftWrittenReport(
        { idempotencyKey: 'd-wr1', incidentId: i.id, kind: 'FIRST', content: '某化工厂燃气爆炸，已组织救援。' },
        officer,
      );
      const timeouts = async () =>
        (await r.store.audit(i.id)).filter((a) => a.action === 'written-report.approver-timeout').length;
      await waitFor(async () => (await timeouts()) >= 2, { what: 'two approver timeouts', timeoutMs: 10000 });
      const calls = sms.messages.filter((m) => m.incidentId === i.id && m.messageId.includes('|SIGN:'));
      // first: the deputy again (no substitute named); second: the deputy and the director, the next level
      // later reminders may follow every budget until someone acts; the first two are what WR-1 fixes
      const seen = calls.map((m) => m.messageId.split('|').slice(2, 4).join('|'));
      expect(seen).toEqual(expect.arrayContaining(['dep|1', 'dep|2', 'dir|2']));
      expect(seen).not.toContain('dir|1');
      const dir = { ...officer, userId: 'dir', roles: ['OFFICE_DIRECTOR'] };
      await r.reporting.actOnDraft(
        { idempotencyKey: 'a-dir', incidentId: i.id, draftId, skipReason: '副主任两次未回应' },
        dir,
      );
      const chain = (await r.store.getIncident(i.id))?.drafts?.[0]?.chain ?? [];
      expect(chain[0]).toMatchObject({ personId: 'dep', skipped: { by: 'dir', reason: '副主任两次未回应' } });
      expect(chain[1]?.actedAt).toBeDefined();
      expect(r.failures).toEqual([]);
    } finally {
      await r.stop();
    }
  });
});
