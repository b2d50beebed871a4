import { addMonths, divRoundHalfUp, interestFen, periodAmounts, repaymentSchedule, subsidyLedger } from './interest';

describe('interest arithmetic in fen', () => {
  it('rounds half up to the fen (spec credit §0.3)', () => {
    expect(divRoundHalfUp(5n, 10n)).toBe(1n);
    expect(divRoundHalfUp(4n, 10n)).toBe(0n);
    expect(divRoundHalfUp(15n, 10n)).toBe(2n);
    expect(divRoundHalfUp(-15n, 10n)).toBe(-2n);
  });
  it('§22-16: 1,000,000 yuan at the 3% entity subsidy for 90 days is 7,500 yuan (actual/360, spec credit §12 R12.3)', () => {
    const [row] = subsidyLedger(
      [{ slices: [{ principalFen: 100_000_000, days: 90 }], interestPaidFen: 200_000_000 }],
      { kind: 'ENTITY', subsidyBp: 300 },
      5_000_000,
    );
    expect(row).toEqual({ eligiblePrincipalFen: 100_000_000, amountFen: 750_000 });
  });
  it('caps an entity subsidy at the interest actually paid (R12.3)', () => {
    const [row] = subsidyLedger(
      [{ slices: [{ principalFen: 100_000_000, days: 90 }], interestPaidFen: 600_000 }],
      { kind: 'ENTITY', subsidyBp: 300 },
      0,
    );
    expect(row!.amountFen).toBe(600_000);
  });
  it('subsidises a poor household in full on principal up to the 50,000 yuan cap (R12.2, C4)', () => {
    const [row] = subsidyLedger(
      [{ slices: [{ principalFen: 8_000_000, days: 30 }], interestPaidFen: 1_000_000 }],
      { kind: 'POOR_HOUSEHOLD', loanRateBp: 475 },
      5_000_000,
    );
    // 50,000 yuan × 4.75% × 30/360 = 197.916… yuan → 19,792 fen
    expect(row).toEqual({ eligiblePrincipalFen: 5_000_000, amountFen: 19_792 });
  });
  it('reports period amounts that add up to the fen to the rounded whole (running-total rounding)', () => {
    // each period is worth exactly 0.4 fen (100 fen × 10 bp × 1440 days / 3,600,000): rounding each period
    // alone gives 0 + 0 + 0, while the whole is 1.2 → 1 fen
    const rate = 10;
    const periods = [1, 2, 3].map(() => [{ principalFen: 100, days: 1440 }]);
    const amounts = periodAmounts(periods, rate);
    expect(amounts.reduce((s, a) => s + a, 0)).toBe(interestFen(periods.flat(), rate));
    expect(amounts).toEqual([0, 1, 0]);
  });
});

describe(repaymentSchedule.name, () => {
  const loan = { principalFen: 5_000_000, rateBp: 475, termMonths: 36, contractDate: '2026-01-31' };
  it('repays the principal exactly over the term, remainder of the split on the last instalment', () => {
    const odd = repaymentSchedule({ ...loan, principalFen: 5_000_001 });
    expect(odd).toHaveLength(36);
    expect(odd.reduce((s, r) => s + r.principalFen, 0)).toBe(5_000_001);
    expect(odd.at(-1)!.balanceAfterFen).toBe(0);
    expect(odd[0]!.principalFen).toBe(138_888);
  });
  it('reconciles the schedule interest to the fen with the interest on the whole balance history', () => {
    const rows = repaymentSchedule(loan);
    let balance = loan.principalFen;
    const slices = rows.map((r) => {
      const s = {
        principalFen: balance,
        days: Math.round((Date.parse(r.dueDate) - Date.parse(r.periodStart)) / 864e5),
      };
      balance -= r.principalFen;
      return s;
    });
    expect(rows.reduce((s, r) => s + r.interestFen, 0)).toBe(interestFen(slices, loan.rateBp));
  });
  it('clamps month ends: Jan 31 + 1 month is Feb 28 and the days follow the calendar (actual/360)', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    const first = repaymentSchedule(loan)[0]!;
    // 50,000 yuan × 4.75% × 28/360 = 184.722… yuan
    expect(first).toMatchObject({ dueDate: '2026-02-28', interestFen: 18_472 });
  });
});
