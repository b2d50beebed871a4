import { randomUUID } from 'node:crypto';
import { creditEventTypes as rt } from '@gov/contracts';
import { verifyAuditChain } from '@gov/platform';
import { waitFor } from '@gov/testkit';
import { emptyCreditInfo } from '../src/domain/rating';
import { actor, creditEventsV1 as ev, idNumber, panelOf, startCredit, type CreditHarness } from './harness';

// Risk fund, loss-case settlement and claim payouts (spec credit §13.3, §14.3, §15.4) on the real store and broker,
// through the wiring main.ts uses, starting from a loss case that AllocateLoss created.
let h: CreditHarness;
const poverty = actor('POVERTY_OFFICE');
const center = actor('CENTER_STAFF');
const bank = actor('BANK_OFFICER');
const insurer = actor('INSURER_OFFICER');
const system = actor('SYSTEM');
const key = () => randomUUID();

let risk: ReturnType<typeof riskOf>;
const riskOf = (x: CreditHarness) => ({
  ledger: x.credit.repositories.fundLedger,
  lossCases: x.credit.repositories.settledLossCases,
  claims: x.credit.repositories.claimPayouts,
  fund: x.credit.riskFund,
  settle: x.credit.settleLossCase,
  insurance: x.credit.insuranceClaims,
});

// decoded with the published contract, as a bank would read them
const decoders = {
  FundCompensationPaid: ev.FundCompensationPaid,
  LossRecovered: ev.LossRecovered,
  ClaimPaid: ev.ClaimPaid,
};
const decode = (name: keyof typeof decoders, bytes: Buffer) => decoders[name].decode(bytes) as object;

beforeAll(async () => {
  // the opening capital is 20,000 yuan here so that the fund can run short; the first test seeds it
  h = await startCredit('risk-settlement', { riskFundBalanceFen: 2_000_000 }, { seedFund: false });
  risk = riskOf(h);
}, 90000);
afterAll(async () => {
  await h?.stop();
});

/** A registered-poor household with an A line, a drawn loan gone non-performing, and its allocated loss case. */
async function allocatedLoss(village: string, principalFen: number, accruedInterestFen: number) {
  const id = await h.credit.registerHousehold(
    {
      idempotencyKey: key(),
      input: {
        townshipId: 'tw-r',
        villageId: village,
        villagerGroupId: 'g',
        headName: '赵六',
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
        limitFen: 5_000_000,
        rejectionReason: '',
        rejectionCause: '',
        evidenceRefs: [],
      },
    },
    bank,
  );
  const bankLoanNo = `L-${key().slice(0, 8)}`;
  await h.credit.loans.drawLoan(
    {
      idempotencyKey: key(),
      input: { creditLineId, bankLoanNo, principalFen, termMonths: 12, rateBp: 475, contractDate: '2026-11-10' },
    },
    bank,
  );
  await h.credit.bankEvents.overdue(randomUUID(), { bankLoanNo, nonPerforming: true });
  const lossCase = await h.credit.riskSharing.allocate({ bankLoanNo, accruedInterestFen }, center);
  return { householdId: id, lossCase };
}

const confirmBoth = async (c: { id: string; bankShareFen: number; insurerShareFen: number }) => {
  await risk.settle.confirmShare(
    { lossCaseId: c.id, party: 'INSURER', amountFen: c.insurerShareFen, reference: 'PICC-S-1' },
    insurer,
  );
  await risk.settle.confirmShare(
    { lossCaseId: c.id, party: 'BANK', amountFen: c.bankShareFen, reference: 'RCB-S-1' },
    bank,
  );
};

describe('risk compensation fund and loss-case settlement (spec credit §13.3, §15.4)', () => {
  it('seeds the configured capital once as CAPITAL_IN, append-only, balance derivable from the ledger (spec credit §13.3 R13.3, R13.7)', async () => {
    await Promise.all([risk.fund.seedInitialCapital(system), risk.fund.seedInitialCapital(system)]);
    const ledger = await risk.ledger.list();
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({
      seq: 1,
      type: 'CAPITAL_IN',
      amountFen: 2_000_000,
      approvedBy: '三湖办〔2017〕33号',
    });
    expect(await risk.fund.statement()).toEqual({ balanceFen: 2_000_000, ceilingFen: 20_000_000, entries: 1 });
  });

  it('keeps the ledger gap-free when writers race for the next entry (spec credit §13.3 R13.7)', async () => {
    const before = await risk.fund.balanceFen();
    await Promise.all(
      [1, 2, 3, 4].map((n) =>
        risk.fund.recordTransaction(
          { idempotencyKey: `interest-${n}`, type: 'INTEREST_IN', amountFen: n, approvedBy: 'district-finance' },
          center,
        ),
      ),
    );
    const ledger = await risk.ledger.list();
    expect(ledger.map((t) => t.seq)).toEqual([1, 2, 3, 4, 5]);
    expect((await risk.fund.statement()).balanceFen).toBe(before + 10);
  });

  it('walks a loss from ALLOCATED through confirmations, fund payout and a recovery, each step audited and published (spec credit §15 R15.4, §13.2)', async () => {
    // 50,000 yuan principal + 0.01 yuan interest: gov 1,500,000 / bank 1,000,000 / insurer 2,500,001 fen
    const { lossCase } = await allocatedLoss('vg-r1', 5_000_000, 1);
    await expect(risk.settle.payCompensation({ lossCaseId: lossCase.id }, center)).rejects.toMatchObject({
      code: 'LOSS_CASE_WRONG_STATE',
    });
    await confirmBoth(lossCase);
    const balance = await risk.fund.balanceFen();
    const paid = await risk.settle.payCompensation({ lossCaseId: lossCase.id }, center);
    await risk.settle.payCompensation({ lossCaseId: lossCase.id }, center);
    expect(paid).toMatchObject({
      status: 'PAID',
      compensation: { amountFen: 1_500_000, fundBalanceAfterFen: balance - 1_500_000 },
    });
    const { recovery } = await risk.settle.recordRecovery(
      { lossCaseId: lossCase.id, reference: 'RCPT-77', amountFen: 100_001 },
      bank,
    );
    await risk.settle.recordRecovery({ lossCaseId: lossCase.id, reference: 'RCPT-77', amountFen: 100_001 }, bank);
    expect(recovery).toMatchObject({ govFen: 30_000, bankFen: 20_000, insurerFen: 50_001 });

    const ledger = await risk.ledger.list();
    expect(ledger.filter((t) => t.lossCaseId === lossCase.id).map((t) => [t.type, t.amountFen])).toEqual([
      ['COMPENSATION_OUT', 1_500_000],
      ['RECOVERY_IN', 30_000],
    ]);
    expect((await risk.fund.statement()).balanceFen).toBe(balance - 1_500_000 + 30_000);

    const stored = (await risk.lossCases.get(lossCase.id))!;
    expect(stored.value.history.map((s) => [s.step, s.actorId])).toEqual([
      ['ALLOCATED', 'center_staff'],
      ['INSURER_CONFIRMED', 'insurer_officer'],
      ['BANK_CONFIRMED', 'bank_officer'],
      ['COMPENSATION_PAID', 'center_staff'],
      ['RECOVERED', 'bank_officer'],
    ]);
    expect(stored.value.history.every((s) => s.at instanceof Date)).toBe(true);
    expect(stored.audit.map((a) => a.action)).toEqual([
      'loss.allocated',
      'loss.insurer-confirmed',
      'loss.bank-confirmed',
      'loss.compensation-paid',
      'loss.recovered',
    ]);
    expect(verifyAuditChain(stored.audit as never)).toEqual({ ok: true });

    const paidEvent = await waitFor(() => h.ofType(rt.fundCompensationPaid).find((e) => e.key === lossCase.loanId), {
      what: 'FundCompensationPaid',
    });
    expect(decode('FundCompensationPaid', paidEvent.payload)).toMatchObject({
      lossCaseId: lossCase.id,
      amountFen: '1500000',
      fundBalanceAfterFen: String(balance - 1_500_000),
    });
    const recEvent = await waitFor(() => h.ofType(rt.lossRecovered).find((e) => e.key === lossCase.loanId), {
      what: 'LossRecovered',
    });
    expect(decode('LossRecovered', recEvent.payload)).toMatchObject({
      govFen: '30000',
      bankFen: '20000',
      insurerFen: '50001',
    });
    await waitFor(() => h.ofType(rt.lossConfirmed).filter((e) => e.key === lossCase.loanId).length === 2 || undefined, {
      what: 'LossConfirmed ×2',
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(h.ofType(rt.fundCompensationPaid).filter((e) => e.key === lossCase.loanId)).toHaveLength(1);
    expect(h.ofType(rt.lossRecovered).filter((e) => e.key === lossCase.loanId)).toHaveLength(1);
  });

  it('refuses the payout with RISK_FUND_INSUFFICIENT when the fund cannot cover the government share (spec credit §13.3)', async () => {
    // 50,000 yuan loss: the government share of 1,500,000 fen is more than what is left of the 20,000-yuan fund
    const { lossCase } = await allocatedLoss('vg-r2', 5_000_000, 0);
    await confirmBoth(lossCase);
    const before = await risk.ledger.list();
    await expect(risk.settle.payCompensation({ lossCaseId: lossCase.id }, center)).rejects.toMatchObject({
      code: 'RISK_FUND_INSUFFICIENT',
    });
    expect(await risk.ledger.list()).toHaveLength(before.length);
    expect((await risk.lossCases.get(lossCase.id))!.value.status).toBe('ALLOCATED');
  });
});

describe('insurance claim payouts (spec credit §14)', () => {
  it('§22-26: refuses a payout without the household bank card; stores the card encrypted and publishes it masked (spec credit §14 R14.3)', async () => {
    const { householdId } = await allocatedLoss('vg-r3', 1_000_000, 0);
    const cmd = {
      insurerId: 'picc-huibin',
      claimNo: `CLM-${key().slice(0, 6)}`,
      policyNo: 'POL-LIVESTOCK-7',
      householdId,
      amountFen: 320_000,
      payeeType: 'HOUSEHOLD',
      paidAt: h.clock.now(),
    };
    await expect(risk.insurance.recordClaimPayout(cmd, insurer)).rejects.toMatchObject({
      code: 'PAYOUT_MUST_BE_TO_HOUSEHOLD_CARD',
    });
    await expect(
      risk.insurance.recordClaimPayout(
        { ...cmd, payeeType: 'COOPERATIVE', bankCardNo: '6228480012345678901' },
        insurer,
      ),
    ).rejects.toMatchObject({ code: 'PAYOUT_MUST_BE_TO_HOUSEHOLD_CARD' });
    const payout = await risk.insurance.recordClaimPayout({ ...cmd, bankCardNo: '6228 4800 1234 5678 901' }, insurer);
    await risk.insurance.recordClaimPayout({ ...cmd, bankCardNo: '6228 4800 1234 5678 901' }, insurer);
    // the same claim again with another card that happens to end in the same four digits is not a retry
    await expect(
      risk.insurance.recordClaimPayout({ ...cmd, bankCardNo: '6217000099998901' }, insurer),
    ).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(payout.bankCardNoMasked).toBe('***************8901');

    const raw = await h.conn.db!.collection('insurance_claim_payouts').findOne({ _id: payout.id as never });
    expect(JSON.stringify(raw)).not.toContain('6228480012345678901');
    expect((await risk.claims.get(payout.id))!.value).not.toHaveProperty('bankCardNoCipher');
    expect(await risk.claims.revealBankCardNo(payout.id)).toBe('6228480012345678901');

    const e = await waitFor(() => h.ofType(rt.claimPaid).find((x) => x.key === householdId), { what: 'ClaimPaid' });
    expect(decode('ClaimPaid', e.payload)).toMatchObject({
      householdId,
      amountFen: '320000',
      bankCardNoMasked: '***************8901',
    });
    expect(e.payload.toString('latin1')).not.toContain('62284800');
    await new Promise((r) => setTimeout(r, 300));
    expect(h.ofType(rt.claimPaid).filter((x) => x.key === householdId)).toHaveLength(1);
  });
});
