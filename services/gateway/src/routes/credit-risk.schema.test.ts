import { allocateLossBody, entityLoanBody, evaluateHonorsBody, liftBreakerBody } from './credit-risk.schema';

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
});
