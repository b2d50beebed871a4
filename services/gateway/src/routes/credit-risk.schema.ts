import { z } from 'zod';
import { instantJson, resourceId } from './common.schema';
import { fenString } from './credit.schema';

export const entityKind = z.enum(['LEADING_ENTERPRISE', 'COOPERATIVE', 'FAMILY_FARM', 'OTHER']);
export type EntityKindName = z.infer<typeof entityKind>;
export const breakerUnit = z.enum(['VILLAGE', 'TOWNSHIP']);
export type BreakerUnitName = z.infer<typeof breakerUnit>;

const bankLoanNo = z.string().trim().min(1).max(64);

/** Body of POST /v1/credit/entities (带贫经营主体, spec credit §3.3). */
export const registerEntityBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  kind: entityKind,
  registrationNo: z.string().trim().min(1).max(64),
  townshipId: resourceId,
  inGovBankInsurerAgreement: z.boolean().default(false),
});
export type RegisterEntityBody = z.output<typeof registerEntityBody>;

/** Body of POST /v1/credit/entities/{id}/contributions (互助担保基金, R13.6). */
export const contributionBody = z.strictObject({
  receiptNo: z.string().trim().min(1).max(64),
  amountFen: fenString,
});

/** Body of POST /v1/credit/entities/{id}/loans (a loan the bank reports for an entity, §11.2). */
export const entityLoanBody = z.strictObject({
  bankLoanNo,
  principalFen: fenString,
  rateBp: z.int().min(1).max(10000),
  termMonths: z.int().min(1).max(600),
  contractDate: z.iso.date(),
});

/** Body of POST /v1/credit/townships/{id}/breaker-evaluations (熔断, spec credit §13.4). */
export const evaluateBreakersBody = z.strictObject({
  villageIds: z
    .array(resourceId)
    .max(1000)
    .default([])
    .meta({ description: 'every village of the township, also those without lines (they count towards 30%)' }),
});

/** Body of POST /v1/credit/breakers/{id}/lift (leading-group office only, with a reason). */
export const liftBreakerBody = z.strictObject({
  unitType: breakerUnit,
  townshipId: resourceId,
  reason: z.string().trim().min(1).max(500),
});
export type LiftBreakerBody = z.output<typeof liftBreakerBody>;

/** Body of POST /v1/credit/loss-cases (风险共担, spec credit §13.2). */
export const allocateLossBody = z.strictObject({
  bankLoanNo,
  accruedInterestFen: fenString.default('0'),
});

/** Body of POST /v1/credit/townships/{id}/honor-evaluations (信用村 / 信用乡, spec credit §16). */
export const evaluateHonorsBody = z.strictObject({ year: z.int().min(2000).max(2100) });

/** Body of POST /v1/credit/credit-lines/{id}/subsidies (贴息 for one statement period, spec credit §12). */
export const accrueSubsidyBody = z.strictObject({
  loanId: resourceId,
  periodStart: z.iso.date(),
  periodEnd: z.iso.date(),
  interestPaidFen: fenString,
});

export const entityJson = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum([...entityKind.options, 'UNSPECIFIED']),
    registrationNo: z.string(),
    townshipId: z.string(),
    inGovBankInsurerAgreement: z.boolean(),
    mutualFundPaidFen: fenString,
    contributionsRequired: z.array(z.object({ bankLoanNo: z.string(), requiredFen: fenString })),
    loans: z.array(
      z.object({
        id: z.string(),
        bankLoanNo: z.string(),
        principalFen: fenString,
        rateBp: z.int(),
        termMonths: z.int(),
        contractDate: z.string(),
        maturityDate: z.string(),
      }),
    ),
  })
  .meta({ description: '带贫经营主体 — a poverty-driving entity with its mutual-fund account and loans.' });

export const breakerEvaluationJson = z.object({
  breachedVillageIds: z.array(z.string()),
  shareBp: z.int(),
  townshipTripped: z.boolean(),
  villageCount: z.int(),
});

export const breakerJson = z
  .object({
    unitId: z.string(),
    unitType: z.enum([...breakerUnit.options, 'UNSPECIFIED']),
    tripped: z.boolean(),
    trippedAt: instantJson.nullable(),
  })
  .meta({ description: '熔断 state of a village or township.' });

export const lossCaseJson = z
  .object({
    id: z.string(),
    loanId: z.string(),
    creditLineId: z.string(),
    householdId: z.string(),
    lossBaseFen: fenString,
    govShareFen: fenString,
    bankShareFen: fenString,
    insurerShareFen: fenString,
    govRatioBp: z.int(),
    bankRatioBp: z.int(),
    insurerRatioBp: z.int(),
    status: z.string(),
    triggeredAt: instantJson,
  })
  .meta({ description: '损失 case of a non-performing loan, split government / bank / insurer to the fen.' });

export const honorsJson = z.object({ awardedSubjectIds: z.array(z.string()) });

export const subsidyPeriodJson = z
  .object({
    id: z.string(),
    periodStart: z.string(),
    periodEnd: z.string(),
    eligiblePrincipalFen: fenString,
    amountFen: fenString,
  })
  .meta({ description: '贴息 — one period of a loan’s interest subsidy.' });
