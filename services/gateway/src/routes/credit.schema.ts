import { z } from 'zod';
import { auditRecordJson, instantJson, resourceId } from './common.schema';

/** Money on the wire: whole fen as a decimal string (spec credit §0.3), e.g. "5000000" = 50,000 yuan. */
export const fenString = z.string().regex(/^\d{1,15}$/, 'whole fen as a decimal string');
export const povertyStatus = z.enum(['NONE', 'REGISTERED_POOR', 'REGISTERED_LIFTED']);
export const grade = z.enum(['NONE', 'A', 'AA', 'AAA', 'AAA+']);
export type PovertyStatusName = z.infer<typeof povertyStatus>;
export type GradeName = z.infer<typeof grade>;

/** Body of POST /v1/credit/households (农户登记). */
export const registerHouseholdBody = z.strictObject({
  townshipId: resourceId,
  villageId: resourceId,
  villagerGroupId: resourceId,
  headName: z.string().trim().min(1).max(50),
  headIdNumber: z.string().regex(/^\d{17}[\dX]$/, '18-character resident identity number'),
  phone: z.string().regex(/^1\d{10}$/, '11-digit mobile number'),
  povertyStatus,
});
export type RegisterHouseholdBody = z.output<typeof registerHouseholdBody>;

const flag = z.boolean().default(false);
const fen = fenString.default('0');
const count = z.int().min(0).max(1000).default(0);

/** Body of POST /v1/credit/households/{id}/ratings: the CreditInfoRecord of spec credit §6.3. */
export const rateHouseholdBody = z.strictObject({
  headIsPartyMember: flag,
  headHasJuniorCollegeOrAbove: flag,
  headHealthy: flag,
  anyMemberMilitaryService: flag,
  homesteadHouseAppraisedValueFen: fen,
  hasIncomeProject: flag,
  businessFixedPremises: flag,
  businessLawfullyRegistered: flag,
  businessScaleFen: fen,
  forestRightCertificate: flag,
  landContractCertificate: flag,
  homesteadCertificate: flag,
  registeredEquipmentValueFen: z.array(fenString).max(50).default([]),
  highestHonorLevel: z.enum(['NONE', 'VILLAGE', 'TOWNSHIP', 'DISTRICT_OR_ABOVE']).default('NONE'),
  familyHarmonious: flag,
  neighbourHarmonious: flag,
  familyDisharmonyRecorded: flag,
  neighbourDisharmonyRecorded: flag,
  urbanProperties: z
    .array(
      z.strictObject({
        hasCertificateOrGovProof: z.boolean(),
        mortgaged: z.boolean(),
        registeredAreaDm2: z.int().min(0),
      }),
    )
    .max(20)
    .default([]),
  commercialInsuranceInForce: flag,
  illegalPetitionsLast12Months: count,
  historicalOverdueCount: count,
  historicalNplCount: count,
  externalGuaranteeTotalFen: fen,
  externalMortgageTotalFen: fen,
  enforcementRecordWithin3Years: flag,
  onDishonestListHistorically: flag,
  pornGamblingDrugs: flag,
  currentlyUnderEnforcement: flag,
  currentlyOnDishonestList: flag,
  currentOverdueOrNpl: flag,
  guaranteeForOthersCurrentlyOverdue: flag,
});
export type RateHouseholdBody = z.output<typeof rateHouseholdBody>;

/** Body of POST /v1/credit/notices (公示, ≥ 7 days). */
export const openNoticeBody = z.strictObject({
  villageId: resourceId,
  householdIds: z.array(resourceId).min(1).max(1000),
  startAt: instantJson,
  endAt: instantJson,
  postedLocation: z.string().trim().min(1).max(200),
});

/** Body of POST /v1/credit/notices/{id}/objections. */
export const fileObjectionBody = z.strictObject({
  householdId: resourceId,
  content: z.string().trim().min(1).max(2000),
});

/** Body of POST /v1/credit/notices/{id}/objections/{objectionId}/resolution. */
export const resolveObjectionBody = z.strictObject({
  outcome: z.enum(['UPHELD', 'DISMISSED']),
  resolution: z.string().trim().min(1).max(2000),
  /** On a grade notice: an upheld objection sends the household back to be scored (RESCORE) or out (REJECT). */
  consequence: z.enum(['RESCORE', 'REJECT']).optional(),
});
export const objectionParams = z.object({ id: resourceId, objectionId: resourceId });

/** Body of POST /v1/credit/credit-lines/{id}/loans (a draw reported by the bank). */
export const drawLoanBody = z.strictObject({
  bankLoanNo: z.string().trim().min(1).max(64),
  principalFen: fenString,
  termMonths: z.int().min(1).max(600),
  rateBp: z.int().min(1).max(10000),
  contractDate: z.iso.date(),
});

/** Body of POST /v1/credit/notices/{id}/decisions (银行授信): approve with grade and limit, or reject with reasons. */
export const decideCreditBody = z.discriminatedUnion('approve', [
  z.strictObject({
    householdId: resourceId,
    approve: z.literal(true),
    grade: grade.exclude(['NONE']),
    limitFen: fenString,
  }),
  z.strictObject({
    householdId: resourceId,
    approve: z.literal(false),
    rejectionReason: z.string().trim().min(1).max(500),
    rejectionCause: z.string().trim().min(1).max(500),
    evidenceRefs: z.array(z.string().trim().min(1).max(200)).min(1).max(50),
  }),
]);
export type DecideCreditBody = z.output<typeof decideCreditBody>;

/** Body of POST /v1/credit/credit-lines/{id}/repayments. */
export const repayLoanBody = z.strictObject({
  loanId: resourceId,
  principalFen: fenString,
  paidAt: instantJson,
  late: z.boolean().default(false),
});

export const ratingJson = z
  .object({
    id: z.string(),
    householdId: z.string(),
    policyVersion: z.string(),
    total: z.int(),
    grade: z.enum([...grade.options, 'UNSPECIFIED']),
    limitFen: fenString,
    vetoCodes: z.array(z.string()),
    items: z.array(z.object({ code: z.string(), points: z.int(), explanation: z.string() })),
    computedAt: instantJson,
  })
  .meta({ description: '评分卡 — a score card with its item-by-item explanation.' });

export const householdJson = z
  .object({
    id: z.string(),
    townshipId: z.string(),
    villageId: z.string(),
    villagerGroupId: z.string(),
    headName: z.string(),
    headIdNumber: z.string().meta({ description: 'masked unless the caller may see personal data' }),
    phone: z.string(),
    piiMasked: z.boolean(),
    povertyStatus: z.enum([...povertyStatus.options, 'UNSPECIFIED']),
    latestRating: ratingJson.nullable(),
  })
  .meta({ description: '农户 — a household; personal data masked by default.' });
export const householdWithAuditJson = z.object({ household: householdJson, audit: z.array(auditRecordJson) });

export const noticeJson = z
  .object({
    id: z.string(),
    kind: z.enum(['CREDIT_HOUSEHOLD_LIST', 'GRADE_LIST', 'MERGED']),
    sourceNoticeId: z.string(),
    villageId: z.string(),
    postedLocation: z.string(),
    startAt: instantJson,
    endAt: instantJson,
    status: z.string(),
    entries: z.array(
      z.object({
        householdId: z.string(),
        headName: z.string(),
        maskedIdNumber: z.string(),
        grade: z.enum([...grade.options, 'UNSPECIFIED']),
        limitFen: fenString,
        score: z.int(),
        outcome: z.string(),
      }),
    ),
    objections: z.array(
      z.object({
        id: z.string(),
        householdId: z.string(),
        content: z.string(),
        status: z.string(),
        filedAt: instantJson,
      }),
    ),
  })
  .meta({ description: '公示 — a village notice; identity numbers masked.' });

export const creditLineJson = z
  .object({
    id: z.string(),
    householdId: z.string(),
    certificateNo: z.string(),
    grade: z.enum([...grade.options, 'UNSPECIFIED']),
    limitFen: fenString,
    outstandingPrincipalFen: fenString,
    availableFen: fenString,
    status: z.string(),
    validUntil: instantJson,
    policyVersion: z.string(),
    loans: z.array(
      z.object({
        id: z.string(),
        bankLoanNo: z.string(),
        principalFen: fenString,
        outstandingPrincipalFen: fenString,
        rateBp: z.int(),
        termMonths: z.int(),
        contractDate: z.string(),
        maturityDate: z.string(),
        subsidyEligible: z.boolean(),
        status: z.string(),
      }),
    ),
    overLimit: z.boolean().meta({ description: 'R17.2 OVER_LIMIT: more outstanding than the limit after a downgrade' }),
    pendingUpgrade: z
      .object({
        grade: z.enum([...grade.options, 'UNSPECIFIED']),
        capFen: fenString,
        ratingId: z.string(),
        proposedAt: instantJson,
      })
      .nullable()
      .meta({ description: 'R17.3: a higher grade a re-score reached, waiting for the bank’s confirmation' }),
  })
  .meta({ description: '贷款信用证 and its revolving credit line.' });

export const decisionJson = z.object({
  outcome: z.enum(['APPROVED', 'REJECTED']),
  creditLine: creditLineJson.nullable(),
});

export const loanDrawnJson = z.object({ loanId: z.string(), creditLine: creditLineJson });
