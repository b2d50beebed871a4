import { availableFen, overLimit, type CreditLine, type Loan } from './credit-line';
import { confirmUpgrade, regrade, type Rescore } from './regrade';
import { emptySubsidyLedger } from './subsidy';

const yuan = (y: number) => y * 100;
const at = new Date('2027-06-01T02:00:00Z');
const loan = (outstandingPrincipalFen: number, status: Loan['status'] = 'REPAYING'): Loan => ({
  id: 'ln-1',
  bankLoanNo: 'B-1',
  principalFen: outstandingPrincipalFen,
  outstandingPrincipalFen,
  rateBp: 475,
  termMonths: 36,
  contractDate: '2026-12-01',
  maturityDate: '2029-12-01',
  subsidyEligible: true,
  status,
  movements: [],
  subsidy: emptySubsidyLedger(),
});
const line = (o: Partial<CreditLine> = {}): CreditLine => ({
  id: 'cl-1',
  householdId: 'h1',
  villageId: 'v1',
  townshipId: 't1',
  certificateNo: 'HB-2026-v1-000001',
  grade: 'AA',
  limitFen: yuan(100_000),
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
const rescore = (grade: Rescore['grade'], capFen: number, vetoCodes: string[] = []): Rescore => ({
  id: 'rt-2',
  grade,
  capFen,
  vetoCodes,
});

describe('regrade after a re-score (spec credit §17, §16 R16.2)', () => {
  it('R17.2: a lower grade cuts the limit at once; a line owing more is OVER_LIMIT with nothing available', () => {
    const owing = line({ outstandingPrincipalFen: yuan(80_000), loans: [loan(yuan(80_000))] });
    const o = regrade(owing, rescore('A', yuan(50_000)), at, 12);
    expect(o).toMatchObject({ kind: 'DOWNGRADED', line: { grade: 'A', limitFen: yuan(50_000) } });
    expect(overLimit(o!.line)).toBe(true);
    expect(availableFen(o!.line)).toBe(0);
  });

  it('R17.3: NONE revokes at once, with the veto as the reason', () => {
    expect(regrade(line(), rescore('NONE', 0, ['V3']), at, 12)).toMatchObject({
      kind: 'REVOKED',
      reason: 'VETO_V3',
      line: { status: 'REVOKED' },
    });
  });

  it('R17.3: a higher grade only records a pending upgrade; grade and limit stay until the bank confirms', () => {
    const o = regrade(line(), rescore('AAA', yuan(150_000)), at, 12);
    expect(o).toMatchObject({
      kind: 'UPGRADE_PENDING',
      line: { grade: 'AA', limitFen: yuan(100_000), pendingUpgrade: { grade: 'AAA', capFen: yuan(150_000) } },
    });
    // the same proposal again writes nothing
    expect(regrade(o!.line, rescore('AAA', yuan(150_000)), at, 12)).toBeUndefined();
  });

  it('R16.2: no upgrade with an overdue in the last 12 months; one 12 months and a day ago does not count', () => {
    const late = (iso: string) => line({ lateCount: 1, lastOverdueAt: new Date(iso) });
    expect(regrade(late('2026-07-01T00:00:00Z'), rescore('AAA', yuan(150_000)), at, 12)).toBeUndefined();
    expect(regrade(late('2026-05-31T00:00:00Z'), rescore('AAA', yuan(150_000)), at, 12)?.kind).toBe('UPGRADE_PENDING');
    // a loan in arrears right now, or late repayments with no date on record, cannot show a clean year
    expect(regrade(line({ loans: [loan(1, 'OVERDUE')] }), rescore('AAA', yuan(150_000)), at, 12)).toBeUndefined();
    expect(regrade(line({ lateCount: 2 }), rescore('AAA', yuan(150_000)), at, 12)).toBeUndefined();
  });

  it('R17.3: a later re-score at the certificate grade withdraws the pending upgrade; a downgrade drops it', () => {
    const pending = regrade(line(), rescore('AAA', yuan(150_000)), at, 12)!.line;
    expect(regrade(pending, rescore('AA', yuan(100_000)), at, 12)).toMatchObject({
      kind: 'UPGRADE_WITHDRAWN',
      line: { pendingUpgrade: null },
    });
    expect(regrade(pending, rescore('A', yuan(50_000)), at, 12)?.line.pendingUpgrade).toBeNull();
  });

  it('R17.3, R8.2: the bank confirms up to the new cap (default the cap); nothing pending is NO_PENDING_UPGRADE', () => {
    const pending = regrade(line(), rescore('AAA', yuan(150_000)), at, 12)!.line;
    expect(confirmUpgrade(pending, { at, cleanMonths: 12 }).line).toMatchObject({
      grade: 'AAA',
      limitFen: yuan(150_000),
      pendingUpgrade: null,
    });
    expect(confirmUpgrade(pending, { at, cleanMonths: 12, limitFen: yuan(120_000) }).line.limitFen).toBe(yuan(120_000));
    expect(() => confirmUpgrade(pending, { at, cleanMonths: 12, limitFen: yuan(150_001) })).toThrow(
      expect.objectContaining({ code: 'LIMIT_EXCEEDS_GRADE_CAP' }),
    );
    expect(() => confirmUpgrade(line(), { at, cleanMonths: 12 })).toThrow(
      expect.objectContaining({ code: 'NO_PENDING_UPGRADE' }),
    );
    const since = { ...pending, lastOverdueAt: new Date('2027-05-01T00:00:00Z'), lateCount: 1 };
    expect(() => confirmUpgrade(since, { at, cleanMonths: 12 })).toThrow(
      expect.objectContaining({ code: 'UPGRADE_BLOCKED_BY_OVERDUE' }),
    );
  });
});
