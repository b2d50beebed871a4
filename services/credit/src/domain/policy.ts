/**
 * Rule parameters as versioned data (spec credit §0.3): a rating, certificate and loan check keeps the
 * version it was made under, so a later rule change never rewrites history. Amounts are integer fen.
 */
export type HonorLevel = 'NONE' | 'VILLAGE' | 'TOWNSHIP' | 'DISTRICT_OR_ABOVE';
export type Grade = 'NONE' | 'A' | 'AA' | 'AAA' | 'AAA+';

export interface PointTier {
  /** Inclusive lower bound (fen, or dm² for P9). */
  min: number;
  points: number;
}

/** Annex 3 of 三湖办〔2017〕33号 as data (spec credit §7, §8). */
export interface RatingPolicy {
  version: string;
  base: number;
  povertyBonus: number;
  /** C3: whether a score of exactly 100 is AAA+ (false: 100 = AAA, AAA+ from 101). */
  aaaPlusIncludes100: boolean;
  /** Grades from the top; minScore inclusive; capFen the maximum pure-credit line (R8.2). */
  grades: { grade: Exclude<Grade, 'NONE'>; minScore: number; capFen: number }[];
  p1PerFact: number;
  p1Cap: number;
  p2MinFen: number;
  p2Points: number;
  p3Points: number;
  /** P4: scale in [p4MinFen, p4BelowFen) — the upper bound is excluded (不含10万元), see C10. */
  p4MinFen: number;
  p4BelowFen: number;
  p4Points: number;
  p5PerCertificate: number;
  p5Cap: number;
  /** P6: highest single registered item, higher tier first (C11). */
  p6Tiers: PointTier[];
  p7Points: Record<Exclude<HonorLevel, 'NONE'>, number>;
  p8PerFact: number;
  p8Cap: number;
  /** P9: per unmortgaged certified property by area in dm², higher tier first; no cap (C11). */
  p9Tiers: PointTier[];
  p10Points: number;
  d1NoProject: number;
  d2PerFact: number;
  d3PerOverdue: number;
  d3PerNpl: number;
  /** D4: total guarantees for others, higher tier first; any positive amount below the last tier still deducts. */
  d4Tiers: PointTier[];
  d4AnyPositive: number;
  d5MinFen: number;
  d5Points: number;
  d6Points: number;
}

const yuan = (y: number) => y * 100;

/** The district's rules of 2017-08-14 (000_c46a875e17586f6b.txt L1170-1230). */
export const policy2017v1: RatingPolicy = {
  version: '2017-33-v1',
  base: 80,
  povertyBonus: 3,
  aaaPlusIncludes100: false,
  grades: [
    { grade: 'AAA+', minScore: 101, capFen: yuan(200_000) },
    { grade: 'AAA', minScore: 96, capFen: yuan(150_000) },
    { grade: 'AA', minScore: 87, capFen: yuan(100_000) },
    { grade: 'A', minScore: 80, capFen: yuan(50_000) },
  ],
  p1PerFact: 1,
  p1Cap: 4,
  p2MinFen: yuan(200_000),
  p2Points: 2,
  p3Points: 3,
  p4MinFen: yuan(50_000),
  p4BelowFen: yuan(100_000),
  p4Points: 2,
  p5PerCertificate: 1,
  p5Cap: 3,
  p6Tiers: [
    { min: yuan(100_000), points: 2 },
    { min: yuan(50_000), points: 1 },
  ],
  p7Points: { DISTRICT_OR_ABOVE: 3, TOWNSHIP: 2, VILLAGE: 1 },
  p8PerFact: 1,
  p8Cap: 2,
  p9Tiers: [
    { min: 7500, points: 2 },
    { min: 5000, points: 1 },
  ],
  p10Points: 2,
  d1NoProject: -8,
  d2PerFact: -1,
  d3PerOverdue: -5,
  d3PerNpl: -10,
  d4Tiers: [
    { min: yuan(300_000), points: -10 },
    { min: yuan(200_000), points: -8 },
  ],
  d4AnyPositive: -5,
  d5MinFen: yuan(50_000),
  d5Points: -5,
  d6Points: -15,
};

/** Every rule version ever published; a stored rating is explained under its own entry. */
export const ratingPolicies: Record<string, RatingPolicy> = { [policy2017v1.version]: policy2017v1 };

/** Applies the C3 setting: with `aaaPlusIncludes100`, AAA+ starts at 100 instead of 101. */
export function withBoundarySetting(p: RatingPolicy, aaaPlusIncludes100: boolean): RatingPolicy {
  if (p.aaaPlusIncludes100 === aaaPlusIncludes100) return p;
  return {
    ...p,
    aaaPlusIncludes100,
    version: `${p.version}${aaaPlusIncludes100 ? '+100' : ''}`,
    grades: p.grades.map((g) => (g.grade === 'AAA+' ? { ...g, minScore: aaaPlusIncludes100 ? 100 : 101 } : g)),
  };
}

/** Loan terms and risk parameters (spec credit §11.2, §11.4, §12, §13); each is a config variable. */
export interface LendingPolicy {
  maxTermMonths: number;
  benchmarkBp: number;
  /** Entity rate cap as a percentage of benchmark (110 = +10%), rounded down in bp. */
  entityRateCapPct: number;
  entitySubsidyBp: number;
  subsidisedPrincipalCapFen: number;
  riskFundBalanceFen: number;
  fundLeverage: number;
  mutualFundPct: number;
  /** Loss sharing in bp of the loss base: government, bank (remainder), insurer. */
  lossShareGovBp: number;
  lossShareBankBp: number;
  lossShareInsurerBp: number;
  breakerVillageNplBp: number;
  breakerTownshipShareBp: number;
  honorNplBp: number;
  noticeMinDays: number;
  certificateValidityYears: number;
  /** R15.4 [inferred]: days the village collection group has for its visit, then the township station. */
  overdueVillageTaskDays: number;
  overdueStationTaskDays: number;
  /** §9.3 "annual review" [inferred]: months between certificate reviews. */
  reviewIntervalMonths: number;
  /** R5.4: the village notice and the grade notice as one (default false) [inferred]. */
  mergeNotices: boolean;
  /** R12.4: a period in which the loan was overdue or NPL earns no subsidy [standard, local practice; config]. */
  subsidyExcludesArrears: boolean;
  /** R12.4: days from statement acceptance (the period's accrual) to payment [inferred; config]. */
  subsidySlaDays: number;
  /** R12.4 `cfg.subsidyPayee`: paid to the borrower, or reimbursed to the bank [inferred; config]. */
  subsidyPayee: 'BORROWER' | 'BANK';
  /** R16.2: months without any overdue before a re-score may raise the grade [inferred; config]. */
  upgradeCleanMonths: number;
}

export const defaultLendingPolicy: LendingPolicy = {
  maxTermMonths: 36,
  benchmarkBp: 475,
  entityRateCapPct: 110,
  entitySubsidyBp: 300,
  subsidisedPrincipalCapFen: yuan(50_000),
  riskFundBalanceFen: yuan(10_000_000),
  fundLeverage: 10,
  mutualFundPct: 10,
  lossShareGovBp: 3000,
  lossShareBankBp: 2000,
  lossShareInsurerBp: 5000,
  breakerVillageNplBp: 300,
  breakerTownshipShareBp: 3000,
  honorNplBp: 300,
  noticeMinDays: 7,
  certificateValidityYears: 3,
  overdueVillageTaskDays: 7,
  overdueStationTaskDays: 15,
  reviewIntervalMonths: 12,
  mergeNotices: false,
  subsidyExcludesArrears: true,
  subsidySlaDays: 30,
  subsidyPayee: 'BORROWER',
  upgradeCleanMonths: 12,
};
