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
    .meta({
      description:
        'only for a township with no registered villages: every village of it, also those without lines (they ' +
        'count towards 30%). With registered villages the registry is the list and these must be among them.',
    }),
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
  overdueInPeriod: z
    .boolean()
    .default(false)
    .meta({ description: 'the statement shows the loan in arrears during the period: no subsidy (R12.4)' }),
});

/** Body of POST /v1/credit/entities/{id}/subsidies (贴息 at 3% a year on an entity loan's daily balance, R12.3). */
export const accrueEntitySubsidyBody = accrueSubsidyBody;

/** Body of POST /v1/credit/entities/{id}/repayments (principal repaid on an entity loan, R12.3). */
export const entityRepaymentBody = z.strictObject({
  loanId: resourceId,
  principalFen: fenString,
  paidAt: z.iso.datetime({ offset: true }),
});

/** Body of POST /v1/credit/subsidy-payments/{id}/approval (the center verifies and approves, R12.4). */
export const approveSubsidyPaymentBody = z.strictObject({
  note: z.string().trim().max(500).default(''),
});

/** Body of POST /v1/credit/subsidy-payments/{id}/payment (the transfer with its treasury reference, R12.4). */
export const markSubsidyPaidBody = z.strictObject({
  paymentRef: z.string().trim().min(1).max(64),
  paidAt: z.iso.datetime({ offset: true }).optional(),
});

/** Body of POST /v1/credit/credit-lines/{id}/upgrade-confirmation (the bank confirms a higher grade, R17.3). */
export const confirmUpgradeBody = z.strictObject({
  limitFen: fenString.optional().meta({ description: 'at most the new grade’s cap; absent: the cap' }),
  note: z.string().trim().max(500).default(''),
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
        outstandingPrincipalFen: fenString,
        status: z.string(),
      }),
    ),
  })
  .meta({ description: '带贫经营主体 — a poverty-driving entity with its mutual-fund account and loans.' });

export const breakerEvaluationJson = z.object({
  breachedVillageIds: z.array(z.string()),
  shareBp: z.int(),
  townshipTripped: z.boolean(),
  villageCount: z.int(),
  registryUsed: z.boolean().meta({
    description: 'villageCount is the registered villages (plus unregistered ones with lines), not the request’s list',
  }),
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
    subsidyPaymentId: z.string().nullable().meta({ description: 'the payment the period opened; null: nothing due' }),
  })
  .meta({ description: '贴息 — one period of a loan’s interest subsidy.' });

export const subsidyPaymentJson = z
  .object({
    id: z.string(),
    borrowerType: z.enum(['HOUSEHOLD', 'ENTITY']),
    borrowerId: z.string(),
    creditLineId: z.string().nullable(),
    loanId: z.string(),
    bankLoanNo: z.string(),
    periodStart: z.string(),
    periodEnd: z.string(),
    eligiblePrincipalFen: fenString,
    amountFen: fenString,
    status: z.enum(['ACCRUED', 'APPROVED', 'PAID']),
    acceptedAt: instantJson,
    dueAt: instantJson,
    payee: z.enum(['BORROWER', 'BANK']).nullable(),
    approvedBy: z.string().nullable(),
    approvedAt: instantJson.nullable(),
    paymentRef: z.string().nullable(),
    paidAt: instantJson.nullable(),
  })
  .meta({ description: '贴息拨付 — the payment of one subsidy period; one per loan and period (R12.5).' });

export const lateSubsidyPaymentsJson = z.object({ payments: z.array(subsidyPaymentJson) });

/** Whole fen that may be negative: a fund ADJUSTMENT can take money out of the pool. */
const signedFenString = z.string().regex(/^-?\d{1,15}$/, 'whole fen as a decimal string, a leading minus allowed');
const reference = z.string().trim().min(1).max(64);
export const fundTransactionType = z.enum([
  'CAPITAL_IN',
  'COMPENSATION_OUT',
  'RECOVERY_IN',
  'INTEREST_IN',
  'ADJUSTMENT',
]);
export type FundTransactionTypeName = z.infer<typeof fundTransactionType>;
export const lossParty = z.enum(['BANK', 'INSURER']);
export type LossPartyName = z.infer<typeof lossParty>;

/** Body of POST /v1/credit/risk-fund/transactions (风险补偿资金池, spec credit §13.3 R13.7). */
export const fundTransactionBody = z.strictObject({
  type: z
    .enum(['CAPITAL_IN', 'INTEREST_IN', 'ADJUSTMENT'])
    .meta({ description: 'compensation and recoveries are posted by loss-case settlement, not by hand' }),
  amountFen: signedFenString.meta({ description: 'positive; only an ADJUSTMENT may be negative, none may be 0' }),
  approvedBy: z
    .string()
    .trim()
    .min(1)
    .max(128)
    .meta({ description: 'who authorised it: a person or the approving document, e.g. 三湖办〔2017〕33号' }),
  reason: z.string().trim().max(500).default('').meta({ description: 'required for an ADJUSTMENT' }),
});
export type FundTransactionBody = z.output<typeof fundTransactionBody>;

/** Body of POST /v1/credit/loss-cases/{id}/confirmations (bank or insurer accepts its share, R15.4). */
export const confirmLossShareBody = z.strictObject({
  party: lossParty,
  amountFen: fenString.meta({ description: 'the party’s allocated share, to the fen' }),
  reference: reference.meta({ description: 'the party’s own settlement reference' }),
});
export type ConfirmLossShareBody = z.output<typeof confirmLossShareBody>;

/** Body of POST /v1/credit/loss-cases/{id}/recoveries (money recovered after the payout, R15.4). */
export const lossRecoveryBody = z.strictObject({
  reference: reference.meta({ description: 'the bank’s receipt number; a receipt is counted once' }),
  amountFen: fenString,
});

/** Body of POST /v1/credit/loss-cases/{id}/close (recovery work ends on a paid case). */
export const closeLossCaseBody = z.strictObject({ reason: z.string().trim().min(1).max(500) });

/**
 * Body of POST /v1/credit/claim-payouts (赔款到户, spec credit R14.3). Payee and card are not checked here: the
 * service refuses a payout that is not to the household's card as a whole, with PAYOUT_MUST_BE_TO_HOUSEHOLD_CARD.
 */
export const claimPayoutBody = z.strictObject({
  insurerId: resourceId,
  claimNo: reference,
  policyNo: reference,
  householdId: resourceId,
  amountFen: fenString,
  payeeType: z.string().trim().min(1).max(32).meta({ description: 'HOUSEHOLD: claims are paid to the household' }),
  bankCardNo: z
    .string()
    .max(32)
    .default('')
    .meta({ description: 'the household’s bank card, 12-19 digits; stored encrypted, answered masked only' }),
  paidAt: instantJson,
});

export const fundTransactionJson = z
  .object({
    id: z.string(),
    seq: z.int(),
    type: z.enum([...fundTransactionType.options, 'UNSPECIFIED']),
    amountFen: signedFenString,
    loanId: z.string().nullable(),
    lossCaseId: z.string().nullable(),
    approvedBy: z.string(),
    reason: z.string().nullable(),
    postings: z.array(z.object({ account: z.string(), debitFen: fenString, creditFen: fenString })),
    balanceAfterFen: fenString,
    recordedBy: z.string(),
    recordedAt: instantJson,
  })
  .meta({ description: '风险补偿资金池流水 — one entry of the fund’s append-only, double-entry ledger.' });

export const riskFundJson = z
  .object({
    balanceFen: fenString,
    ceilingFen: fenString.meta({ description: '10 × the balance: the risk-shared lending ceiling (R13.4)' }),
    entryCount: z.int(),
  })
  .meta({ description: '风险补偿资金池 — the fund’s balance, re-derived from its whole ledger.' });

const shareConfirmationJson = z.object({
  amountFen: fenString,
  reference: z.string(),
  confirmedBy: z.string(),
  confirmedAt: instantJson,
});

export const lossRecoveryJson = z.object({
  id: z.string(),
  reference: z.string(),
  amountFen: fenString,
  govFen: fenString,
  bankFen: fenString,
  insurerFen: fenString,
  fundTransactionId: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: instantJson,
});

export const settledLossCaseJson = lossCaseJson
  .extend({
    status: z.enum(['ALLOCATED', 'PAID', 'CLOSED']),
    bankConfirmation: shareConfirmationJson.nullable(),
    insurerConfirmation: shareConfirmationJson.nullable(),
    compensation: z
      .object({
        fundTransactionId: z.string().nullable(),
        amountFen: fenString,
        fundBalanceAfterFen: fenString,
        approvedBy: z.string(),
        paidAt: instantJson,
      })
      .nullable(),
    recoveries: z.array(lossRecoveryJson),
    recoveriesFen: fenString,
    closeReason: z.string().nullable(),
    history: z.array(z.object({ step: z.string(), actorId: z.string(), role: z.string(), at: instantJson })),
  })
  .meta({ description: '损失 case through settlement: confirmations, the fund’s payout, recoveries, every step.' });

export const lossRecoveredJson = z.object({ lossCase: settledLossCaseJson, recovery: lossRecoveryJson });

export const claimPayoutJson = z
  .object({
    id: z.string(),
    insurerId: z.string(),
    claimNo: z.string(),
    policyNo: z.string(),
    householdId: z.string(),
    amountFen: fenString,
    payeeType: z.string(),
    bankCardNoMasked: z.string().meta({ description: 'last four digits only' }),
    paidAt: instantJson,
    recordedBy: z.string(),
    recordedAt: instantJson,
  })
  .meta({ description: '理赔款发放 — a claim paid to the household’s bank card, the card masked.' });
