import type { CreditError } from './credit-error';
import { arrearsCheck, screenHousehold, screeningCodes, type ScreeningCheck } from './screening';

const all = (o: Partial<Record<string, Partial<ScreeningCheck>>> = {}): ScreeningCheck[] =>
  screeningCodes.map((code) => ({ code, satisfied: true, evidenceRef: `ev-${code}`, ...o[code] }));

describe(screenHousehold.name, () => {
  it('passes a household meeting all twelve conditions (spec credit §4 R4.2)', () => {
    expect(screenHousehold(all())).toMatchObject({ outcome: 'PASSED', failed: [], warnings: [] });
  });
  it('only warns when there is no income project, since the score deducts 8 for it (R4.3)', () => {
    expect(screenHousehold(all({ 'S-3Y3': { satisfied: false } }))).toMatchObject({
      outcome: 'PASSED',
      warnings: ['S-3Y3'],
    });
  });
  it('fails on any other unmet condition, e.g. gambling or current arrears (三无)', () => {
    const r = screenHousehold(all({ 'S-3W1': { satisfied: false }, 'S-3W2': { satisfied: false } }));
    expect(r).toMatchObject({ outcome: 'FAILED', failed: ['S-3W1', 'S-3W2'] });
  });
  it('refuses a screening with a condition missing or without evidence', () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return (e as CreditError).code;
      }
      return 'none';
    };
    expect(code(() => screenHousehold(all().slice(1)))).toBe('CREDIT_INPUT_INVALID');
    expect(code(() => screenHousehold(all({ 'S-3G2': { evidenceRef: ' ' } })))).toBe('CREDIT_INPUT_INVALID');
  });
  it('keeps current arrears apart from settled history: past overdues do not fail S-3W2 (C6)', () => {
    expect(arrearsCheck({ currentOverdueOrNpl: false, onLoanBlacklist: false, historicalOverdueCount: 3 })).toBe(true);
    expect(arrearsCheck({ currentOverdueOrNpl: true, onLoanBlacklist: false, historicalOverdueCount: 0 })).toBe(false);
    expect(arrearsCheck({ currentOverdueOrNpl: false, onLoanBlacklist: true, historicalOverdueCount: 0 })).toBe(false);
  });
});
