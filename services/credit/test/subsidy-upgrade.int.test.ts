import { randomUUID } from 'node:crypto';
import { creditEventTypes as t } from '@gov/contracts';
import { verifyAuditChain } from '@gov/platform';
import { waitFor } from '@gov/testkit';
import { emptyCreditInfo, type CreditInfo } from '../src/domain/rating';
import { actor, creditEventsV1 as ev, idNumber, panelOf, startCredit, type CreditHarness } from './harness';

// Spec credit §12 (entity subsidy, subsidy payments) and §16-17 (upgrades wait for the bank, downgrades do not),
// on the real store and broker. The district here pays subsidies to the bank (SUBSIDY_PAYEE=BANK).
let h: CreditHarness;
const poverty = actor('POVERTY_OFFICE');
const center = actor('CENTER_STAFF');
const panel = panelOf('vg-1');
const bank = actor('BANK_OFFICER');
const yuan = (y: number) => Math.round(y * 100);
const key = () => randomUUID();
const base: Partial<CreditInfo> = { hasIncomeProject: true };
// 87 → AA; 97 → AAA; 86 → A (with the poverty bonus)
const aa: Partial<CreditInfo> = { ...base, headIsPartyMember: true };
const aaa: Partial<CreditInfo> = {
  ...aa,
  highestHonorLevel: 'DISTRICT_OR_ABOVE',
  forestRightCertificate: true,
  landContractCertificate: true,
  homesteadCertificate: true,
  commercialInsuranceInForce: true,
  familyHarmonious: true,
  neighbourHarmonious: true,
};

beforeAll(async () => {
  h = await startCredit('credit-subsidy-upgrade', { subsidyPayee: 'BANK' });
}, 90000);
afterAll(async () => h?.stop());

const rate = (householdId: string, info: Partial<CreditInfo>) =>
  h.credit.rating.rateHousehold(
    { idempotencyKey: key(), householdId, info: { ...emptyCreditInfo(), ...info } },
    center,
  );

/** A registered poor household certified at AA with a 100,000 yuan line. */
async function certifiedAA() {
  const id = await h.credit.registerHousehold(
    {
      idempotencyKey: key(),
      input: {
        townshipId: 'tw-1',
        villageId: 'vg-1',
        villagerGroupId: 'grp-1',
        headName: '王五',
        headIdNumber: idNumber(),
        phone: '13800138000',
        povertyStatus: 'REGISTERED_POOR',
      },
    },
    poverty,
  );
  expect((await rate(id, aa)).grade).toBe('AA');
  const start = h.clock.now();
  const notice = await h.credit.notices.openNotice(
    {
      idempotencyKey: key(),
      input: {
        villageId: 'vg-1',
        householdIds: [id],
        startAt: start,
        endAt: new Date(start.getTime() + 7 * 864e5),
        postedLocation: '村委会',
      },
    },
    panel,
  );
  h.clock.advanceDays(7);
  await h.credit.notices.closeNotice({ idempotencyKey: key(), noticeId: notice.id }, panel);
  const { creditLineId } = await h.credit.decideCredit(
    {
      idempotencyKey: key(),
      input: {
        noticeId: notice.id,
        householdId: id,
        approve: true,
        grade: 'AA',
        limitFen: yuan(100_000),
        rejectionReason: '',
        rejectionCause: '',
        evidenceRefs: [],
      },
    },
    bank,
  );
  return { id, creditLineId: creditLineId! };
}

async function entityWithLoan(principalFen: number, contractDate: string) {
  const e = await h.credit.entities.register(
    {
      name: '湖滨区某种植合作社',
      kind: 'COOPERATIVE',
      registrationNo: `93411202${key().slice(0, 10)}`,
      townshipId: 'tw-1',
      inGovBankInsurerAgreement: true,
    },
    poverty,
  );
  await h.credit.entities.contribute({ entityId: e.id, receiptNo: key(), amountFen: principalFen / 10 }, center);
  const after = await h.credit.entities.reportLoan(
    { entityId: e.id, bankLoanNo: `EN-${key().slice(0, 8)}`, principalFen, rateBp: 522, termMonths: 36, contractDate },
    bank,
  );
  return { entityId: e.id, loanId: after.loans[0]!.id };
}

describe('entity-loan interest subsidy (spec credit §12 R12.3)', () => {
  it('§22-16, R12.3: 1,000,000 yuan for 90 days is 7,500 yuan; the next quarter follows the repaid balance', async () => {
    const { entityId, loanId } = await entityWithLoan(yuan(1_000_000), '2026-01-01');
    const q1 = { entityId, loanId, periodStart: '2026-01-01', periodEnd: '2026-04-01', interestPaidFen: yuan(13_000) };
    const first = await h.credit.accrueSubsidy.forEntity(q1, center);
    expect(first).toMatchObject({ amountFen: yuan(7_500), eligiblePrincipalFen: yuan(1_000_000) });
    // a retried statement changes nothing and opens no second payment (R12.5)
    expect(await h.credit.accrueSubsidy.forEntity(q1, center)).toEqual(first);
    // 400,000 yuan repaid on 2026-05-16 (Shanghai): 45 days at 1,000,000 and 46 at 600,000 → 3,750 + 2,300 yuan
    await h.credit.entities.reportRepayment(
      { entityId, loanId, principalFen: yuan(400_000), paidAt: new Date('2026-05-15T16:30:00Z'), opId: 'rp-1' },
      bank,
    );
    const again = await h.credit.entities.reportRepayment(
      { entityId, loanId, principalFen: yuan(400_000), paidAt: new Date('2026-05-15T16:30:00Z'), opId: 'rp-1' },
      bank,
    );
    expect(again.loans[0]).toMatchObject({ outstandingPrincipalFen: yuan(600_000) });
    const q2 = await h.credit.accrueSubsidy.forEntity(
      { entityId, loanId, periodStart: '2026-04-01', periodEnd: '2026-07-01', interestPaidFen: yuan(10_000) },
      center,
    );
    expect(q2.amountFen).toBe(yuan(6_050));
    const e = await waitFor(
      () =>
        h
          .ofType(t.subsidyAccrued)
          .find((x) => x.key === entityId && ev.SubsidyAccrued.decode(x.payload).periodStart === '2026-04-01'),
      { what: 'entity SubsidyAccrued' },
    );
    expect(ev.SubsidyAccrued.decode(e.payload)).toMatchObject({
      borrowerType: 'ENTITY',
      entityId,
      householdId: '',
      amountFen: String(yuan(6_050)),
    });
    const payments = await h.conn.collection('subsidy_payments').find({ loanId }).toArray();
    expect(payments.map((p) => p.amountFen).sort()).toEqual([yuan(6_050), yuan(7_500)].sort());
    const stored = await h.credit.repositories.subsidyPayments.get(payments[0]!._id as unknown as string);
    expect(verifyAuditChain(stored!.audit)).toMatchObject({ ok: true });
  });

  it('R12.4: a period the statement shows in arrears earns nothing and opens no payment', async () => {
    const { entityId, loanId } = await entityWithLoan(yuan(200_000), '2026-01-01');
    const p = await h.credit.accrueSubsidy.forEntity(
      {
        entityId,
        loanId,
        periodStart: '2026-01-01',
        periodEnd: '2026-04-01',
        interestPaidFen: yuan(3_000),
        overdueInPeriod: true,
      },
      center,
    );
    expect(p.amountFen).toBe(0);
    expect(await h.conn.collection('subsidy_payments').countDocuments({ loanId })).toBe(0);
  });
});

describe('subsidy payments (spec credit §12 R12.4-R12.5)', () => {
  it('R12.4: the center approves to the configured payee, then records the transfer → credit.subsidy.disbursed once', async () => {
    const { entityId, loanId } = await entityWithLoan(yuan(1_000_000), '2026-07-01');
    const period = await h.credit.accrueSubsidy.forEntity(
      { entityId, loanId, periodStart: '2026-07-01', periodEnd: '2026-10-01', interestPaidFen: yuan(13_000) },
      center,
    );
    // 92 days: 1,000,000 × 3% × 92 / 360 = 7,666.666… → 766,667 fen
    expect(period.amountFen).toBe(766_667);
    const [doc] = await h.conn.collection('subsidy_payments').find({ loanId }).toArray();
    const id = doc!._id as unknown as string;
    await expect(h.credit.subsidyPayments.approve({ subsidyPaymentId: id }, bank)).rejects.toMatchObject({
      code: 'NOT_PERMITTED',
    });
    await expect(
      h.credit.subsidyPayments.markPaid({ subsidyPaymentId: id, paymentRef: 'GK-1' }, center),
    ).rejects.toMatchObject({ code: 'SUBSIDY_PAYMENT_NOT_APPROVED' });
    const approved = await h.credit.subsidyPayments.approve({ subsidyPaymentId: id, note: '对账无误' }, center);
    expect(approved).toMatchObject({ status: 'APPROVED', payee: 'BANK', approvedBy: center.userId });
    const paid = await h.credit.subsidyPayments.markPaid({ subsidyPaymentId: id, paymentRef: 'GK-1' }, center);
    expect(paid).toMatchObject({ status: 'PAID', paymentRef: 'GK-1' });
    // retried with the same reference: the same answer; under another reference: refused
    expect(await h.credit.subsidyPayments.markPaid({ subsidyPaymentId: id, paymentRef: 'GK-1' }, center)).toMatchObject(
      {
        status: 'PAID',
      },
    );
    await expect(
      h.credit.subsidyPayments.markPaid({ subsidyPaymentId: id, paymentRef: 'GK-2' }, center),
    ).rejects.toMatchObject({ code: 'SUBSIDY_ALREADY_PAID' });
    const e = await waitFor(() => h.ofType(t.subsidyDisbursed).find((x) => x.key === entityId), {
      what: 'SubsidyDisbursed',
    });
    expect(ev.SubsidyDisbursed.decode(e.payload)).toMatchObject({
      subsidyPaymentId: id,
      loanId,
      periodStart: '2026-07-01',
      periodEnd: '2026-10-01',
      eligiblePrincipalFen: String(yuan(1_000_000)),
      amountFen: '766667',
      payee: 'BANK',
      paymentRef: 'GK-1',
    });
    await waitFor(() => h.ofType(t.subsidyPaymentApproved).find((x) => x.key === entityId), { what: 'approved' });
    await new Promise((r) => setTimeout(r, 300));
    expect(h.ofType(t.subsidyDisbursed).filter((x) => x.key === entityId)).toHaveLength(1);
  });

  it('R12.4: lists the payments unpaid 30 days after the statement was accepted, not the paid ones', async () => {
    const { entityId, loanId } = await entityWithLoan(yuan(300_000), '2026-01-01');
    await h.credit.accrueSubsidy.forEntity(
      { entityId, loanId, periodStart: '2026-01-01', periodEnd: '2026-04-01', interestPaidFen: yuan(5_000) },
      center,
    );
    const [doc] = await h.conn.collection('subsidy_payments').find({ loanId }).toArray();
    const id = doc!._id as unknown as string;
    const late = async () => (await h.credit.subsidyPayments.listPastSla(center)).map((p) => p.id);
    h.clock.advanceDays(30);
    expect(await late()).not.toContain(id);
    h.clock.advanceDays(1);
    expect(await late()).toContain(id);
    await expect(h.credit.subsidyPayments.listPastSla(actor('HOUSEHOLD'))).rejects.toMatchObject({
      code: 'NOT_PERMITTED',
    });
    await h.credit.subsidyPayments.approve({ subsidyPaymentId: id }, center);
    await h.credit.subsidyPayments.markPaid({ subsidyPaymentId: id, paymentRef: 'GK-late' }, center);
    expect(await late()).not.toContain(id);
    const e = await waitFor(
      () => h.ofType(t.subsidyDisbursed).find((x) => ev.SubsidyDisbursed.decode(x.payload).subsidyPaymentId === id),
      { what: 'late SubsidyDisbursed' },
    );
    expect(ev.SubsidyDisbursed.decode(e.payload).late).toBe(true);
  });

  it('R12.5: a household period accrued twice opens one payment', async () => {
    const { creditLineId } = await certifiedAA();
    const { loanId } = await h.credit.loans.drawLoan(
      {
        idempotencyKey: key(),
        input: {
          creditLineId,
          bankLoanNo: `HB-${key().slice(0, 8)}`,
          principalFen: yuan(40_000),
          termMonths: 36,
          rateBp: 475,
          contractDate: '2026-12-01',
        },
      },
      bank,
    );
    const cmd = {
      creditLineId,
      loanId,
      periodStart: '2026-12-01',
      periodEnd: '2027-03-01',
      interestPaidFen: yuan(500),
    };
    const a = await h.credit.accrueSubsidy(cmd, center);
    await h.credit.accrueSubsidy(cmd, center);
    const docs = await h.conn.collection('subsidy_payments').find({ loanId }).toArray();
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({
      borrowerType: 'HOUSEHOLD',
      creditLineId,
      amountFen: a.amountFen,
      status: 'ACCRUED',
    });
  });
});

describe('upgrades and downgrades after a re-score (spec credit §16 R16.2, §17 R17.2-R17.3)', () => {
  it('R17.3: a higher grade waits for the bank; its confirmation raises grade and limit with reason RESCORE', async () => {
    const { id, creditLineId } = await certifiedAA();
    expect((await rate(id, aaa)).grade).toBe('AAA');
    const pending = (await h.credit.repositories.lines.get(creditLineId))!.value;
    expect(pending).toMatchObject({
      grade: 'AA',
      limitFen: yuan(100_000),
      pendingUpgrade: { grade: 'AAA', capFen: yuan(150_000) },
    });
    const proposed = await waitFor(() => h.ofType(t.certificateUpgradePending).find((x) => x.key === id), {
      what: 'upgrade-pending',
    });
    expect(ev.CertificateUpgradePending.decode(proposed.payload)).toMatchObject({
      proposedGrade: ev.Grade.GRADE_AAA,
      currentGrade: ev.Grade.GRADE_AA,
      proposedCapFen: String(yuan(150_000)),
      withdrawn: false,
    });
    expect(h.ofType(t.certificateRegraded).filter((x) => x.key === id)).toHaveLength(0);
    await expect(
      h.credit.confirmUpgrade({ idempotencyKey: key(), creditLineId }, actor('CENTER_STAFF')),
    ).rejects.toMatchObject({ code: 'NOT_PERMITTED' });
    const confirmKey = key();
    const upgraded = await h.credit.confirmUpgrade({ idempotencyKey: confirmKey, creditLineId }, bank);
    expect(upgraded).toMatchObject({ grade: 'AAA', limitFen: yuan(150_000), pendingUpgrade: null });
    // the same request retried gets the same line; a new one finds nothing left to confirm
    expect(await h.credit.confirmUpgrade({ idempotencyKey: confirmKey, creditLineId }, bank)).toMatchObject({
      grade: 'AAA',
    });
    await expect(h.credit.confirmUpgrade({ idempotencyKey: key(), creditLineId }, bank)).rejects.toMatchObject({
      code: 'NO_PENDING_UPGRADE',
    });
    const e = await waitFor(() => h.ofType(t.certificateRegraded).find((x) => x.key === id), { what: 'regraded' });
    expect(ev.CertificateRegraded.decode(e.payload)).toMatchObject({
      oldGrade: ev.Grade.GRADE_AA,
      newGrade: ev.Grade.GRADE_AAA,
      oldLimitFen: String(yuan(100_000)),
      newLimitFen: String(yuan(150_000)),
      reason: 'RESCORE',
      overLimit: false,
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(h.ofType(t.certificateRegraded).filter((x) => x.key === id)).toHaveLength(1);
  });

  it('R17.2: a downgrade cuts the limit at once; the line owing more is OVER_LIMIT and lends nothing more', async () => {
    const { id, creditLineId } = await certifiedAA();
    await h.credit.loans.drawLoan(
      {
        idempotencyKey: key(),
        input: {
          creditLineId,
          bankLoanNo: `HB-${key().slice(0, 8)}`,
          principalFen: yuan(80_000),
          termMonths: 36,
          rateBp: 475,
          contractDate: '2026-12-01',
        },
      },
      bank,
    );
    expect((await rate(id, base)).grade).toBe('A');
    const line = (await h.credit.repositories.lines.get(creditLineId))!.value;
    expect(line).toMatchObject({ grade: 'A', limitFen: yuan(50_000), outstandingPrincipalFen: yuan(80_000) });
    const e = await waitFor(() => h.ofType(t.certificateRegraded).find((x) => x.key === id), { what: 'regraded' });
    expect(ev.CertificateRegraded.decode(e.payload)).toMatchObject({
      newGrade: ev.Grade.GRADE_A,
      newLimitFen: String(yuan(50_000)),
      overLimit: true,
      availableFen: '0',
    });
    await expect(
      h.credit.loans.drawLoan(
        {
          idempotencyKey: key(),
          input: {
            creditLineId,
            bankLoanNo: `HB-${key().slice(0, 8)}`,
            principalFen: 1,
            termMonths: 12,
            rateBp: 475,
            contractDate: '2026-12-02',
          },
        },
        bank,
      ),
    ).rejects.toMatchObject({ code: 'INSUFFICIENT_LIMIT' });
  });

  it('R16.2: after a late repayment no upgrade is proposed for 12 months; after them it is', async () => {
    const { id, creditLineId } = await certifiedAA();
    const { loanId } = await h.credit.loans.drawLoan(
      {
        idempotencyKey: key(),
        input: {
          creditLineId,
          bankLoanNo: `HB-${key().slice(0, 8)}`,
          principalFen: yuan(10_000),
          termMonths: 36,
          rateBp: 475,
          contractDate: '2026-12-01',
        },
      },
      bank,
    );
    await h.credit.loans.repayLoan(
      {
        idempotencyKey: key(),
        input: { creditLineId, loanId, principalFen: yuan(1_000), paidAt: h.clock.now(), onTime: false },
      },
      bank,
    );
    await rate(id, aaa);
    expect((await h.credit.repositories.lines.get(creditLineId))!.value.pendingUpgrade ?? null).toBeNull();
    h.clock.advanceDays(366);
    await rate(id, aaa);
    expect((await h.credit.repositories.lines.get(creditLineId))!.value).toMatchObject({
      grade: 'AA',
      pendingUpgrade: { grade: 'AAA' },
    });
  });
});
