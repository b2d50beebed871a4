import type { Actor } from '@gov/platform/auth';
import type { SettledLossCase } from '../domain/loss-case';
import { defaultLendingPolicy } from '../domain/policy';
import type { RiskFundTransaction } from '../domain/risk-fund';
import { createRiskFund } from './risk-fund';
import type { AuditNote, Stored } from './ports';
import type { LossCaseSettlements, RiskEvent, RiskFundLedger } from './risk-ports';
import { createSettleLossCase } from './settle-loss-case';

const actor = (role: string, userId = role.toLowerCase()): Actor => ({
  userId,
  name: userId,
  orgUnitId: 'district',
  roles: [role],
  clearance: 'INTERNAL',
});
const center = actor('CENTER_STAFF');
const bank = actor('BANK_OFFICER');
const insurer = actor('INSURER_OFFICER');
const clock = { now: () => new Date('2026-06-01T02:00:00Z') };

/** In-memory ledger with the store's uniqueness rules (id and seq). */
function fakeLedger() {
  const rows: RiskFundTransaction[] = [];
  const events: RiskEvent[] = [];
  const ledger: RiskFundLedger = {
    last: async () => rows.at(-1),
    get: async (id) => rows.find((r) => r.id === id),
    list: async () => [...rows],
    async append(tx, ev) {
      if (rows.some((r) => r.id === tx.id)) return 'ID_TAKEN';
      if (rows.some((r) => r.seq === tx.seq)) return 'SEQ_TAKEN';
      rows.push(tx);
      events.push(...ev);
      return 'CREATED';
    },
  };
  return { ledger, rows, events };
}

/** In-memory case store with version checks; `failNextUpdate` simulates a crash after the fund entry. */
function fakeCases(initial: SettledLossCase) {
  const docs = new Map<string, Stored<SettledLossCase>>([[initial.id, { value: initial, version: 1, audit: [] }]]);
  const events: RiskEvent[] = [];
  const notes: AuditNote[] = [];
  const state = { failNextUpdate: false };
  const store: LossCaseSettlements = {
    create: async () => false,
    get: async (id) => structuredClone(docs.get(id)),
    async update(value, expectedVersion, ev, note) {
      if (state.failNextUpdate) {
        state.failNextUpdate = false;
        throw new Error('store went away');
      }
      if (docs.get(value.id)!.version !== expectedVersion) throw new Error('CONCURRENT_MODIFICATION');
      docs.set(value.id, { value, version: expectedVersion + 1, audit: [] });
      events.push(...ev);
      notes.push(note);
    },
  };
  return { store, events, notes, state, current: () => docs.get(initial.id)!.value };
}

const allocated = (o: Partial<SettledLossCase> = {}): SettledLossCase => ({
  id: 'lc-1',
  loanId: 'ln-1',
  creditLineId: 'cl-1',
  householdId: 'hh-1',
  lossBaseFen: 5_000_001,
  govShareFen: 1_500_000,
  bankShareFen: 1_000_000,
  insurerShareFen: 2_500_001,
  ratiosBp: { gov: 3000, bank: 2000, insurer: 5000 },
  status: 'ALLOCATED',
  triggeredAt: clock.now(),
  recoveries: [],
  recoveriesFen: 0,
  history: [],
  ...o,
});

function setup(capitalFen = 1_000_000_000, c = allocated()) {
  const l = fakeLedger();
  const cases = fakeCases(c);
  const fund = createRiskFund({
    ledger: l.ledger,
    clock,
    lending: defaultLendingPolicy,
    initialCapital: { amountFen: capitalFen, approvedBy: '三湖办〔2017〕33号' },
  });
  const settle = createSettleLossCase({ lossCases: cases.store, fund, clock });
  const confirmBoth = async () => {
    await settle.confirmShare({ lossCaseId: 'lc-1', party: 'BANK', amountFen: 1_000_000, reference: 'B-9' }, bank);
    await settle.confirmShare(
      { lossCaseId: 'lc-1', party: 'INSURER', amountFen: 2_500_001, reference: 'I-9' },
      insurer,
    );
  };
  return { ...l, cases, fund, settle, confirmBoth };
}

describe(createRiskFund.name, () => {
  it('seeds the configured capital once as CAPITAL_IN, however often it runs (spec credit §13.3 R13.3)', async () => {
    const { fund, rows, events } = setup();
    await fund.seedInitialCapital(actor('SYSTEM'));
    await fund.seedInitialCapital(actor('SYSTEM'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ type: 'CAPITAL_IN', amountFen: 1_000_000_000, approvedBy: '三湖办〔2017〕33号' });
    expect(events.map((e) => e.type)).toEqual(['RiskFundTransactionRecorded']);
    expect(await fund.balanceFen()).toBe(1_000_000_000);
    expect(await fund.statement()).toEqual({ balanceFen: 1_000_000_000, ceilingFen: 10_000_000_000, entries: 1 });
  });

  it('records interest and adjustments by key, refuses payouts by hand and a key reused for another amount (spec credit §13.3 R13.7)', async () => {
    const { fund } = setup();
    const cmd = { idempotencyKey: 'k1', type: 'INTEREST_IN' as const, amountFen: 4_321, approvedBy: 'finance-bureau' };
    await fund.recordTransaction(cmd, center);
    await fund.recordTransaction(cmd, center);
    expect(await fund.balanceFen()).toBe(4_321);
    await expect(fund.recordTransaction({ ...cmd, amountFen: 1 }, center)).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
    await expect(
      fund.recordTransaction({ ...cmd, idempotencyKey: 'k2', type: 'COMPENSATION_OUT' as never }, center),
    ).rejects.toMatchObject({ code: 'RISK_FUND_TRANSACTION_INVALID' });
    await expect(fund.recordTransaction({ ...cmd, idempotencyKey: 'k3' }, bank)).rejects.toMatchObject({
      code: 'NOT_PERMITTED',
    });
  });

  it('retries when another writer appended first, so entries stay gap-free (spec credit §13.3 R13.7)', async () => {
    const { fund, ledger, rows } = setup();
    await fund.seedInitialCapital(center);
    const realLast = ledger.last;
    let raced = false;
    ledger.last = async () => {
      const seen = await realLast();
      if (!raced) {
        raced = true;
        // someone else appends right after we read the tail
        rows.push({
          ...seen!,
          id: 'other',
          seq: seen!.seq + 1,
          amountFen: 5,
          balanceAfterFen: seen!.balanceAfterFen + 5,
        });
      }
      return seen;
    };
    await fund.recordTransaction({ idempotencyKey: 'k', type: 'INTEREST_IN', amountFen: 10, approvedBy: 'x' }, center);
    expect(rows.map((r) => [r.seq, r.balanceAfterFen])).toEqual([
      [1, 1_000_000_000],
      [2, 1_000_000_005],
      [3, 1_000_000_015],
    ]);
  });
});

describe(createSettleLossCase.name, () => {
  it('walks ALLOCATED → confirmations → fund payout → recovery, logging each step with actor and time (spec credit §15 R15.4)', async () => {
    const { settle, fund, cases, confirmBoth, rows } = setup();
    await fund.seedInitialCapital(center);
    await confirmBoth();
    const paid = await settle.payCompensation({ lossCaseId: 'lc-1' }, center);
    expect(paid.status).toBe('PAID');
    expect(rows.at(-1)).toMatchObject({
      type: 'COMPENSATION_OUT',
      amountFen: 1_500_000,
      lossCaseId: 'lc-1',
      loanId: 'ln-1',
      approvedBy: 'center_staff',
    });
    expect(paid.compensation).toMatchObject({ amountFen: 1_500_000, fundBalanceAfterFen: 1_000_000_000 - 1_500_000 });
    const { recovery } = await settle.recordRecovery(
      { lossCaseId: 'lc-1', reference: 'RCPT-1', amountFen: 100_001 },
      bank,
    );
    expect(recovery).toMatchObject({ govFen: 30_000, bankFen: 20_000, insurerFen: 50_001 });
    expect(rows.at(-1)).toMatchObject({ type: 'RECOVERY_IN', amountFen: 30_000 });
    expect(await fund.balanceFen()).toBe(1_000_000_000 - 1_500_000 + 30_000);
    expect(cases.events.map((e) => e.type)).toEqual([
      'LossConfirmed',
      'LossConfirmed',
      'FundCompensationPaid',
      'LossRecovered',
    ]);
    expect(cases.current().history.map((h) => [h.step, h.actorId, h.at.toISOString()])).toEqual([
      ['BANK_CONFIRMED', 'bank_officer', '2026-06-01T02:00:00.000Z'],
      ['INSURER_CONFIRMED', 'insurer_officer', '2026-06-01T02:00:00.000Z'],
      ['COMPENSATION_PAID', 'center_staff', '2026-06-01T02:00:00.000Z'],
      ['RECOVERED', 'bank_officer', '2026-06-01T02:00:00.000Z'],
    ]);
  });

  it('refuses the payout with RISK_FUND_INSUFFICIENT when the fund holds less than the government share (spec credit §13.3)', async () => {
    const { settle, fund, cases, confirmBoth, rows } = setup(1_499_999);
    await fund.seedInitialCapital(center);
    await confirmBoth();
    await expect(settle.payCompensation({ lossCaseId: 'lc-1' }, center)).rejects.toMatchObject({
      code: 'RISK_FUND_INSUFFICIENT',
    });
    expect(rows).toHaveLength(1);
    expect(cases.current().status).toBe('ALLOCATED');
  });

  it('refuses the payout before both confirmations and to anyone but the center (spec credit §15 R15.4)', async () => {
    const { settle, fund } = setup();
    await fund.seedInitialCapital(center);
    await expect(settle.payCompensation({ lossCaseId: 'lc-1' }, center)).rejects.toMatchObject({
      code: 'LOSS_CASE_WRONG_STATE',
    });
    await expect(settle.payCompensation({ lossCaseId: 'lc-1' }, bank)).rejects.toMatchObject({ code: 'NOT_PERMITTED' });
    await expect(
      settle.confirmShare({ lossCaseId: 'lc-1', party: 'INSURER', amountFen: 2_500_001, reference: 'x' }, bank),
    ).rejects.toMatchObject({ code: 'NOT_PERMITTED' });
    await expect(settle.payCompensation({ lossCaseId: 'nope' }, center)).rejects.toMatchObject({
      code: 'LOSS_CASE_NOT_FOUND',
    });
  });

  it('pays once when retried, including after a failure between the fund entry and the case write', async () => {
    const { settle, fund, cases, confirmBoth, rows } = setup();
    await fund.seedInitialCapital(center);
    await confirmBoth();
    cases.state.failNextUpdate = true;
    await expect(settle.payCompensation({ lossCaseId: 'lc-1' }, center)).rejects.toThrow('store went away');
    await settle.payCompensation({ lossCaseId: 'lc-1' }, center);
    await settle.payCompensation({ lossCaseId: 'lc-1' }, center);
    expect(rows.filter((r) => r.type === 'COMPENSATION_OUT')).toHaveLength(1);
    expect(cases.events.filter((e) => e.type === 'FundCompensationPaid')).toHaveLength(1);
    cases.state.failNextUpdate = true;
    const rec = { lossCaseId: 'lc-1', reference: 'R-1', amountFen: 10 };
    await expect(settle.recordRecovery(rec, center)).rejects.toThrow('store went away');
    await settle.recordRecovery(rec, center);
    await settle.recordRecovery(rec, center);
    expect(rows.filter((r) => r.type === 'RECOVERY_IN')).toHaveLength(1);
    expect(cases.current().recoveries).toHaveLength(1);
    await expect(settle.recordRecovery({ ...rec, amountFen: 11 }, center)).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
  });

  it('closes the case when the whole loss is recovered, the fund getting back exactly the government share (spec credit §13.2)', async () => {
    const { settle, fund, cases, confirmBoth } = setup();
    await fund.seedInitialCapital(center);
    await confirmBoth();
    await settle.payCompensation({ lossCaseId: 'lc-1' }, center);
    await settle.recordRecovery({ lossCaseId: 'lc-1', reference: 'R-1', amountFen: 3_000_000 }, center);
    await settle.recordRecovery({ lossCaseId: 'lc-1', reference: 'R-2', amountFen: 2_000_001 }, center);
    expect(cases.current()).toMatchObject({ status: 'CLOSED', recoveriesFen: 5_000_001 });
    expect(await fund.balanceFen()).toBe(1_000_000_000);
    expect(cases.events.at(-1)!.type).toBe('LossCaseClosed');
  });
});
