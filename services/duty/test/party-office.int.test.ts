import { createIdempotencyStore, systemClock } from '@gov/platform';
import { testEnv } from '@gov/testkit';
import { startSmsSimulator } from '../../../bench/duty/sms-simulator';
import { createUpwardReporting } from '../src/app/upward-reports';
import { defaultReportingPolicy } from '../src/domain/reporting-policy';
import { intake, officer, startReplica } from './harness';

// Spec duty §9.6 PO-1 on the real Mongo-wire store: a target reported via the same-level party office is
// recorded only with the office's confirmation, which is kept on the report; its obligation keeps its clock.
const env = testEnv('duty-party-office');
let sms: Awaited<ReturnType<typeof startSmsSimulator>>;
beforeAll(async () => {
  sms = await startSmsSimulator();
});
afterAll(async () => {
  await sms.stop();
});

const policy = {
  ...defaultReportingPolicy,
  targets: defaultReportingPolicy.targets.map((t) =>
    t.id === 'province' ? { ...t, mode: 'VIA_PARTY_OFFICE' as const } : t,
  ),
};

describe('reports made via the party office', () => {
  it('refuses the report without the party office’s confirmation and stores it with one, on the same deadline (spec duty §9.6 PO-1)', async () => {
    const r = await startReplica(env, {
      owner: 'po-a',
      smsUrl: sms.url,
      policy: { majorS2AckSec: 600, majorS3AckSec: 600, otherS2AckSec: 600, otherS3AckSec: 600, repeats: 1 },
    });
    try {
      const reporting = createUpwardReporting({
        store: r.store,
        clock: systemClock,
        idempotency: createIdempotencyStore(r.conn),
        policy,
        track: () => undefined,
        directory: (at) => r.cache.directory(at),
      });
      const i = await r.raise(intake('k-po-1'), officer);
      const province = i.obligations.find((o) => o.id === 'province:PHONE:FIRST');
      // the same 20-minute limit as when the desk reports itself (§9.3)
      expect(province?.dueAt.getTime()).toBe(i.occurredAt.getTime() + 20 * 60_000);
      const cmd = {
        idempotencyKey: 'po-rep-1',
        incidentId: i.id,
        targetId: 'province',
        mode: 'PHONE',
        kind: 'FIRST',
        content: '',
        receiverName: '省值班室王五',
        documentRef: '',
      };
      await expect(reporting.recordUpwardReport(cmd, officer)).rejects.toMatchObject({
        code: 'PARTY_OFFICE_CONFIRMATION_REQUIRED',
      });
      const confirmedAt = new Date(Date.now() - 30_000).toISOString();
      const withConfirmation = {
        ...cmd,
        partyOffice: { confirmedBy: '区委办值班室赵六', confirmedAt, reference: '区委办电话记录 0931' },
      };
      // the refused call freed its key: the corrected request goes through under the same one, and a retry replays it
      const first = await reporting.recordUpwardReport(withConfirmation, officer);
      const again = await reporting.recordUpwardReport(withConfirmation, officer);
      expect(again.reportId).toBe(first.reportId);

      const stored = await r.store.getIncident(i.id);
      expect(stored?.reports).toHaveLength(1);
      expect(stored?.reports?.[0]?.partyOffice).toEqual({
        confirmedBy: '区委办值班室赵六',
        confirmedAt: new Date(confirmedAt),
        reference: '区委办电话记录 0931',
      });
      expect(stored?.obligations.find((o) => o.id === 'province:PHONE:FIRST')).toMatchObject({
        status: 'FULFILLED_ON_TIME',
        fulfilledByReportId: first.reportId,
      });
      const audit = (await r.store.audit(i.id)).filter((a) => a.action === 'report.recorded');
      expect(audit[0]?.details).toMatchObject({ targetId: 'province', partyOfficeConfirmedBy: '区委办值班室赵六' });

      // the desk reports a SELF target itself: a party office confirmation there is refused
      await expect(
        reporting.recordUpwardReport(
          { ...withConfirmation, idempotencyKey: 'po-rep-2', targetId: 'first-superior' },
          officer,
        ),
      ).rejects.toMatchObject({ code: 'REPORT_INVALID' });
    } finally {
      await r.stop();
    }
  });
});
