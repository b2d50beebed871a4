import type { Grade, HonorLevel, PointTier, RatingPolicy } from './policy';

/** 建档立卡 status (spec credit §3.2); both registered statuses get the poverty bonus and the loan terms. */
export type PovertyStatus = 'NONE' | 'REGISTERED_POOR' | 'REGISTERED_LIFTED';

/** CreditInfoRecord — the inputs of one rating round (spec credit §6.3). Money in fen, areas in dm². */
export interface CreditInfo {
  headIsPartyMember: boolean;
  headHasJuniorCollegeOrAbove: boolean;
  headHealthy: boolean;
  anyMemberMilitaryService: boolean;
  homesteadHouseAppraisedValueFen: number;
  hasIncomeProject: boolean;
  businessFixedPremises: boolean;
  businessLawfullyRegistered: boolean;
  businessScaleFen: number;
  forestRightCertificate: boolean;
  landContractCertificate: boolean;
  homesteadCertificate: boolean;
  registeredEquipmentValueFen: number[];
  highestHonorLevel: HonorLevel;
  /** P8 needs a positive attestation; D2 needs a recorded negative finding. Neither recorded → neither applies. */
  familyHarmonious: boolean;
  neighbourHarmonious: boolean;
  familyDisharmonyRecorded: boolean;
  neighbourDisharmonyRecorded: boolean;
  urbanProperties: { hasCertificateOrGovProof: boolean; mortgaged: boolean; registeredAreaDm2: number }[];
  commercialInsuranceInForce: boolean;
  illegalPetitionsLast12Months: number;
  historicalOverdueCount: number;
  historicalNplCount: number;
  externalGuaranteeTotalFen: number;
  externalMortgageTotalFen: number;
  enforcementRecordWithin3Years: boolean;
  onDishonestListHistorically: boolean;
  pornGamblingDrugs: boolean;
  currentlyUnderEnforcement: boolean;
  currentlyOnDishonestList: boolean;
  currentOverdueOrNpl: boolean;
  guaranteeForOthersCurrentlyOverdue: boolean;
}

/** One line of a rating's explanation: what scored, how many points, and why. */
export interface RatingItem {
  code: string;
  points: number;
  explanation: string;
}

/** 评分卡 — an immutable score card (spec credit §7.5). */
export interface ScoreCard {
  policyVersion: string;
  total: number;
  grade: Grade;
  capFen: number;
  vetoCodes: string[];
  povertyBonus: number;
  /** Item by item: BASE, every P/D item that scored, POVERTY_BONUS; on a veto, the veto items only. */
  items: RatingItem[];
}

/** An empty record: every fact false or zero; factories and tests start from it. */
export const emptyCreditInfo = (): CreditInfo => ({
  headIsPartyMember: false,
  headHasJuniorCollegeOrAbove: false,
  headHealthy: false,
  anyMemberMilitaryService: false,
  homesteadHouseAppraisedValueFen: 0,
  hasIncomeProject: false,
  businessFixedPremises: false,
  businessLawfullyRegistered: false,
  businessScaleFen: 0,
  forestRightCertificate: false,
  landContractCertificate: false,
  homesteadCertificate: false,
  registeredEquipmentValueFen: [],
  highestHonorLevel: 'NONE',
  familyHarmonious: false,
  neighbourHarmonious: false,
  familyDisharmonyRecorded: false,
  neighbourDisharmonyRecorded: false,
  urbanProperties: [],
  commercialInsuranceInForce: false,
  illegalPetitionsLast12Months: 0,
  historicalOverdueCount: 0,
  historicalNplCount: 0,
  externalGuaranteeTotalFen: 0,
  externalMortgageTotalFen: 0,
  enforcementRecordWithin3Years: false,
  onDishonestListHistorically: false,
  pornGamblingDrugs: false,
  currentlyUnderEnforcement: false,
  currentlyOnDishonestList: false,
  currentOverdueOrNpl: false,
  guaranteeForOthersCurrentlyOverdue: false,
});

const count = (...facts: boolean[]) => facts.filter(Boolean).length;
const tier = (tiers: PointTier[], value: number) => tiers.find((t) => value >= t.min)?.points ?? 0;

/** The one-vote veto items (spec credit §7.4); any one zeroes the score (R7.2). */
function vetoes(r: CreditInfo): RatingItem[] {
  const v: RatingItem[] = [];
  if (r.pornGamblingDrugs) v.push({ code: 'V1', points: 0, explanation: 'involved in pornography, gambling or drugs' });
  if (r.currentlyUnderEnforcement || r.currentlyOnDishonestList)
    v.push({ code: 'V2', points: 0, explanation: 'currently under enforcement or on the dishonest-debtor list' });
  if (r.currentOverdueOrNpl) v.push({ code: 'V3', points: 0, explanation: 'a loan is currently overdue or NPL' });
  if (r.guaranteeForOthersCurrentlyOverdue)
    v.push({ code: 'V4', points: 0, explanation: "guaranteed another person's loan that is currently overdue" });
  return v;
}

/** Addition items P1-P10 with their caps (spec credit §7.2). */
function additions(r: CreditInfo, p: RatingPolicy): RatingItem[] {
  const p1 = count(r.headIsPartyMember, r.headHasJuniorCollegeOrAbove, r.headHealthy, r.anyMemberMilitaryService);
  const p5 = count(r.forestRightCertificate, r.landContractCertificate, r.homesteadCertificate);
  const p8 = count(r.familyHarmonious, r.neighbourHarmonious);
  const p9 = r.urbanProperties
    .filter((u) => u.hasCertificateOrGovProof && !u.mortgaged)
    .reduce((s, u) => s + tier(p.p9Tiers, u.registeredAreaDm2), 0);
  const inP4Band = r.businessScaleFen >= p.p4MinFen && r.businessScaleFen < p.p4BelowFen;
  const topEquipment = Math.max(0, ...r.registeredEquipmentValueFen);
  const items: RatingItem[] = [
    { code: 'P1', points: Math.min(p.p1Cap, p1 * p.p1PerFact), explanation: `${p1} head-of-household facts` },
    {
      code: 'P2',
      points: r.homesteadHouseAppraisedValueFen >= p.p2MinFen ? p.p2Points : 0,
      explanation: 'homestead house appraised at or above the threshold',
    },
    { code: 'P3', points: r.hasIncomeProject ? p.p3Points : 0, explanation: 'has an income-generating project' },
    {
      code: 'P4',
      points: r.businessFixedPremises && r.businessLawfullyRegistered && inP4Band ? p.p4Points : 0,
      explanation: 'registered business with fixed premises inside the scale band',
    },
    { code: 'P5', points: Math.min(p.p5Cap, p5 * p.p5PerCertificate), explanation: `${p5} ownership certificates` },
    { code: 'P6', points: tier(p.p6Tiers, topEquipment), explanation: 'highest registered equipment value' },
    {
      code: 'P7',
      points: r.highestHonorLevel === 'NONE' ? 0 : p.p7Points[r.highestHonorLevel],
      explanation: `highest honour ${r.highestHonorLevel}`,
    },
    { code: 'P8', points: Math.min(p.p8Cap, p8 * p.p8PerFact), explanation: `${p8} harmony facts` },
    { code: 'P9', points: p9, explanation: 'certified unmortgaged urban properties by area' },
    { code: 'P10', points: r.commercialInsuranceInForce ? p.p10Points : 0, explanation: 'commercial insurance' },
  ];
  return items.filter((i) => i.points !== 0);
}

/** Deduction items D1-D6 (spec credit §7.3); D6 covers historical records only (C5). */
function deductions(r: CreditInfo, p: RatingPolicy): RatingItem[] {
  const d2Facts = count(r.familyDisharmonyRecorded, r.neighbourDisharmonyRecorded) + r.illegalPetitionsLast12Months;
  const d4 = r.externalGuaranteeTotalFen > 0 ? tier(p.d4Tiers, r.externalGuaranteeTotalFen) || p.d4AnyPositive : 0;
  const items: RatingItem[] = [
    { code: 'D1', points: r.hasIncomeProject ? 0 : p.d1NoProject, explanation: 'no income-generating project' },
    {
      code: 'D2',
      points: d2Facts * p.d2PerFact,
      explanation: `${d2Facts} disharmony facts and illegal petitions in the last 12 months`,
    },
    {
      code: 'D3',
      points: r.historicalOverdueCount * p.d3PerOverdue + r.historicalNplCount * p.d3PerNpl,
      explanation: `${r.historicalOverdueCount} past overdues, ${r.historicalNplCount} past NPLs`,
    },
    { code: 'D4', points: d4, explanation: 'guarantees given for others' },
    {
      code: 'D5',
      points: r.externalMortgageTotalFen >= p.d5MinFen ? p.d5Points : 0,
      explanation: 'external mortgages at or above the threshold',
    },
    {
      code: 'D6',
      points: r.enforcementRecordWithin3Years || r.onDishonestListHistorically ? p.d6Points : 0,
      explanation: 'enforcement within 3 years or past dishonest-debtor listing',
    },
  ];
  return items.filter((i) => i.points !== 0);
}

/** The grade of a score, top band first (spec credit §8; the 100 boundary per C3 setting). */
export function gradeOf(total: number, p: RatingPolicy): { grade: Grade; capFen: number } {
  const band = p.grades.find((g) => total >= g.minScore);
  return band ? { grade: band.grade, capFen: band.capFen } : { grade: 'NONE', capFen: 0 };
}

export const gradeCap = (grade: Grade, p: RatingPolicy): number => p.grades.find((g) => g.grade === grade)?.capFen ?? 0;

const gradeRank: Record<Grade, number> = { NONE: 0, A: 1, AA: 2, AAA: 3, 'AAA+': 4 };
export const gradeAtMost = (granted: Grade, computed: Grade): boolean => gradeRank[granted] <= gradeRank[computed];

/**
 * Scores a household (spec credit §7.1-7.5): a veto gives 0 / NONE; otherwise base + additions + deductions,
 * + the poverty bonus for registered households, floored at 0. Pure and deterministic for (record, version).
 */
export function scoreHousehold(info: CreditInfo, poverty: PovertyStatus, p: RatingPolicy): ScoreCard {
  const veto = vetoes(info);
  if (veto.length > 0)
    return {
      policyVersion: p.version,
      total: 0,
      grade: 'NONE',
      capFen: 0,
      vetoCodes: veto.map((v) => v.code),
      povertyBonus: 0,
      items: veto,
    };
  const scored = [...additions(info, p), ...deductions(info, p)];
  const povertyBonus = poverty === 'NONE' ? 0 : p.povertyBonus;
  const raw = p.base + scored.reduce((s, i) => s + i.points, 0) + povertyBonus;
  const total = Math.max(0, raw);
  const items: RatingItem[] = [{ code: 'BASE', points: p.base, explanation: 'base score' }, ...scored];
  if (povertyBonus)
    items.push({ code: 'POVERTY_BONUS', points: povertyBonus, explanation: 'registered poor household' });
  return {
    policyVersion: p.version,
    total,
    grade: gradeOf(total, p).grade,
    capFen: gradeOf(total, p).capFen,
    vetoCodes: [],
    povertyBonus,
    items,
  };
}
