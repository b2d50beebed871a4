import { entityLoanOf, repayEntityLoan, type Entity } from './entity';
import { interestFen } from './interest';
import { defaultLendingPolicy as p } from './policy';
import { accrueSubsidy } from './subsidy';

const yuan = (y: number) => y * 100;
const entity = (principalFen: number, contractDate = '2026-01-01'): Entity => ({
  id: 'en-1',
  name: '合作社',
  kind: 'COOPERATIVE',
  registrationNo: 'R-1',
  townshipId: 't1',
  inGovBankInsurerAgreement: true,
  mutualFundPaidFen: principalFen / 10,
  contributionRequests: [],
  loans: [entityLoanOf('el-1', { bankLoanNo: 'E-1', principalFen, rateBp: 522, termMonths: 36, contractDate })],
});
const period = (periodStart: string, periodEnd: string, interestPaidFen = 1e12) => ({
  id: `${periodStart}/${periodEnd}`,
  periodStart,
  periodEnd,
  interestPaidFen,
  entity: true,
});

describe('entity-loan subsidy (spec credit §12 R12.3)', () => {
  it('R12.3: 3% a year on the daily balance, actual/360, following a repayment mid-period', () => {
    const e = repayEntityLoan(entity(yuan(1_000_000)), {
      loanId: 'el-1',
      principalFen: yuan(400_000),
      paidOn: '2026-02-15',
    });
    const r = accrueSubsidy(e.loans[0]!, period('2026-01-01', '2026-04-01'), p);
    // 45 days at 1,000,000 yuan and 45 days at 600,000 yuan: (100,000,000 + 60,000,000) × 45 × 300 / 3,600,000
    expect(r.period).toMatchObject({ amountFen: yuan(6_000), eligiblePrincipalFen: yuan(1_000_000) });
  });

  it('R12.3: quarterly periods add up to the whole term rounded once, to the fen', () => {
    let loan = entity(1_234_567).loans[0]!;
    const amounts: number[] = [];
    for (const [a, b] of [
      ['2026-01-01', '2026-01-31'],
      ['2026-01-31', '2026-03-03'],
      ['2026-03-03', '2026-04-02'],
    ] as const) {
      const r = accrueSubsidy(loan, period(a, b), p);
      amounts.push(r.period.amountFen);
      loan = { ...loan, subsidy: r.subsidy };
    }
    expect(amounts.reduce((s, x) => s + x, 0)).toBe(interestFen([{ principalFen: 1_234_567, days: 91 }], 300));
    // each period alone would round 3,086.4175 / 3,189.2981 / 3,086.4175; the running total spreads the fen
    expect(amounts).toEqual([3086, 3190, 3086]);
  });

  it('R12.3: never more than the interest the entity actually paid for the period', () => {
    const r = accrueSubsidy(entity(yuan(1_000_000)).loans[0]!, period('2026-01-01', '2026-04-01', 123_456), p);
    expect(r.period.amountFen).toBe(123_456);
  });

  it('R12.4: nothing for a period the statement shows in arrears, unless the district switched the rule off', () => {
    const loan = entity(yuan(1_000_000)).loans[0]!;
    const inArrears = { ...period('2026-01-01', '2026-04-01'), overdueInPeriod: true };
    expect(accrueSubsidy(loan, inArrears, p).period.amountFen).toBe(0);
    expect(accrueSubsidy(loan, inArrears, { ...p, subsidyExcludesArrears: false }).period.amountFen).toBe(yuan(7_500));
  });

  it('refuses a repayment above the balance or dated before the last movement', () => {
    const e = entity(yuan(100));
    expect(() => repayEntityLoan(e, { loanId: 'el-1', principalFen: yuan(101), paidOn: '2026-02-01' })).toThrow(
      expect.objectContaining({ code: 'REPAYMENT_EXCEEDS_OUTSTANDING' }),
    );
    expect(() => repayEntityLoan(e, { loanId: 'el-1', principalFen: 1, paidOn: '2025-12-31' })).toThrow(
      expect.objectContaining({ code: 'CREDIT_INPUT_INVALID' }),
    );
    expect(
      repayEntityLoan(e, { loanId: 'el-1', principalFen: yuan(100), paidOn: '2026-02-01' }).loans[0],
    ).toMatchObject({
      outstandingPrincipalFen: 0,
      status: 'SETTLED',
    });
  });
});
