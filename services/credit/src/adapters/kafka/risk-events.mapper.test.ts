import { creditEventsV1 as ev, creditEventTypes as t } from '@gov/contracts';
import type { SettledLossCase } from '../../domain/loss-case';
import { toRiskOutboxEntries } from './risk-events.mapper';

// decoded with the published contract (proto/gov/credit/events/v1/events.proto), as a bank would read them
const decoders = {
  FundCompensationPaid: ev.FundCompensationPaid,
  LossRecovered: ev.LossRecovered,
  RiskFundTransactionRecorded: ev.RiskFundTransactionRecorded,
  ClaimPaid: ev.ClaimPaid,
};
const decode = (name: keyof typeof decoders, bytes: Buffer) => decoders[name].decode(bytes) as object;

const at = new Date('2026-06-01T02:00:00Z');
const lossCase: SettledLossCase = {
  id: 'lc-1',
  loanId: 'ln-1',
  creditLineId: 'cl-1',
  householdId: 'hh-1',
  lossBaseFen: 5_000_001,
  govShareFen: 1_500_000,
  bankShareFen: 1_000_000,
  insurerShareFen: 2_500_001,
  ratiosBp: { gov: 3000, bank: 2000, insurer: 5000 },
  status: 'PAID',
  triggeredAt: at,
  compensation: {
    fundTransactionId: 'rft-2',
    amountFen: 1_500_000,
    fundBalanceAfterFen: 998_500_000,
    approvedBy: 'c1',
    paidAt: at,
  },
  recoveries: [],
  recoveriesFen: 100_001,
  history: [],
};

describe(toRiskOutboxEntries.name, () => {
  it('writes FundCompensationPaid with loss case, amount and the fund balance after, keyed by loan (spec credit §19.2)', () => {
    const [e] = toRiskOutboxEntries([{ type: 'FundCompensationPaid', lossCase }]);
    expect(e).toMatchObject({ type: t.fundCompensationPaid, key: 'ln-1', topic: 'gov.credit.events.v1' });
    expect(decode('FundCompensationPaid', e!.payload)).toEqual({
      lossCaseId: 'lc-1',
      loanId: 'ln-1',
      amountFen: '1500000',
      fundBalanceAfterFen: '998500000',
      fundTransactionId: 'rft-2',
      approvedBy: 'c1',
      paidAt: '2026-06-01T02:00:00.000Z',
    });
  });

  it('writes LossRecovered with the three parts of the recovery (spec credit §13.2, §19.2)', () => {
    const recovery = {
      id: 'lr-1',
      reference: 'R-1',
      amountFen: 100_001,
      govFen: 30_000,
      bankFen: 20_000,
      insurerFen: 50_001,
      recordedBy: 'b',
      recordedAt: at,
    };
    const [e] = toRiskOutboxEntries([{ type: 'LossRecovered', lossCase, recovery }]);
    expect(decode('LossRecovered', e!.payload)).toMatchObject({
      amountFen: '100001',
      govFen: '30000',
      bankFen: '20000',
      insurerFen: '50001',
      recoveriesTotalFen: '100001',
      lossBaseFen: '5000001',
    });
  });

  it('writes a negative adjustment and ledger entries on one key, in order (spec credit §13.3 R13.7)', () => {
    const tx = {
      id: 'rft-9',
      seq: 9,
      type: 'ADJUSTMENT' as const,
      amountFen: -7,
      approvedBy: 'c1',
      reason: 'fee',
      postings: [],
      balanceAfterFen: 3,
      recordedBy: 'c1',
      recordedAt: at,
    };
    const [e] = toRiskOutboxEntries([{ type: 'RiskFundTransactionRecorded', transaction: tx }]);
    expect(e!.key).toBe('risk-fund');
    expect(decode('RiskFundTransactionRecorded', e!.payload)).toMatchObject({
      seq: '9',
      type: 'ADJUSTMENT',
      amountFen: '-7',
      loanId: '',
    });
  });

  it('carries only the masked bank card in ClaimPaid (spec credit §14 R14.3, §19.1)', () => {
    const payout = {
      id: 'cp-1',
      insurerId: 'picc',
      claimNo: 'C1',
      policyNo: 'P1',
      householdId: 'hh-1',
      amountFen: 320_000,
      payeeType: 'HOUSEHOLD' as const,
      bankCardNoMasked: '***************8901',
      paidAt: at,
      recordedBy: 'i',
      recordedAt: at,
    };
    const [e] = toRiskOutboxEntries([{ type: 'ClaimPaid', payout }]);
    expect(decode('ClaimPaid', e!.payload)).toMatchObject({
      bankCardNoMasked: '***************8901',
      payeeType: 'HOUSEHOLD',
      amountFen: '320000',
    });
    expect(e!.payload.toString('latin1')).not.toMatch(/\d{8}/);
  });
});
