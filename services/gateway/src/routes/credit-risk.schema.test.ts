import {
  allocateLossBody,
  claimPayoutBody,
  confirmLossShareBody,
  entityLoanBody,
  evaluateHonorsBody,
  fundTransactionBody,
  liftBreakerBody,
} from './credit-risk.schema';

describe('credit risk request schemas', () => {
  it('takes money as whole fen strings and dates as calendar dates (spec credit §0.3)', () => {
    const loan = {
      bankLoanNo: 'E1',
      principalFen: '80000000',
      rateBp: 522,
      termMonths: 36,
      contractDate: '2026-11-10',
    };
    expect(entityLoanBody.safeParse(loan).success).toBe(true);
    expect(entityLoanBody.safeParse({ ...loan, principalFen: 800000 }).success).toBe(false);
    expect(entityLoanBody.safeParse({ ...loan, contractDate: '10/11/2026' }).success).toBe(false);
    expect(allocateLossBody.parse({ bankLoanNo: 'B1' }).accruedInterestFen).toBe('0');
    expect(allocateLossBody.safeParse({ bankLoanNo: 'B1', accruedInterestFen: '-1' }).success).toBe(false);
  });
  it('lifts a breaker only with a reason and evaluates titles for a calendar year (spec credit §13.4, §16)', () => {
    expect(liftBreakerBody.safeParse({ unitType: 'VILLAGE', townshipId: 't', reason: '' }).success).toBe(false);
    expect(liftBreakerBody.safeParse({ unitType: 'VILLAGE', townshipId: 't', reason: '月末不良率2%' }).success).toBe(
      true,
    );
    expect(evaluateHonorsBody.safeParse({ year: 2026 }).success).toBe(true);
    expect(evaluateHonorsBody.safeParse({ year: '2026' }).success).toBe(false);
  });
  it('records by hand only capital, interest and adjustments; only an adjustment may carry a minus (spec credit R13.7)', () => {
    const tx = { type: 'CAPITAL_IN', amountFen: '100000000', approvedBy: '三湖办〔2017〕33号' };
    expect(fundTransactionBody.parse(tx).reason).toBe('');
    expect(
      fundTransactionBody.safeParse({ ...tx, type: 'ADJUSTMENT', amountFen: '-500', reason: '冲正' }).success,
    ).toBe(true);
    expect(fundTransactionBody.safeParse({ ...tx, type: 'COMPENSATION_OUT' }).success).toBe(false);
    expect(fundTransactionBody.safeParse({ ...tx, amountFen: 100000000 }).success).toBe(false);
    expect(fundTransactionBody.safeParse({ ...tx, approvedBy: ' ' }).success).toBe(false);
  });
  it('confirms a share as BANK or INSURER with whole fen and a reference (spec credit R15.4)', () => {
    const ok = { party: 'INSURER', amountFen: '2500001', reference: 'PICC-S-1' };
    expect(confirmLossShareBody.safeParse(ok).success).toBe(true);
    expect(confirmLossShareBody.safeParse({ ...ok, party: 'GOVERNMENT' }).success).toBe(false);
    expect(confirmLossShareBody.safeParse({ ...ok, amountFen: '25000.01' }).success).toBe(false);
    expect(confirmLossShareBody.safeParse({ ...ok, reference: '' }).success).toBe(false);
  });
  it('passes a payout without a card or to another payee on to the service, which refuses it with its own code (R14.3)', () => {
    const payout = {
      insurerId: 'picc-huibin',
      claimNo: 'CLM-1',
      policyNo: 'POL-1',
      householdId: 'hh-1',
      amountFen: '320000',
      payeeType: 'COOPERATIVE',
      paidAt: '2027-02-01T08:00:00+08:00',
    };
    expect(claimPayoutBody.parse(payout)).toMatchObject({ bankCardNo: '', payeeType: 'COOPERATIVE' });
    expect(claimPayoutBody.safeParse({ ...payout, paidAt: '2027-02-01' }).success).toBe(false);
    expect(claimPayoutBody.safeParse({ ...payout, bankCardNoMasked: '****' }).success).toBe(false);
  });
});
