import { defaultLendingPolicy as p } from './policy';
import {
  allocateLoss,
  crossedUtilisation,
  earnsCreditTitle,
  evaluateBreakers,
  isRiskShared,
  mutualFundRequiredFen,
  nplAbove,
  withinFundLeverage,
} from './risk';

const yuan = (y: number) => Math.round(y * 100);

describe(allocateLoss.name, () => {
  it('§22-18: 5,000,001 fen splits gov 1,500,000 / insurer 2,500,001 (half up) / bank 1,000,000 (remainder)', () => {
    expect(allocateLoss(5_000_001, p)).toEqual({ gov: 1_500_000, insurer: 2_500_001, bank: 1_000_000 });
  });
  it('always sums to the loss base exactly (spec credit §13.2)', () => {
    for (const base of [0, 1, 2, 3, 7, 99, 1_000_003, 123_456_789]) {
      const s = allocateLoss(base, p);
      expect(s.gov + s.bank + s.insurer).toBe(base);
      expect(s.bank).toBeGreaterThanOrEqual(0);
    }
  });
  it('§22-19: only registered poor households and agreement entities share losses (R13.2)', () => {
    expect(isRiskShared({ povertyStatus: 'REGISTERED_POOR' })).toBe(true);
    expect(isRiskShared({ povertyStatus: 'NONE' })).toBe(false);
    expect(isRiskShared({ inGovBankInsurerAgreement: false })).toBe(false);
    expect(isRiskShared({ inGovBankInsurerAgreement: true })).toBe(true);
  });
});

describe('risk fund and mutual fund', () => {
  it('§22-20: 99,990,000 covered + a 20,000 yuan line exceeds the 100,000,000 yuan ceiling (R13.4)', () => {
    expect(withinFundLeverage(yuan(99_990_000), yuan(20_000), p)).toBe(false);
    expect(withinFundLeverage(yuan(99_990_000), yuan(10_000), p)).toBe(true);
  });
  it('uses the live fund balance from the ledger when given: paying compensation lowers the ceiling (spec credit §13.3 R13.4)', () => {
    const afterPayout = yuan(10_000_000) - yuan(15_000);
    expect(withinFundLeverage(yuan(99_990_000), yuan(10_000), p, afterPayout)).toBe(false);
    expect(withinFundLeverage(yuan(99_840_000), yuan(10_000), p, afterPayout)).toBe(true);
    expect(crossedUtilisation(0, yuan(79_880_000), p, [8000, 9500], afterPayout)).toMatchObject({ thresholdBp: 8000 });
    expect(withinFundLeverage(0, 1, p, 0)).toBe(false);
  });
  it('warns once when exposure crosses 80% and reports the highest level crossed (R13.5)', () => {
    const pct = (n: number) => yuan(1_000_000) * n; // n% of the 100,000,000 yuan ceiling, in fen
    expect(crossedUtilisation(pct(79), pct(80), p)).toMatchObject({ thresholdBp: 8000, utilisationBp: 8000 });
    expect(crossedUtilisation(pct(80), pct(80) + 1, p)).toBeUndefined();
    expect(crossedUtilisation(pct(70), pct(96), p)).toMatchObject({ thresholdBp: 9500 });
    expect(crossedUtilisation(pct(81), pct(90), p)).toBeUndefined();
  });
  it('§22-17: an 800,000 yuan entity loan needs 80,000 yuan in the mutual guarantee fund (R13.6)', () => {
    expect(mutualFundRequiredFen(yuan(800_000), p)).toBe(yuan(80_000));
  });
});

describe(evaluateBreakers.name, () => {
  const village = (id: string, outstanding: number, npl: number) => ({
    villageId: id,
    outstandingFen: yuan(outstanding),
    nplFen: yuan(npl),
  });
  it('§22-21: 30,001 of 1,000,000 yuan trips the village; exactly 3.00% does not (超过 is strict)', () => {
    expect(nplAbove(yuan(30_001), yuan(1_000_000), 300)).toBe(true);
    expect(nplAbove(yuan(30_000), yuan(1_000_000), 300)).toBe(false);
    expect(nplAbove(0, 0, 300)).toBe(false);
  });
  it('§22-22: 3 of 10 villages above 3% trips the township (≥ 30%, C14); 2 of 10 trips only the villages', () => {
    const ok = Array.from({ length: 7 }, (_, i) => village(`v${i}`, 1_000_000, 0));
    const bad = ['b1', 'b2', 'b3'].map((id) => village(id, 1_000_000, 30_001));
    expect(evaluateBreakers([...ok, ...bad], p)).toEqual({
      breachedVillageIds: ['b1', 'b2', 'b3'],
      shareBp: 3000,
      townshipTripped: true,
    });
    const two = evaluateBreakers([...ok, village('v7', 1, 0), ...bad.slice(0, 2)], p);
    expect(two).toMatchObject({ breachedVillageIds: ['b1', 'b2'], townshipTripped: false });
  });
  it('§22-23: a 12-31 NPL ratio of 3.00% earns 信用村, 3.01% does not (R16.1)', () => {
    expect(earnsCreditTitle({ outstandingFen: yuan(1_000_000), nplFen: yuan(30_000) }, p)).toBe(true);
    expect(earnsCreditTitle({ outstandingFen: yuan(1_000_000), nplFen: yuan(30_100) }, p)).toBe(false);
  });
});
