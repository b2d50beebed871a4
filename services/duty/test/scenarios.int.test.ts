import { createIdempotencyStore } from '@gov/platform';
import { testEnv, waitFor } from '@gov/testkit';
import { startSmsSimulator } from '../../../bench/duty/sms-simulator';
import { createPublishRoster } from '../src/app/publish-roster';
import { createUpwardReporting } from '../src/app/upward-reports';
import { defaultReportingPolicy } from '../src/domain/reporting-policy';
import { defaultShiftPolicy } from '../src/domain/roster';
import { fastPolicy, intake, officer, rosterAroundNow, startReplica } from './harness';

// Spec duty §19 scenarios 1, 2, 14, 17 and 18 on the real Mongo-wire store (the rules themselves have unit
// tests beside them; here they run through the use cases and the store).
const env = testEnv('duty-scenarios');
let sms: Awaited<ReturnType<typeof startSmsSimulator>>;
beforeAll(async () => {
  sms = await startSmsSimulator();
});
afterAll(async () => {
  await sms.stop();
});

const minute = 60_000;
const sh = (local: string) => new Date(local.replace(' ', 'T') + ':00+08:00');
const manager = { ...officer, userId: 'm1', roles: ['DUTY_ROOM_MANAGER'] };
const people = (
  type: 'OFFICE_DAY' | 'OFFICE_NIGHT' | 'OFFICE_LEADER_24H' | 'GOV_LEADER_24H',
  personId: string,
  from: string,
  to: string,
) => ({
  type,
  personId,
  startsAt: sh(from),
  endsAt: sh(to),
});

describe('duty acceptance scenarios on the store', () => {
  it('a roster whose 2024-10-03 night has no officer is refused with COVERAGE_GAP and nothing is stored (spec duty §19 scenario 1)', async () => {
    const r = await startReplica(env, { owner: 'sc-1', smsUrl: sms.url, start: false });
    try {
      const publish = createPublishRoster({
        rosters: r.rosters,
        cache: r.cache,
        idempotency: createIdempotencyStore(r.conn),
        policy: defaultShiftPolicy,
      });
      const before = (await r.rosters.all()).length;
      await expect(
        publish(
          {
            idempotencyKey: 'ros-gap',
            periodStart: sh('2024-10-03 08:30'),
            periodEnd: sh('2024-10-04 08:30'),
            shifts: [
              people('OFFICE_DAY', 'o1', '2024-10-03 08:30', '2024-10-03 18:00'),
              people('OFFICE_LEADER_24H', 'l1', '2024-10-03 08:30', '2024-10-04 08:30'),
              people('GOV_LEADER_24H', 'g1', '2024-10-03 08:30', '2024-10-04 08:30'),
            ],
            contacts: [],
          },
          manager,
        ),
      ).rejects.toMatchObject({ code: 'COVERAGE_GAP' });
      expect((await r.rosters.all()).length).toBe(before);
      // publishing in one step approves too: not for the roster administrator who drafts (spec duty §3.2)
      await expect(
        publish(
          {
            idempotencyKey: 'ros-admin',
            periodStart: sh('2024-10-03 08:30'),
            periodEnd: sh('2024-10-04 08:30'),
            shifts: [],
            contacts: [],
          },
          { ...manager, userId: 'sec', roles: ['ROSTER_ADMIN'] },
        ),
      ).rejects.toMatchObject({ code: 'ROSTER_NOT_PERMITTED' });
    } finally {
      await r.stop();
    }
  });

  it('a holiday roster with a day without an office leader on 24-hour duty is refused (spec duty §19 scenario 2)', async () => {
    const r = await startReplica(env, { owner: 'sc-2', smsUrl: sms.url, start: false });
    try {
      const publish = createPublishRoster({
        rosters: r.rosters,
        cache: r.cache,
        idempotency: createIdempotencyStore(r.conn),
        policy: defaultShiftPolicy,
      });
      await expect(
        publish(
          {
            idempotencyKey: 'ros-holiday',
            periodStart: sh('2024-10-01 08:30'),
            periodEnd: sh('2024-10-03 08:30'),
            shifts: [
              people('OFFICE_DAY', 'o1', '2024-10-01 08:30', '2024-10-01 18:00'),
              people('OFFICE_NIGHT', 'o2', '2024-10-01 18:00', '2024-10-02 08:30'),
              people('OFFICE_DAY', 'o1', '2024-10-02 08:30', '2024-10-02 18:00'),
              people('OFFICE_NIGHT', 'o2', '2024-10-02 18:00', '2024-10-03 08:30'),
              people('OFFICE_LEADER_24H', 'l1', '2024-10-01 08:30', '2024-10-02 08:30'),
              people('GOV_LEADER_24H', 'g1', '2024-10-01 08:30', '2024-10-03 08:30'),
            ],
            contacts: [],
          },
          manager,
        ),
      ).rejects.toMatchObject({ code: 'NO_LEADER_ON_DUTY' });
    } finally {
      await r.stop();
    }
  });

  it('with the head away, escalation on the government chain reaches the executive deputy and the record names the substitution (spec duty §19 scenario 14)', async () => {
    const roster = rosterAroundNow();
    roster.contacts = roster.contacts.map((c) => (c.personId === 'head' ? { ...c, away: true } : c));
    const r = await startReplica(env, {
      owner: 'sc-14',
      smsUrl: sms.url,
      roster,
      policy: { ...fastPolicy, majorS2AckSec: 60 },
    });
    try {
      const incident = await r.raise(intake('k-head-away', { severity: 'I' }), officer);
      const mine = () => sms.messages.filter((m) => m.incidentId === incident.id);
      await waitFor(() => mine().some((m) => m.recipientId === 'exec'), {
        what: 'the executive deputy alerted',
        timeoutMs: 5000,
      });
      expect(mine().some((m) => m.recipientId === 'head')).toBe(false);
      await waitFor(async () => (await r.store.audit(incident.id)).some((a) => a.action === 'incident.escalated'), {
        what: 'the escalation on the record',
      });
      const entry = (await r.store.audit(incident.id)).find((a) => a.action === 'incident.escalated');
      expect(entry?.details).toMatchObject({
        steps: expect.arrayContaining([
          { recipientId: 'exec', step: 'ESCALATION', reason: 'AWAY', substituteFor: 'head' },
        ]),
      });
    } finally {
      await r.stop();
    }
  });

  it('a IV public-opinion event taken in 50 minutes after it happened owes a phone report at +60 and a written one at +120 (spec duty §19 scenario 17)', async () => {
    const r = await startReplica(env, { owner: 'sc-17', smsUrl: sms.url });
    try {
      const occurredAt = new Date(Date.now() - 50 * minute);
      const incident = await r.raise(
        intake('k-opinion', { category: 'SENSITIVE_OPINION', severity: 'IV', possiblyMajor: false, occurredAt }),
        officer,
      );
      const stored = await r.store.getIncident(incident.id);
      expect(stored?.obligations.map((o) => [o.mode, o.dueAt.getTime() - occurredAt.getTime(), o.status])).toEqual([
        ['PHONE', 60 * minute, 'PENDING'],
        ['WRITTEN', 120 * minute, 'PENDING'],
      ]);
    } finally {
      await r.stop();
    }
  });

  it('a II accident first reported 45 minutes late starts every obligation BREACHED_ON_RECEIPT and counts the delay against the source (spec duty §19 scenario 18)', async () => {
    const r = await startReplica(env, { owner: 'sc-18', smsUrl: sms.url });
    try {
      const incident = await r.raise(
        intake('k-late-source', { severity: 'II', occurredAt: new Date(Date.now() - 45 * minute) }),
        officer,
      );
      const stored = await r.store.getIncident(incident.id);
      expect(stored?.obligations.map((o) => o.status)).toEqual(Array(4).fill('BREACHED_ON_RECEIPT'));
      expect(stored?.sourceDelayMinutes).toBe(45);
      expect(stored?.flags).toContain('BREACHED_ON_RECEIPT');
      // the report must still be made at once (CK-4), and the alert went out at commit
      await waitFor(() => sms.messages.some((m) => m.incidentId === incident.id), { what: 'the first alert' });
    } finally {
      await r.stop();
    }
  });

  it('an I-level written report with the director and the head away: the acting director reviews, the executive deputy signs, nothing goes up unsigned (spec duty §19 scenario 21)', async () => {
    const roster = rosterAroundNow();
    roster.contacts = roster.contacts.map((c) =>
      c.personId === 'dir' || c.personId === 'head' ? { ...c, away: true } : c,
    );
    const r = await startReplica(env, {
      owner: 'sc-21',
      smsUrl: sms.url,
      roster,
      policy: { ...fastPolicy, majorS2AckSec: 600, majorS3AckSec: 600 },
    });
    try {
      const reporting = createUpwardReporting({
        store: r.store,
        clock: { now: () => new Date() },
        idempotency: createIdempotencyStore(r.conn),
        policy: defaultReportingPolicy,
        track: () => undefined,
        directory: (at) => r.cache.directory(at),
      });
      const incident = await r.raise(intake('k-sign', { severity: 'I' }), officer);
      const { draftId } = await reporting.draftWrittenReport(
        { idempotencyKey: 'd-21', incidentId: incident.id, kind: 'FIRST', content: '某化工厂燃气爆炸，已组织救援。' },
        officer,
      );
      const chain = (await r.store.getIncident(incident.id))?.drafts?.[0]?.chain ?? [];
      expect(chain.map((c) => [c.role, c.personId, c.substituteFor ?? null])).toEqual([
        ['OFFICE_DEPUTY', 'dep', null],
        ['OFFICE_DIRECTOR', 'act', 'dir'],
        ['GOV_PRINCIPAL', 'exec', 'head'],
      ]);
      const written = (key: string) =>
        reporting.recordUpwardReport(
          {
            idempotencyKey: key,
            incidentId: incident.id,
            targetId: 'province',
            mode: 'WRITTEN',
            kind: 'FIRST',
            content: '',
            receiverName: '省值班室',
            documentRef: draftId,
          },
          officer,
        );
      await expect(written('w-early')).rejects.toMatchObject({ code: 'REPORT_NOT_SIGNED' });
      const as = (userId: string) => ({ ...officer, userId, roles: ['OFFICE_LEADER'] });
      await expect(
        reporting.actOnDraft({ idempotencyKey: 'a-dir', incidentId: incident.id, draftId }, as('dir')),
      ).rejects.toMatchObject({
        code: 'NOT_THE_SIGNER',
      });
      for (const who of ['dep', 'act', 'exec'])
        await reporting.actOnDraft({ idempotencyKey: `a-${who}`, incidentId: incident.id, draftId }, as(who));
      await written('w-signed');
      const after = await r.store.getIncident(incident.id);
      expect(after?.drafts?.[0]?.status).toBe('SIGNED');
      expect(after?.reports?.map((x) => [x.mode, x.documentRef])).toEqual([['WRITTEN', draftId]]);
    } finally {
      await r.stop();
    }
  });
});
