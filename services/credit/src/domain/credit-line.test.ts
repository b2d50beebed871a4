import {
  availableFen,
  checkApproval,
  checkEntityRate,
  drawLoan,
  expireLine,
  repayLoan,
  validityEnded,
  type CreditLine,
} from './credit-line';
import type { CreditError } from './credit-error';
import { defaultLendingPolicy as p } from './policy';

const yuan = (y: number) => y * 100;
const line = (o: Partial<CreditLine> = {}): CreditLine => ({
  id: 'cl-1',
  householdId: 'h1',
  villageId: 'v1',
  townshipId: 't1',
  certificateNo: 'HB-2026-v1-000001',
  grade: 'A',
  limitFen: yuan(50_000),
  outstandingPrincipalFen: 0,
  status: 'ACTIVE',
  issuedAt: new Date('2026-11-01T00:00:00Z'),
  validUntil: new Date('2029-11-01T00:00:00Z'),
  policyVersion: '2017-33-v1',
  registeredPoor: true,
  loans: [],
  onTimeCount: 0,
  lateCount: 0,
  appliedEvents: [],
  ...o,
});
const draw = (principalFen: number, o: Partial<Parameters<typeof drawLoan>[1]> = {}) => ({
  loanId: `l-${principalFen}`,
  bankLoanNo: `B-${principalFen}`,
  principalFen,
  termMonths: 12,
  rateBp: 475,
  contractDate: '2026-11-02',
  ...o,
});
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as CreditError).code;
  }
  return 'none';
};

describe('revolving credit line', () => {
  it('§22-14: with 30,000 of 50,000 out, 25,000 is refused; after repaying 10,000 it succeeds (R8.3)', () => {
    const l1 = drawLoan(line(), draw(yuan(30_000)), p);
    expect(codeOf(() => drawLoan(l1, draw(yuan(25_000)), p))).toBe('INSUFFICIENT_LIMIT');
    const { line: l2 } = repayLoan(l1, {
      loanId: `l-${yuan(30_000)}`,
      principalFen: yuan(10_000),
      onTime: true,
      paidOn: '2026-12-01',
    });
    const l3 = drawLoan(l2, draw(yuan(25_000)), p);
    expect([l3.outstandingPrincipalFen, availableFen(l3)]).toEqual([yuan(45_000), yuan(5_000)]);
    expect(l3.onTimeCount).toBe(1);
  });
  it('§22-15: a poor household term of 48 months is TERM_EXCEEDS_MAX; 36 at benchmark is subsidy-eligible (§11.2)', () => {
    expect(codeOf(() => drawLoan(line(), draw(yuan(10_000), { termMonths: 48 }), p))).toBe('TERM_EXCEEDS_MAX');
    const ok = drawLoan(line(), draw(yuan(10_000), { termMonths: 36 }), p);
    expect(ok.loans[0]).toMatchObject({ subsidyEligible: true, maturityDate: '2029-11-02' });
    expect(codeOf(() => drawLoan(line(), draw(yuan(10_000), { rateBp: 500 }), p))).toBe('RATE_NOT_BENCHMARK');
  });
  it('§22-16: with benchmark 475 bp an entity rate of 523 bp is RATE_ABOVE_CAP; 522 is allowed', () => {
    expect(codeOf(() => checkEntityRate(523, p))).toBe('RATE_ABOVE_CAP');
    expect(codeOf(() => checkEntityRate(522, p))).toBe('none');
  });
  it('refuses draws on a FROZEN or SUSPENDED line (§9.4, §13.4)', () => {
    expect(codeOf(() => drawLoan(line({ status: 'FROZEN' }), draw(100), p))).toBe('CREDIT_LINE_NOT_ACTIVE');
    expect(codeOf(() => drawLoan(line({ status: 'SUSPENDED' }), draw(100), p))).toBe('CREDIT_LINE_NOT_ACTIVE');
  });
  it('refuses a repayment larger than the outstanding principal, and settles a loan repaid in full', () => {
    const l1 = drawLoan(line(), draw(1000), p);
    expect(
      codeOf(() => repayLoan(l1, { loanId: 'l-1000', principalFen: 1001, onTime: true, paidOn: '2026-12-01' })),
    ).toBe('REPAYMENT_EXCEEDS_OUTSTANDING');
    expect(
      repayLoan(l1, { loanId: 'l-1000', principalFen: 1000, onTime: false, paidOn: '2026-12-01' }).loan.status,
    ).toBe('SETTLED');
  });
  it('never shows a negative available amount after a downgrade (R17.2)', () => {
    expect(availableFen(line({ limitFen: 100, outstandingPrincipalFen: 500 }))).toBe(0);
  });
});

describe(checkApproval.name, () => {
  const ok = {
    grantedGrade: 'AA' as const,
    computedGrade: 'AA' as const,
    limitFen: yuan(100_000),
    capFen: yuan(100_000),
    atMost: true,
  };
  it('§22-13: 120,000 yuan on an AA certificate is LIMIT_EXCEEDS_GRADE_CAP (R8.2)', () => {
    expect(codeOf(() => checkApproval({ ...ok, limitFen: yuan(120_000) }))).toBe('LIMIT_EXCEEDS_GRADE_CAP');
    expect(codeOf(() => checkApproval(ok))).toBe('none');
  });
  it('refuses a grade above the computed one and any credit for NONE (§5.2, R8.1)', () => {
    expect(codeOf(() => checkApproval({ ...ok, atMost: false }))).toBe('GRADE_ABOVE_SCORE');
    expect(codeOf(() => checkApproval({ ...ok, computedGrade: 'NONE' }))).toBe('GRADE_NONE');
  });
});

describe('certificate validity (spec credit §9.3)', () => {
  it('§9.3 [inferred]: the default validity is 3 years, configurable', () => {
    expect(p.certificateValidityYears).toBe(3);
  });
  it('§9.3: expires ACTIVE, FROZEN and SUSPENDED lines only after validUntil; revoked or expired stay as they are', () => {
    const end = new Date('2029-11-01T00:00:00Z');
    expect(expireLine(line(), end)).toBeUndefined();
    const after = new Date(end.getTime() + 1);
    for (const status of ['ACTIVE', 'FROZEN', 'SUSPENDED'] as const)
      expect(expireLine(line({ status }), after)?.status).toBe('EXPIRED');
    expect(expireLine(line({ status: 'REVOKED' }), after)).toBeUndefined();
    expect(expireLine(line({ status: 'EXPIRED' }), after)).toBeUndefined();
    expect(validityEnded(line(), after)).toBe(true);
  });
  it('§9.3: a draw on an expired line, or contracted after the last valid day, is CERTIFICATE_EXPIRED', () => {
    expect(codeOf(() => drawLoan(line({ status: 'EXPIRED' }), draw(yuan(1_000)), p))).toBe('CERTIFICATE_EXPIRED');
    // valid until 2029-11-01 08:00 Shanghai: a contract that day still draws, the next day does not
    expect(drawLoan(line(), draw(yuan(1_000), { contractDate: '2029-11-01' }), p).loans).toHaveLength(1);
    expect(codeOf(() => drawLoan(line(), draw(yuan(1_000), { contractDate: '2029-11-02' }), p))).toBe(
      'CERTIFICATE_EXPIRED',
    );
  });
});
