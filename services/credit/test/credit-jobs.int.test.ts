import { randomUUID } from 'node:crypto';
import { creditEventTypes as t } from '@gov/contracts';
import { systemActor } from '@gov/platform/auth';
import { waitFor } from '@gov/testkit';
import { emptyCreditInfo } from '../src/domain/rating';
import { actor, creditEventsV1 as ev, idNumber, panelOf, startCredit, type CreditHarness } from './harness';

// The credit service's own jobs on the real store and broker: collection tasks for overdue loans (R15.4),
// month-end NPL snapshots (§13.4, §19.2) and certificate expiry (§9.3). The tests call each job's use case
// with the harness clock, as main.ts does on its interval.
let h: CreditHarness;
const poverty = actor('POVERTY_OFFICE');
const center = actor('CENTER_STAFF');
const bank = actor('BANK_OFFICER');
const key = () => randomUUID();
const yuan = (y: number) => Math.round(y * 100);
const settle = () => new Promise((r) => setTimeout(r, 600));

beforeAll(async () => {
  h = await startCredit('credit-jobs');
}, 90000);
afterAll(async () => h?.stop());

/** A registered poor household with an A line of 50,000 yuan, certified through a merged notice. */
async function lineIn(village: string, township: string) {
  const id = await h.credit.registerHousehold(
    {
      idempotencyKey: key(),
      input: {
        townshipId: township,
        villageId: village,
        villagerGroupId: 'grp-1',
        headName: '张三',
        headIdNumber: idNumber(),
        phone: '13800138000',
        povertyStatus: 'REGISTERED_POOR',
      },
    },
    poverty,
  );
  await h.credit.rating.rateHousehold(
    { idempotencyKey: key(), householdId: id, info: { ...emptyCreditInfo(), hasIncomeProject: true } },
    center,
  );
  const start = h.clock.now();
  const notice = await h.credit.notices.openNotice(
    {
      idempotencyKey: key(),
      input: {
        villageId: village,
        householdIds: [id],
        startAt: start,
        endAt: new Date(start.getTime() + 7 * 864e5),
        postedLocation: '村委会',
      },
    },
    panelOf(village),
  );
  h.clock.advanceDays(7);
  await h.credit.notices.closeNotice({ idempotencyKey: key(), noticeId: notice.id }, panelOf(village));
  const { creditLineId } = await h.credit.decideCredit(
    {
      idempotencyKey: key(),
      input: {
        noticeId: notice.id,
        householdId: id,
        approve: true,
        grade: 'A',
        limitFen: yuan(50_000),
        rejectionReason: '',
        rejectionCause: '',
        evidenceRefs: [],
      },
    },
    bank,
  );
  return { householdId: id, creditLineId };
}

async function draw(creditLineId: string, bankLoanNo: string, principalFen: number) {
  const { loanId } = await h.credit.loans.drawLoan(
    {
      idempotencyKey: key(),
      input: { creditLineId, bankLoanNo, principalFen, termMonths: 12, rateBp: 475, contractDate: '2026-11-10' },
    },
    bank,
  );
  return loanId;
}

const overdueReport = (householdId: string, bankLoanNo: string, nonPerforming = false) =>
  ev.BankLoanOverdue.encode({ bankLoanNo, householdId, overdueSince: '2026-11-20', nonPerforming }).finish();

describe('collection tasks for overdue loans (spec credit R15.4)', () => {
  it('R15.4: an overdue report gives the village group one task due in 7 days, however often it is redelivered; still in arrears at the due date, it goes to the station for 15 days', async () => {
    const tw = `tw-${key().slice(0, 6)}`;
    const { householdId, creditLineId } = await lineIn(`${tw}-v1`, tw);
    const bankLoanNo = `OD-${key().slice(0, 8)}`;
    const loanId = await draw(creditLineId, bankLoanNo, yuan(10_000));

    h.clock.set('2026-11-20T02:00:00Z'); // 10:00 on 11-20 in Shanghai
    const eventId = randomUUID();
    await h.sendBank(t.bankLoanOverdue, householdId, eventId, overdueReport(householdId, bankLoanNo));
    await h.sendBank(t.bankLoanOverdue, householdId, eventId, overdueReport(householdId, bankLoanNo));
    const created = await waitFor(() => h.ofType(t.overdueTaskCreated).find((x) => x.key === householdId), {
      what: 'OverdueTaskCreated',
    });
    // the consumer's last step is the V3 re-score; the direct calls below must not race it
    await waitFor(() => h.ofType(t.certificateRevoked).some((x) => x.key === householdId), { what: 'V3 re-score' });
    // a redelivery that slipped past the inbox (a crash before it was recorded) and a later NPL report of the
    // same loan both find the task already there
    await h.credit.bankEvents.overdue(eventId, { bankLoanNo, nonPerforming: false });
    await h.credit.bankEvents.overdue(randomUUID(), { bankLoanNo, nonPerforming: true });
    expect(ev.OverdueTaskCreated.decode(created.payload)).toMatchObject({
      loanId,
      villageId: `${tw}-v1`,
      assigneeOrg: `${tw}-v1/collection-group`,
      stage: 'VILLAGE_GROUP',
      bankLoanNo,
      householdId,
      dueAt: '2026-11-27T15:59:59.999Z', // the end of 11-27 in Shanghai
      escalatedFromTaskId: '',
    });
    const [village] = await h.credit.overdueTasks.forLoan(loanId);
    expect(village).toMatchObject({ stage: 'VILLAGE_GROUP', status: 'OPEN' });
    const stored = await h.credit.repositories.overdueTasks.get(village!.id);
    expect(stored!.audit.map((a) => a.action)).toEqual(['overdue-task.created']);

    // not yet due: nothing moves
    h.clock.set('2026-11-27T15:59:59.000Z');
    await h.credit.overdueTasks.escalateDue(systemActor);
    expect((await h.credit.overdueTasks.forLoan(loanId)).map((x) => x.stage)).toEqual(['VILLAGE_GROUP']);

    h.clock.set('2026-11-28T01:00:00Z');
    expect(await h.credit.overdueTasks.escalateDue(systemActor)).toMatchObject({ escalated: 1 });
    // a second pass (or a second instance) finds nothing left to do
    expect(await h.credit.overdueTasks.escalateDue(systemActor)).toMatchObject({ escalated: 0, closed: 0 });
    const tasks = await h.credit.overdueTasks.forLoan(loanId);
    expect(tasks).toMatchObject([
      { stage: 'VILLAGE_GROUP', status: 'CLOSED', outcome: 'ESCALATED' },
      {
        stage: 'TOWNSHIP_STATION',
        status: 'OPEN',
        assigneeOrg: `${tw}/service-station`,
        escalatedFromTaskId: village!.id,
      },
    ]);
    expect(tasks[1]!.dueAt.toISOString()).toBe('2026-12-13T15:59:59.999Z'); // 11-28 + 15 days, end of day

    await waitFor(() => h.ofType(t.overdueTaskCreated).filter((x) => x.key === householdId).length === 2, {
      what: 'the station task published',
    });
    await settle();
    const published = h.ofType(t.overdueTaskCreated).filter((x) => x.key === householdId);
    expect(published.map((x) => ev.OverdueTaskCreated.decode(x.payload).stage)).toEqual([
      'VILLAGE_GROUP',
      'TOWNSHIP_STATION',
    ]);
    const closed = h.ofType(t.overdueTaskClosed).filter((x) => x.key === householdId);
    expect(closed.map((x) => ev.OverdueTaskClosed.decode(x.payload))).toMatchObject([
      { taskId: village!.id, stage: 'VILLAGE_GROUP', outcome: 'ESCALATED' },
    ]);
  }, 60000);

  it('R15.4: repaying the loan in full closes its open task (audited, published) and nothing is escalated', async () => {
    const tw = `tw-${key().slice(0, 6)}`;
    const { householdId, creditLineId } = await lineIn(`${tw}-v1`, tw);
    const bankLoanNo = `OD-${key().slice(0, 8)}`;
    const loanId = await draw(creditLineId, bankLoanNo, yuan(2_000));
    h.clock.set('2026-12-01T02:00:00Z');
    await h.credit.bankEvents.overdue(randomUUID(), { bankLoanNo, nonPerforming: false });

    // a partial repayment leaves the loan in arrears: the task stays open
    const repay = (principalFen: number, id = randomUUID()) =>
      h.sendBank(
        t.bankLoanRepaid,
        householdId,
        id,
        ev.BankLoanRepaid.encode({
          bankLoanNo,
          householdId,
          principalFen: String(principalFen),
          paidAt: '2026-12-03T02:00:00Z',
          onTime: false,
        }).finish(),
      );
    await repay(yuan(500));
    await waitFor(
      async () => (await h.credit.loans.getByHousehold(householdId, bank)).outstandingPrincipalFen === yuan(1_500),
    );
    expect((await h.credit.overdueTasks.forLoan(loanId))[0]).toMatchObject({ status: 'OPEN' });

    await repay(yuan(1_500));
    const closedEvent = await waitFor(() => h.ofType(t.overdueTaskClosed).find((x) => x.key === householdId), {
      what: 'OverdueTaskClosed',
    });
    expect(ev.OverdueTaskClosed.decode(closedEvent.payload)).toMatchObject({
      loanId,
      stage: 'VILLAGE_GROUP',
      outcome: 'SETTLED',
      assigneeOrg: `${tw}-v1/collection-group`,
    });
    const [task] = await h.credit.overdueTasks.forLoan(loanId);
    expect(task).toMatchObject({ status: 'CLOSED', outcome: 'SETTLED' });
    const audit = (await h.credit.repositories.overdueTasks.get(task!.id))!.audit;
    expect(audit.map((a) => [a.action, a.actor.userId])).toEqual([
      ['overdue-task.created', systemActor.userId],
      ['overdue-task.closed', systemActor.userId],
    ]);

    h.clock.set('2026-12-20T02:00:00Z');
    await h.credit.overdueTasks.escalateDue(systemActor);
    expect((await h.credit.overdueTasks.forLoan(loanId)).map((x) => x.stage)).toEqual(['VILLAGE_GROUP']);
  }, 60000);

  it('R15.4: the escalation sweep is a job of the service, refused to a bank officer', async () => {
    await expect(h.credit.overdueTasks.escalateDue(bank)).rejects.toMatchObject({ code: 'NOT_PERMITTED' });
  });
});

describe('month-end NPL snapshots (spec credit §13.4, §19.2)', () => {
  it('§13.4: one snapshot per village and township and month end, 3.00% exactly and 3.01%, published once', async () => {
    const tw = `tw-${key().slice(0, 6)}`;
    // village a: 9,700 + 300 fen, the 300 non-performing = 3.00%; village b: 9,699 + 301 = 3.01%
    const units = [
      { village: `${tw}-a`, good: 9_700, bad: 300 },
      { village: `${tw}-b`, good: 9_699, bad: 301 },
    ];
    for (const u of units) {
      const { creditLineId } = await lineIn(u.village, tw);
      await draw(creditLineId, `${u.village}-G`, u.good);
      await draw(creditLineId, `${u.village}-N`, u.bad);
      await h.credit.bankEvents.overdue(randomUUID(), { bankLoanNo: `${u.village}-N`, nonPerforming: true });
    }

    h.clock.set('2026-11-30T15:59:59Z'); // 23:59:59 on 11-30 in Shanghai: the month has not ended
    await expect(h.credit.nplSnapshots.take('2026-11-30', center)).rejects.toMatchObject({ code: 'MONTH_NOT_ENDED' });
    await expect(h.credit.nplSnapshots.take('2026-11-29', center)).rejects.toMatchObject({
      code: 'NPL_SNAPSHOT_DATE_INVALID',
    });

    h.clock.set('2026-11-30T16:00:00Z'); // 00:00 on 12-01
    const first = await h.credit.nplSnapshots.take('2026-11-30', center);
    expect(first.taken).toBe(first.units);
    const mine = (await h.credit.nplSnapshots.list('2026-11-30')).filter((s) => s.townshipId === tw);
    expect(mine.map((s) => [s.unitType, s.unitId, s.outstandingFen, s.nplFen, s.nplBp])).toEqual(
      expect.arrayContaining([
        ['VILLAGE', `${tw}-a`, 10_000, 300, 300],
        ['VILLAGE', `${tw}-b`, 10_000, 301, 301],
        ['TOWNSHIP', tw, 20_000, 601, 300],
      ]),
    );
    expect(mine).toHaveLength(3);

    // the job's pass at the same moment finds the month end done; an explicit re-run takes nothing again
    expect(await h.credit.nplSnapshots.takeLatest(systemActor)).toEqual({
      asOf: '2026-11-30',
      units: first.units,
      taken: 0,
    });
    expect((await h.credit.nplSnapshots.take('2026-11-30', center)).taken).toBe(0);

    await waitFor(() => h.ofType(t.nplSnapshot).filter((x) => x.key.startsWith(tw)).length === 3, {
      what: 'three NPL snapshots',
    });
    await settle();
    const events = h.ofType(t.nplSnapshot).filter((x) => x.key.startsWith(tw));
    expect(events).toHaveLength(3);
    expect(events.map((e) => ev.NplSnapshot.decode(e.payload)).find((m) => m.unitId === `${tw}-a`)).toMatchObject({
      unitType: 'VILLAGE',
      asOf: '2026-11-30',
      outstandingFen: '10000',
      nplFen: '300',
      nplBp: 300,
      townshipId: tw,
    });
  }, 90000);
});

describe('annual certificate review (spec credit §9.3, R17.1 d)', () => {
  it('§9.3 [inferred 12 months]: a year after issue the review is flagged once; a rating completes it and sets the next', async () => {
    const tw = `tw-${key().slice(0, 6)}`;
    const { householdId, creditLineId } = await lineIn(`${tw}-v1`, tw);
    const issued = (await h.credit.repositories.lines.get(creditLineId))!.value;
    expect(issued.nextReviewAt!.toISOString()).toBe(
      new Date(new Date(issued.issuedAt).setUTCFullYear(issued.issuedAt.getUTCFullYear() + 1)).toISOString(),
    );

    h.clock.set(new Date(issued.nextReviewAt!.getTime() - 1000).toISOString());
    expect((await h.credit.flagReviewsDue(systemActor)).flagged).not.toContain(creditLineId);
    h.clock.set(issued.nextReviewAt!.toISOString());
    expect((await h.credit.flagReviewsDue(systemActor)).flagged).toContain(creditLineId);
    expect((await h.credit.flagReviewsDue(systemActor)).flagged).not.toContain(creditLineId);
    const due = await waitFor(() => h.ofType(t.certificateReviewDue).find((x) => x.key === householdId), {
      what: 'CertificateReviewDue',
    });
    expect(ev.CertificateReviewDue.decode(due.payload)).toMatchObject({
      creditLineId,
      certificateNo: issued.certificateNo,
      dueAt: issued.nextReviewAt!.toISOString(),
    });

    h.clock.advanceDays(10);
    const rating = await h.credit.rating.rateHousehold(
      { idempotencyKey: key(), householdId, info: { ...emptyCreditInfo(), hasIncomeProject: true } },
      center,
    );
    const after = (await h.credit.repositories.lines.get(creditLineId))!;
    expect(after.value).toMatchObject({ status: 'ACTIVE', reviewDueSince: null, lastReviewedAt: h.clock.now() });
    expect(after.audit.at(-1)).toMatchObject({ action: 'certificate.reviewed' });
    const reviewed = await waitFor(() => h.ofType(t.certificateReviewed).find((x) => x.key === householdId), {
      what: 'CertificateReviewed',
    });
    expect(ev.CertificateReviewed.decode(reviewed.payload)).toMatchObject({
      creditLineId,
      ratingId: rating.id,
      reviewedAt: h.clock.now().toISOString(),
      nextReviewAt: after.value.nextReviewAt!.toISOString(),
    });
    // the next review is a year after this one, not flagged before then
    expect(after.value.nextReviewAt!.getTime()).toBeGreaterThan(h.clock.now().getTime() + 364 * 864e5);
    expect((await h.credit.flagReviewsDue(systemActor)).flagged).not.toContain(creditLineId);
    await settle();
    expect(h.ofType(t.certificateReviewDue).filter((x) => x.key === householdId)).toHaveLength(1);
  }, 60000);
});

describe('annual certificate review of lines stored before review dates existed (spec credit §9.3)', () => {
  it('§9.3: a line without a review date is flagged a year after its issue', async () => {
    const tw = `tw-${key().slice(0, 6)}`;
    const { creditLineId } = await lineIn(`${tw}-v1`, tw);
    await h.conn.db!.collection('credit_lines').updateOne(
      { _id: creditLineId as never },
      {
        $unset: { nextReviewAt: '' },
      },
    );
    const issued = (await h.credit.repositories.lines.get(creditLineId))!.value;
    expect(issued.nextReviewAt).toBeUndefined();
    const anniversary = new Date(issued.issuedAt);
    anniversary.setUTCFullYear(anniversary.getUTCFullYear() + 1);
    h.clock.set(new Date(anniversary.getTime() - 1000).toISOString());
    expect((await h.credit.flagReviewsDue(systemActor)).flagged).not.toContain(creditLineId);
    h.clock.set(anniversary.toISOString());
    expect((await h.credit.flagReviewsDue(systemActor)).flagged).toContain(creditLineId);
    expect((await h.credit.repositories.lines.get(creditLineId))!.value).toMatchObject({
      nextReviewAt: anniversary,
      reviewDueSince: anniversary,
    });
  }, 60000);
});

describe('certificate expiry (spec credit §9.3)', () => {
  it('§9.3 [inferred 3 years]: a line past validUntil becomes EXPIRED once, is published, and refuses draws with CERTIFICATE_EXPIRED', async () => {
    const tw = `tw-${key().slice(0, 6)}`;
    const { householdId, creditLineId } = await lineIn(`${tw}-v1`, tw);
    await draw(creditLineId, `${tw}-L`, yuan(1_000));
    const line = (await h.credit.repositories.lines.get(creditLineId))!.value;
    expect(line.validUntil.getTime() - line.issuedAt.getTime()).toBeGreaterThanOrEqual(3 * 365 * 864e5);

    h.clock.set(line.validUntil.toISOString());
    expect((await h.credit.expireCertificates(systemActor)).expired).not.toContain(creditLineId);
    h.clock.set(new Date(line.validUntil.getTime() + 1000).toISOString());
    expect((await h.credit.expireCertificates(systemActor)).expired).toContain(creditLineId);
    expect((await h.credit.expireCertificates(systemActor)).expired).not.toContain(creditLineId);

    const stored = (await h.credit.repositories.lines.get(creditLineId))!;
    expect(stored.value).toMatchObject({ status: 'EXPIRED', outstandingPrincipalFen: yuan(1_000) });
    expect(stored.audit.at(-1)).toMatchObject({ action: 'certificate.expired' });
    await expect(draw(creditLineId, `${tw}-L2`, yuan(1_000))).rejects.toMatchObject({ code: 'CERTIFICATE_EXPIRED' });

    const e = await waitFor(() => h.ofType(t.certificateExpired).find((x) => x.key === householdId), {
      what: 'CertificateExpired',
    });
    expect(ev.CertificateExpired.decode(e.payload)).toMatchObject({
      creditLineId,
      certificateNo: line.certificateNo,
      oldStatus: ev.CreditLineStatus.CREDIT_LINE_STATUS_ACTIVE,
      validUntil: line.validUntil.toISOString(),
      outstandingPrincipalFen: String(yuan(1_000)),
    });
    await settle();
    expect(h.ofType(t.certificateExpired).filter((x) => x.key === householdId)).toHaveLength(1);
    // repayments on the expired line still run
    await h.credit.bankEvents.repaid(randomUUID(), {
      bankLoanNo: `${tw}-L`,
      principalFen: yuan(1_000),
      paidAt: h.clock.now(),
      onTime: true,
    });
    expect((await h.credit.loans.getByHousehold(householdId, bank)).outstandingPrincipalFen).toBe(0);
  }, 60000);
});
