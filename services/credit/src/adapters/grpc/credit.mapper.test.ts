import { creditV1 } from '@gov/contracts';
import { fenIn, toCreditInfo, toGrade, toPovertyStatus } from './credit.mapper';

const violations = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as { code: string; violations: { field: string }[] }).violations.map((v) => v.field);
  }
  return [];
};

describe('credit gRPC mapper', () => {
  it('rejects UNSPECIFIED enums with a field violation instead of guessing', () => {
    expect(violations(() => toPovertyStatus(creditV1.PovertyStatus.POVERTY_STATUS_UNSPECIFIED))).toEqual([
      'poverty_status',
    ]);
    expect(violations(() => toGrade(creditV1.Grade.GRADE_UNSPECIFIED))).toEqual(['grade']);
    expect(toGrade(creditV1.Grade.GRADE_AAA_PLUS)).toBe('AAA+');
  });
  it('reads int64 fen strings exactly and refuses fractions, negatives and empty positives (spec credit §0.3)', () => {
    expect(fenIn('x', '9007199254740991')).toBe(9007199254740991);
    expect(violations(() => fenIn('x', '12.5'))).toEqual(['x']);
    expect(violations(() => fenIn('x', '-1'))).toEqual(['x']);
    expect(violations(() => fenIn('x', '0', { positive: true }))).toEqual(['x']);
    expect(violations(() => fenIn('x', '9007199254740993'))).toEqual(['x']);
  });
  it('requires the credit info and a known honour level', () => {
    expect(violations(() => toCreditInfo(undefined))).toEqual(['info']);
    const info = creditV1.CreditInfo.fromPartial({ highestHonorLevel: 'PROVINCE' });
    expect(violations(() => toCreditInfo(info))).toEqual(['info.highest_honor_level']);
    expect(toCreditInfo(creditV1.CreditInfo.fromPartial({ businessScaleFen: '5000000' })).businessScaleFen).toBe(
      5_000_000,
    );
  });
});
