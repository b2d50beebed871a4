import { creditV1 } from '@gov/contracts';
import { toProtoAuditRecord, type AuditEntry } from '@gov/platform';
import { ValidationError } from '@gov/platform/errors';
import { overLimit, type CreditLine } from '../../domain/credit-line';
import type { HouseholdView, Rating } from '../../domain/household';
import type { Notice } from '../../domain/notice';
import type { Grade, HonorLevel } from '../../domain/policy';
import type { CreditInfo, PovertyStatus } from '../../domain/rating';

const P = creditV1.PovertyStatus;
const povertyIn: Record<number, PovertyStatus> = {
  [P.POVERTY_STATUS_NONE]: 'NONE',
  [P.POVERTY_STATUS_REGISTERED_POOR]: 'REGISTERED_POOR',
  [P.POVERTY_STATUS_REGISTERED_LIFTED]: 'REGISTERED_LIFTED',
};
const povertyOut: Record<PovertyStatus, creditV1.PovertyStatus> = {
  NONE: P.POVERTY_STATUS_NONE,
  REGISTERED_POOR: P.POVERTY_STATUS_REGISTERED_POOR,
  REGISTERED_LIFTED: P.POVERTY_STATUS_REGISTERED_LIFTED,
};
const G = creditV1.Grade;
const gradeOut: Record<Grade, creditV1.Grade> = {
  NONE: G.GRADE_NONE,
  A: G.GRADE_A,
  AA: G.GRADE_AA,
  AAA: G.GRADE_AAA,
  'AAA+': G.GRADE_AAA_PLUS,
};
const gradeIn: Record<number, Grade> = Object.fromEntries(Object.entries(gradeOut).map(([k, v]) => [v, k as Grade]));
const honours: HonorLevel[] = ['NONE', 'VILLAGE', 'TOWNSHIP', 'DISTRICT_OR_ABOVE'];

export function toPovertyStatus(v: creditV1.PovertyStatus): PovertyStatus {
  const s = povertyIn[v];
  if (!s) throw new ValidationError([{ field: 'poverty_status', message: 'must be set' }]);
  return s;
}
export function toGrade(v: creditV1.Grade): Grade {
  const g = gradeIn[v];
  if (!g) throw new ValidationError([{ field: 'grade', message: 'must be set' }]);
  return g;
}

/** int64 fen arrives as a decimal string; anything else is a validation error, never a silent 0. */
export function fenIn(field: string, s: string, { positive = false } = {}): number {
  const n = Number(s || '0');
  if (!/^-?\d*$/.test(s) || !Number.isSafeInteger(n) || n < 0 || (positive && n === 0))
    throw new ValidationError([
      { field, message: positive ? 'a positive whole number of fen' : 'a whole number of fen' },
    ]);
  return n;
}

export function toInstant(field: string, s: string): Date {
  const d = new Date(s);
  if (!s || Number.isNaN(d.getTime())) throw new ValidationError([{ field, message: 'an RFC 3339 instant' }]);
  return d;
}

export function toCreditInfo(i: creditV1.CreditInfo | undefined): CreditInfo {
  if (!i) throw new ValidationError([{ field: 'info', message: 'required' }]);
  const level = (i.highestHonorLevel || 'NONE') as HonorLevel;
  if (!honours.includes(level))
    throw new ValidationError([{ field: 'info.highest_honor_level', message: honours.join(' | ') }]);
  return {
    headIsPartyMember: i.headIsPartyMember,
    headHasJuniorCollegeOrAbove: i.headHasJuniorCollegeOrAbove,
    headHealthy: i.headHealthy,
    anyMemberMilitaryService: i.anyMemberMilitaryService,
    homesteadHouseAppraisedValueFen: fenIn(
      'info.homestead_house_appraised_value_fen',
      i.homesteadHouseAppraisedValueFen,
    ),
    hasIncomeProject: i.hasIncomeProject,
    businessFixedPremises: i.businessFixedPremises,
    businessLawfullyRegistered: i.businessLawfullyRegistered,
    businessScaleFen: fenIn('info.business_scale_fen', i.businessScaleFen),
    forestRightCertificate: i.forestRightCertificate,
    landContractCertificate: i.landContractCertificate,
    homesteadCertificate: i.homesteadCertificate,
    registeredEquipmentValueFen: i.registeredEquipmentValueFen.map((v) =>
      fenIn('info.registered_equipment_value_fen', v),
    ),
    highestHonorLevel: level,
    familyHarmonious: i.familyHarmonious,
    neighbourHarmonious: i.neighbourHarmonious,
    familyDisharmonyRecorded: i.familyDisharmonyRecorded,
    neighbourDisharmonyRecorded: i.neighbourDisharmonyRecorded,
    urbanProperties: i.urbanProperties.map((u) => ({
      hasCertificateOrGovProof: u.hasCertificateOrGovProof,
      mortgaged: u.mortgaged,
      registeredAreaDm2: u.registeredAreaDm2,
    })),
    commercialInsuranceInForce: i.commercialInsuranceInForce,
    illegalPetitionsLast12Months: Math.max(0, i.illegalPetitionsLast12Months),
    historicalOverdueCount: Math.max(0, i.historicalOverdueCount),
    historicalNplCount: Math.max(0, i.historicalNplCount),
    externalGuaranteeTotalFen: fenIn('info.external_guarantee_total_fen', i.externalGuaranteeTotalFen),
    externalMortgageTotalFen: fenIn('info.external_mortgage_total_fen', i.externalMortgageTotalFen),
    enforcementRecordWithin3Years: i.enforcementRecordWithin3Years,
    onDishonestListHistorically: i.onDishonestListHistorically,
    pornGamblingDrugs: i.pornGamblingDrugs,
    currentlyUnderEnforcement: i.currentlyUnderEnforcement,
    currentlyOnDishonestList: i.currentlyOnDishonestList,
    currentOverdueOrNpl: i.currentOverdueOrNpl,
    guaranteeForOthersCurrentlyOverdue: i.guaranteeForOthersCurrentlyOverdue,
  };
}

export const toProtoRating = (r: Rating): creditV1.Rating => ({
  id: r.id,
  householdId: r.householdId,
  policyVersion: r.policyVersion,
  total: r.total,
  grade: gradeOut[r.grade],
  limitFen: String(r.capFen),
  vetoCodes: r.vetoCodes,
  items: r.items.map((i) => ({ code: i.code, points: i.points, explanation: i.explanation })),
  computedAt: new Date(r.computedAt).toISOString(),
});

export const toProtoHousehold = (h: HouseholdView): creditV1.Household => ({
  id: h.id,
  townshipId: h.townshipId,
  villageId: h.villageId,
  villagerGroupId: h.villagerGroupId,
  headName: h.headName,
  headIdNumber: h.idNumber,
  phone: h.phone,
  piiMasked: h.piiMasked,
  povertyStatus: povertyOut[h.povertyStatus],
  latestRating: h.latestRating ? toProtoRating(h.latestRating) : undefined,
});

export const toProtoNotice = (n: Notice): creditV1.Notice => ({
  id: n.id,
  kind: n.kind,
  sourceNoticeId: n.sourceNoticeId ?? '',
  postedLocation: n.postedLocation,
  villageId: n.villageId,
  startAt: new Date(n.startAt).toISOString(),
  endAt: new Date(n.endAt).toISOString(),
  status: n.status,
  entries: n.entries.map((e) => ({
    householdId: e.householdId,
    headName: e.headName,
    maskedIdNumber: e.maskedIdNumber,
    grade: gradeOut[e.grade],
    limitFen: String(e.limitFen ?? e.capFen),
    score: e.score,
    outcome: e.outcome,
  })),
  objections: n.objections.map((o) => ({
    id: o.id,
    householdId: o.householdId,
    content: o.content,
    status: o.status,
    filedAt: new Date(o.filedAt).toISOString(),
  })),
});

export const toProtoLine = (l: CreditLine): creditV1.CreditLine => ({
  id: l.id,
  householdId: l.householdId,
  certificateNo: l.certificateNo,
  grade: gradeOut[l.grade],
  limitFen: String(l.limitFen),
  outstandingPrincipalFen: String(l.outstandingPrincipalFen),
  availableFen: String(Math.max(0, l.limitFen - l.outstandingPrincipalFen)),
  status: l.status,
  validUntil: new Date(l.validUntil).toISOString(),
  policyVersion: l.policyVersion,
  loans: l.loans.map((x) => ({
    id: x.id,
    bankLoanNo: x.bankLoanNo,
    principalFen: String(x.principalFen),
    outstandingPrincipalFen: String(x.outstandingPrincipalFen),
    rateBp: x.rateBp,
    termMonths: x.termMonths,
    contractDate: x.contractDate,
    maturityDate: x.maturityDate,
    subsidyEligible: x.subsidyEligible,
    status: x.status,
  })),
  overLimit: overLimit(l),
  pendingUpgrade: l.pendingUpgrade
    ? {
        grade: gradeOut[l.pendingUpgrade.grade],
        capFen: String(l.pendingUpgrade.capFen),
        ratingId: l.pendingUpgrade.ratingId,
        proposedAt: new Date(l.pendingUpgrade.proposedAt).toISOString(),
      }
    : undefined,
});

/** Audit lines go out in the platform's one shape. */
export const toProtoAudit = (a: AuditEntry) => toProtoAuditRecord(a);
