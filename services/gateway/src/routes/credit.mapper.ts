import { creditV1 } from '@gov/contracts';
import { reverse } from './common.mapper';
import type {
  DecideCreditBody,
  GradeName,
  PovertyStatusName,
  RateHouseholdBody,
  RegisterHouseholdBody,
} from './credit.schema';

const P = creditV1.PovertyStatus;
export const povertyToProto: Record<PovertyStatusName, creditV1.PovertyStatus> = {
  NONE: P.POVERTY_STATUS_NONE,
  REGISTERED_POOR: P.POVERTY_STATUS_REGISTERED_POOR,
  REGISTERED_LIFTED: P.POVERTY_STATUS_REGISTERED_LIFTED,
};
const G = creditV1.Grade;
export const gradeToProto: Record<GradeName, creditV1.Grade> = {
  NONE: G.GRADE_NONE,
  A: G.GRADE_A,
  AA: G.GRADE_AA,
  AAA: G.GRADE_AAA,
  'AAA+': G.GRADE_AAA_PLUS,
};
const povertyToJson = reverse(povertyToProto);
const gradeToJson = reverse(gradeToProto);

export const toRegisterHouseholdRequest = (b: RegisterHouseholdBody, idempotencyKey: string) => ({
  idempotencyKey,
  ...b,
  povertyStatus: povertyToProto[b.povertyStatus],
});

export const toRateHouseholdRequest = (householdId: string, b: RateHouseholdBody, idempotencyKey: string) => ({
  idempotencyKey,
  householdId,
  info: b,
});

export const ratingToJson = (r: creditV1.Rating) => ({ ...r, grade: gradeToJson(r.grade) });

export const householdToJson = (h: creditV1.Household) => ({
  ...h,
  povertyStatus: povertyToJson(h.povertyStatus),
  latestRating: h.latestRating ? ratingToJson(h.latestRating) : null,
});

export const noticeToJson = (n: creditV1.Notice) => ({
  ...n,
  entries: n.entries.map((e) => ({ ...e, grade: gradeToJson(e.grade) })),
});

export const creditLineToJson = (l: creditV1.CreditLine) => ({
  ...l,
  grade: gradeToJson(l.grade),
  pendingUpgrade: l.pendingUpgrade ? { ...l.pendingUpgrade, grade: gradeToJson(l.pendingUpgrade.grade) } : null,
});

export const toDecideCreditRequest = (noticeId: string, b: DecideCreditBody, idempotencyKey: string) =>
  b.approve
    ? {
        idempotencyKey,
        noticeId,
        householdId: b.householdId,
        approve: true,
        grade: gradeToProto[b.grade],
        limitFen: b.limitFen,
        rejectionReason: '',
        rejectionCause: '',
        evidenceRefs: [],
      }
    : {
        idempotencyKey,
        noticeId,
        householdId: b.householdId,
        approve: false,
        grade: gradeToProto.NONE,
        limitFen: '0',
        rejectionReason: b.rejectionReason,
        rejectionCause: b.rejectionCause,
        evidenceRefs: b.evidenceRefs,
      };
