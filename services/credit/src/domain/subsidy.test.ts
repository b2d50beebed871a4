import type { Loan } from './credit-line';
import { interestFen } from './interest';
import { defaultLendingPolicy as p } from './policy';
import { accrueSubsidy, balanceSlices, emptySubsidyLedger } from './subsidy';

const loan = (o: Partial<Loan> = {}): Loan => ({
  id: 'ln-1',
  bankLoanNo: 'B-1',
  principalFen: 8_000_000,
  outstandingPrincipalFen: 6_000_000,
  rateBp: 475,
  termMonths: 36,
  contractDate: '2026-01-01',
  maturityDate: '2029-01-01',
  subsidyEligible: true,
  status: 'REPAYING',
  movements: [
    { date: '2026-01-01', outstandingAfterFen: 8_000_000 },
    { date: '2026-02-15', outstandingAfterFen: 6_000_000 },
  ],
  subsidy: emptySubsidyLedger(),
  ...o,
});

describe('interest subsidy ledger (spec credit §12)', () => {
  it('follows the balance day by day through a repayment', () => {
    expect(balanceSlices(loan().movements, '2026-01-01', '2026-04-01')).toEqual([
      { principalFen: 8_000_000, days: 45 },
      { principalFen: 6_000_000, days: 45 },
    ]);
  });
  it('subsidises a poor household in full on at most 50,000 yuan, per period, reconciling to the fen (R12.2, C4)', () => {
    let l = loan();
    const amounts: number[] = [];
    for (const [start, end] of [
      ['2026-01-01', '2026-04-01'],
      ['2026-04-01', '2026-07-01'],
    ] as const) {
      const r = accrueSubsidy(
        l,
        { id: `${start}`, periodStart: start, periodEnd: end, interestPaidFen: 10_000_000, entity: false },
        p,
      );
      amounts.push(r.period.amountFen);
      l = { ...l, subsidy: r.subsidy };
    }
    // the whole half-year on min(balance, 5,000,000): 90 days then 91 days, all at the cap
    const whole = interestFen([{ principalFen: 5_000_000, days: 181 }], 475);
    expect(amounts.reduce((s, a) => s + a, 0)).toBe(whole);
    expect(amounts[0]).toBe(interestFen([{ principalFen: 5_000_000, days: 90 }], 475));
  });
  it('is idempotent per (loan, period) and refuses overlapping periods (R12.5)', () => {
    const first = accrueSubsidy(
      loan(),
      { id: 'q1', periodStart: '2026-01-01', periodEnd: '2026-04-01', interestPaidFen: 1e9, entity: false },
      p,
    );
    const again = accrueSubsidy(
      { ...loan(), subsidy: first.subsidy },
      { id: 'q1', periodStart: '2026-01-01', periodEnd: '2026-04-01', interestPaidFen: 1e9, entity: false },
      p,
    );
    expect(again).toMatchObject({ duplicate: true, period: first.period });
    expect(() =>
      accrueSubsidy(
        { ...loan(), subsidy: first.subsidy },
        { id: 'x', periodStart: '2026-03-01', periodEnd: '2026-05-01', interestPaidFen: 1e9, entity: false },
        p,
      ),
    ).toThrow(/overlaps/);
  });
  it('pays nothing for a period in which the loan is overdue, and never more than the interest paid (R12.3, R12.4)', () => {
    const overdue = accrueSubsidy(
      loan({ status: 'OVERDUE' }),
      { id: 'q', periodStart: '2026-01-01', periodEnd: '2026-04-01', interestPaidFen: 1e9, entity: false },
      p,
    );
    expect(overdue.period.amountFen).toBe(0);
    const capped = accrueSubsidy(
      loan(),
      { id: 'q', periodStart: '2026-01-01', periodEnd: '2026-04-01', interestPaidFen: 100, entity: false },
      p,
    );
    expect(capped.period.amountFen).toBe(100);
  });
  it('§22-16: an entity loan of 1,000,000 yuan for 90 days gets 7,500 yuan at 3% (R12.3)', () => {
    const entityLoan = loan({
      subsidyEligible: false,
      movements: [{ date: '2026-01-01', outstandingAfterFen: 100_000_000 }],
    });
    const r = accrueSubsidy(
      entityLoan,
      { id: 'e', periodStart: '2026-01-01', periodEnd: '2026-04-01', interestPaidFen: 1e9, entity: true },
      p,
    );
    expect(r.period.amountFen).toBe(750_000);
  });
});
