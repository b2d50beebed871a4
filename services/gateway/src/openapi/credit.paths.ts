import type { z } from 'zod';
import * as g from '../routes/credit-geography.schema';
import * as p from '../routes/credit-procedure.schema';
import * as r from '../routes/credit-risk.schema';
import * as s from '../routes/credit.schema';
import { jsonBody, parameterRef, problems, requestIdHeader } from './common';

const mutating = [parameterRef('IdempotencyKey'), parameterRef('RequestId')];
const created = (description: string, schema: string) => ({
  '201': { description, headers: requestIdHeader, content: jsonBody(schema) },
});

const ok = (description: string, schema: string) => ({
  '200': { description, headers: requestIdHeader, content: jsonBody(schema) },
});
const command = (
  operationId: string,
  summary: string,
  request: string,
  response: Record<string, unknown>,
  statuses: string[],
  withId = true,
) => ({
  post: {
    operationId,
    tags: ['credit'],
    summary,
    parameters: withId ? [parameterRef('Id'), ...mutating] : mutating,
    requestBody: { required: true, content: jsonBody(request) },
    responses: { ...response, ...problems(...statuses) },
  },
});

/** PUT of a unit's new state (every mutable field given). */
const replace = (operationId: string, summary: string, request: string, schema: string) => ({
  put: {
    operationId,
    tags: ['credit'],
    summary,
    parameters: [parameterRef('Id'), ...mutating],
    requestBody: { required: true, content: jsonBody(request) },
    responses: { ...ok('The unit as stored now', schema), ...problems('403', '404') },
  },
});
const list = (operationId: string, summary: string, schema: string) => ({
  get: {
    operationId,
    tags: ['credit'],
    summary,
    parameters: [parameterRef('Id'), parameterRef('RequestId')],
    responses: { ...ok('By id', schema), ...problems('403', '404') },
  },
});

export const creditPaths = {
  '/v1/credit/households': {
    post: {
      operationId: 'registerCreditHousehold',
      tags: ['credit'],
      summary: 'Register a household (农户); its identity number and phone are stored encrypted',
      parameters: mutating,
      requestBody: { required: true, content: jsonBody('RegisterHouseholdRequest') },
      responses: { ...created('The household, personal data masked by role', 'Household'), ...problems('403', '409') },
    },
  },
  '/v1/credit/households/{id}': {
    get: {
      operationId: 'getCreditHousehold',
      tags: ['credit'],
      summary: 'Read a household with its latest rating and audit trail; personal data masked by role',
      parameters: [parameterRef('Id'), parameterRef('RequestId')],
      responses: {
        '200': { description: 'The household', headers: requestIdHeader, content: jsonBody('HouseholdWithAudit') },
        ...problems('403', '404'),
      },
    },
  },
  '/v1/credit/households/{id}/ratings': {
    post: {
      operationId: 'rateCreditHousehold',
      tags: ['credit'],
      summary: 'Score a household under the active rule version, with an item-by-item explanation',
      parameters: [parameterRef('Id'), ...mutating],
      requestBody: { required: true, content: jsonBody('RateHouseholdRequest') },
      responses: { ...created('The score card', 'Rating'), ...problems('403', '404') },
    },
  },
  '/v1/credit/households/{id}/credit-line': {
    get: {
      operationId: 'getCreditLine',
      tags: ['credit'],
      summary: "Read a household's credit certificate and revolving line with its loans",
      parameters: [parameterRef('Id'), parameterRef('RequestId')],
      responses: {
        '200': { description: 'The credit line', headers: requestIdHeader, content: jsonBody('CreditLine') },
        ...problems('403', '404'),
      },
    },
  },
  '/v1/credit/notices': {
    post: {
      operationId: 'openCreditNotice',
      tags: ['credit'],
      summary: 'Open a village public notice (公示) of at least 7 days; identity numbers masked',
      parameters: mutating,
      requestBody: { required: true, content: jsonBody('OpenNoticeRequest') },
      responses: { ...created('The notice', 'Notice'), ...problems('403', '404', '409') },
    },
  },
  '/v1/credit/notices/{id}/objections': {
    post: {
      operationId: 'fileCreditObjection',
      tags: ['credit'],
      summary: 'File an objection against one household while the notice is open; it holds only that household',
      parameters: [parameterRef('Id'), ...mutating],
      requestBody: { required: true, content: jsonBody('FileObjectionRequest') },
      responses: { ...created('The notice with the objection', 'Notice'), ...problems('403', '404', '409') },
    },
  },
  '/v1/credit/notices/{id}/objections/{objectionId}/resolution': {
    post: {
      operationId: 'resolveCreditObjection',
      tags: ['credit'],
      summary: 'Resolve an objection: DISMISSED releases the household, UPHELD keeps it off the certificate list',
      parameters: [
        parameterRef('Id'),
        { name: 'objectionId', in: 'path', required: true, schema: { type: 'string', maxLength: 128 } },
        ...mutating,
      ],
      requestBody: { required: true, content: jsonBody('ResolveObjectionRequest') },
      responses: {
        '200': {
          description: 'The notice after the resolution',
          headers: requestIdHeader,
          content: jsonBody('Notice'),
        },
        ...problems('403', '404', '409'),
      },
    },
  },
  '/v1/credit/notices/{id}/close': {
    post: {
      operationId: 'closeCreditNotice',
      tags: ['credit'],
      summary: 'Close a notice at or after its end; households with an open objection are held',
      parameters: [parameterRef('Id'), ...mutating],
      responses: {
        '200': { description: 'The closed notice', headers: requestIdHeader, content: jsonBody('Notice') },
        ...problems('403', '404', '409'),
      },
    },
  },
  '/v1/credit/notices/{id}/decisions': {
    post: {
      operationId: 'decideCredit',
      tags: ['credit'],
      summary:
        "The bank's credit decision: certificate and revolving line, or a rejection with reason, cause and evidence",
      parameters: [parameterRef('Id'), ...mutating],
      requestBody: { required: true, content: jsonBody('DecideCreditRequest') },
      responses: { ...created('The decision', 'CreditDecision'), ...problems('403', '404', '409') },
    },
  },
  '/v1/credit/credit-lines/{id}/repayments': {
    post: {
      operationId: 'repayCreditLoan',
      tags: ['credit'],
      summary: 'Record a principal repayment; the line revolves',
      parameters: [parameterRef('Id'), ...mutating],
      requestBody: { required: true, content: jsonBody('RepayLoanRequest') },
      responses: { ...created('The line after the repayment', 'CreditLine'), ...problems('403', '404', '409') },
    },
  },
  '/v1/credit/credit-lines/{id}/loans': {
    post: {
      operationId: 'drawCreditLoan',
      tags: ['credit'],
      summary: 'Draw a loan on an active line within its available limit (term ≤ 36 months)',
      parameters: [parameterRef('Id'), ...mutating],
      requestBody: { required: true, content: jsonBody('DrawLoanRequest') },
      responses: {
        ...created('The loan id and the line after the draw', 'LoanDrawn'),
        ...problems('403', '404', '409'),
      },
    },
  },
  '/v1/credit/applications': command(
    'submitCreditApplication',
    'A household applies for a rating (农户申请) through its villager group, the center or a bank branch',
    'SubmitApplicationRequest',
    created('The application, SUBMITTED', 'RatingApplication'),
    ['403', '404', '409'],
    false,
  ),
  '/v1/credit/applications/{id}': {
    get: {
      operationId: 'getCreditApplication',
      tags: ['credit'],
      summary: 'Read a rating application with its state history',
      parameters: [parameterRef('Id'), parameterRef('RequestId')],
      responses: { ...ok('The application', 'RatingApplication'), ...problems('403', '404') },
    },
  },
  '/v1/credit/households/{id}/applications': {
    get: {
      operationId: 'listCreditHouseholdApplications',
      tags: ['credit'],
      summary: 'A household’s rating applications, newest first; a household’s own login reads only its own',
      parameters: [parameterRef('Id'), parameterRef('RequestId')],
      responses: { ...ok('The applications', 'ApplicationList'), ...problems('403', '404') },
    },
  },
  '/v1/credit/villager-groups/{id}/reviews': command(
    'reviewCreditApplications',
    '小组评议: approve or reject the group’s applications; needs one representative per 5 households',
    'ReviewApplicationsRequest',
    ok('The reviewed applications', 'ApplicationReview'),
    ['403', '404', '409'],
  ),
  '/v1/credit/villages/{id}/assessments': command(
    'assessCreditVillage',
    '村级评定: the village meeting fixes the credit-household list from scored applications and posts the village notice (≥ 7 days)',
    'AssessVillageRequest',
    created('The assessed applications and the village notice', 'VillageAssessment'),
    ['403', '404', '409'],
  ),
  '/v1/credit/notices/{id}/grade-notices': command(
    'openCreditGradeNotice',
    '等级公示: the township posts the grades and limits the bank approved on a closed village notice',
    'OpenGradeNoticeRequest',
    created('The grade notice', 'Notice'),
    ['403', '404', '409'],
  ),
  '/v1/credit/households/{id}/screenings': command(
    'screenCreditHousehold',
    '对象筛选: record the twelve screening conditions, each with its evidence',
    'ScreenHouseholdRequest',
    created('The screening result', 'Screening'),
    ['403', '404'],
  ),
  '/v1/credit/entities': command(
    'registerCreditEntity',
    'Register a poverty-driving entity (带贫经营主体); one per registration number',
    'RegisterEntityRequest',
    created('The entity', 'CreditEntity'),
    ['403'],
    false,
  ),
  '/v1/credit/entities/{id}/contributions': command(
    'recordMutualFundContribution',
    'Record a payment into the entity’s mutual guarantee fund (互助担保基金); once per receipt',
    'ContributionRequest',
    created('The entity after the payment', 'CreditEntity'),
    ['403', '404'],
  ),
  '/v1/credit/entities/{id}/loans': command(
    'reportCreditEntityLoan',
    'Report a loan to an entity: term ≤ 36 months, rate ≤ benchmark + 10%, 10% in the mutual fund',
    'EntityLoanRequest',
    created('The entity with the loan', 'CreditEntity'),
    ['403', '404', '409'],
  ),
  '/v1/credit/townships/{id}/breaker-evaluations': command(
    'evaluateCreditBreakers',
    '熔断: freeze villages above 3% NPL; suspend the township when 30% of its registered villages are',
    'EvaluateBreakersRequest',
    ok('The evaluation', 'BreakerEvaluation'),
    ['403'],
  ),
  '/v1/credit/breakers/{id}/lift': command(
    'liftCreditBreaker',
    'Lift a tripped village or township breaker once its NPL is back within the threshold (LG office)',
    'LiftBreakerRequest',
    ok('The breaker after lifting', 'CreditBreaker'),
    ['403', '409'],
  ),
  '/v1/credit/loss-cases': command(
    'allocateCreditLoss',
    '风险共担: split the loss of a non-performing loan 30/20/50 (gov / bank / insurer) to the fen',
    'AllocateLossRequest',
    created('The loss case', 'LossCase'),
    ['403', '404', '409'],
    false,
  ),
  '/v1/credit/loss-cases/{id}': {
    get: {
      operationId: 'getCreditLossCase',
      tags: ['credit'],
      summary: 'Read a loss case with its confirmations, fund payout, recoveries and every step',
      parameters: [parameterRef('Id'), parameterRef('RequestId')],
      responses: { ...ok('The loss case', 'LossCase'), ...problems('404') },
    },
  },
  '/v1/credit/loss-cases/{id}/confirmations': command(
    'confirmCreditLossShare',
    'The bank or the insurer confirms its share of a loss case, to the fen (R15.4)',
    'ConfirmLossShareRequest',
    ok('The loss case with the confirmation', 'LossCase'),
    ['403', '404', '409'],
  ),
  '/v1/credit/loss-cases/{id}/compensation': {
    post: {
      operationId: 'payCreditLossCompensation',
      tags: ['credit'],
      summary:
        'Pay the government share of a loss case out of the risk compensation fund, once bank and insurer confirmed',
      parameters: [parameterRef('Id'), ...mutating],
      responses: { ...ok('The loss case, PAID', 'LossCase'), ...problems('403', '404', '409') },
    },
  },
  '/v1/credit/loss-cases/{id}/recoveries': command(
    'recordCreditLossRecovery',
    'Record money recovered on a paid loss case, split back to government, bank and insurer to the fen',
    'LossRecoveryRequest',
    created('The recovery and the loss case after it', 'LossRecovered'),
    ['403', '404', '409'],
  ),
  '/v1/credit/loss-cases/{id}/close': command(
    'closeCreditLossCase',
    'End recovery work on a paid loss case, with the reason',
    'CloseLossCaseRequest',
    ok('The closed loss case', 'LossCase'),
    ['403', '404', '409'],
  ),
  '/v1/credit/risk-fund': {
    get: {
      operationId: 'getCreditRiskFund',
      tags: ['credit'],
      summary: '风险补偿资金池: the balance re-derived from the whole ledger, and the 10× lending ceiling',
      parameters: [parameterRef('RequestId')],
      responses: { ...ok('The fund', 'RiskFund'), ...problems() },
    },
  },
  '/v1/credit/risk-fund/transactions': command(
    'recordCreditFundTransaction',
    'Record capital paid in, interest earned or a correction on the fund’s append-only ledger, once per key',
    'FundTransactionRequest',
    created('The ledger entry', 'RiskFundTransaction'),
    ['403', '409'],
    false,
  ),
  '/v1/credit/claim-payouts': command(
    'recordCreditClaimPayout',
    '赔款到户: record an insurance claim paid to the household’s bank card; the card is answered masked only',
    'ClaimPayoutRequest',
    created('The payout, card masked', 'ClaimPayout'),
    ['403', '404', '409'],
    false,
  ),
  '/v1/credit/townships/{id}/honor-evaluations': command(
    'evaluateCreditHonors',
    '信用村 / 信用乡 for a year: units whose NPL ratio does not exceed 3%',
    'EvaluateHonorsRequest',
    ok('The villages and township awarded', 'HonorEvaluation'),
    ['403'],
  ),
  '/v1/credit/credit-lines/{id}/subsidies': command(
    'accrueCreditSubsidy',
    '贴息: accrue one statement period of a loan’s interest subsidy, capped at the interest paid',
    'AccrueSubsidyRequest',
    created('The subsidy period', 'SubsidyPeriod'),
    ['403', '404', '409'],
  ),
  '/v1/credit/entities/{id}/repayments': command(
    'reportCreditEntityRepayment',
    'The bank reports principal repaid on an entity loan; the 3% subsidy follows the daily balance (R12.3)',
    'EntityRepaymentRequest',
    ok('The entity with its loans', 'CreditEntity'),
    ['403', '404', '409'],
  ),
  '/v1/credit/entities/{id}/subsidies': command(
    'accrueCreditEntitySubsidy',
    '贴息 for an entity loan: 3% a year on the daily balance, actual/360, capped at the interest paid (R12.3)',
    'AccrueSubsidyRequest',
    created('The subsidy period', 'SubsidyPeriod'),
    ['403', '404', '409'],
  ),
  '/v1/credit/subsidy-payments/late': {
    get: {
      operationId: 'listLateCreditSubsidyPayments',
      tags: ['credit'],
      summary: 'Subsidy payments still unpaid after the SLA (30 days from the statement’s acceptance, R12.4)',
      parameters: [parameterRef('RequestId')],
      responses: { ...ok('Oldest due first', 'LateSubsidyPayments'), ...problems('403') },
    },
  },
  '/v1/credit/subsidy-payments/{id}': {
    get: {
      operationId: 'getCreditSubsidyPayment',
      tags: ['credit'],
      summary: 'Read one subsidy payment (贴息拨付)',
      parameters: [parameterRef('Id'), parameterRef('RequestId')],
      responses: { ...ok('The payment', 'SubsidyPayment'), ...problems('403', '404') },
    },
  },
  '/v1/credit/subsidy-payments/{id}/approval': command(
    'approveCreditSubsidyPayment',
    'The service center verifies an accrued subsidy period and approves its payment to the configured payee (R12.4)',
    'ApproveSubsidyPaymentRequest',
    ok('The approved payment', 'SubsidyPayment'),
    ['403', '404'],
  ),
  '/v1/credit/subsidy-payments/{id}/payment': command(
    'markCreditSubsidyPaymentPaid',
    'Record the transfer of an approved subsidy payment; publishes credit.subsidy.disbursed (R12.4, R12.5)',
    'MarkSubsidyPaidRequest',
    ok('The paid payment', 'SubsidyPayment'),
    ['403', '404', '409'],
  ),
  '/v1/credit/townships': command(
    'registerCreditTownship',
    'Register a township or agri street (乡 / 涉农街道) under its own code (LG office, center); the same again is a no-op',
    'RegisterTownshipRequest',
    created('The township', 'CreditTownship'),
    ['403', '409'],
    false,
  ),
  '/v1/credit/townships/{id}': replace(
    'updateCreditTownship',
    'Correct a township’s district, name or type',
    'UpdateTownshipRequest',
    'CreditTownship',
  ),
  '/v1/credit/townships/{id}/villages': list(
    'listCreditVillages',
    'The registered villages of a township within the caller’s jurisdiction (§2.4); the breaker counts all (§13.4)',
    'CreditVillageList',
  ),
  '/v1/credit/villages': command(
    'registerCreditVillage',
    'Register an administrative village (行政村) of a registered township (TOWNSHIP_UNKNOWN otherwise)',
    'RegisterVillageRequest',
    created('The village', 'CreditVillage'),
    ['403', '404', '409'],
    false,
  ),
  '/v1/credit/villages/{id}': replace(
    'updateCreditVillage',
    'Rename a village or change its 贫困村 flag; its township never changes',
    'UpdateVillageRequest',
    'CreditVillage',
  ),
  '/v1/credit/villages/{id}/villager-groups': list(
    'listCreditVillagerGroups',
    'The registered villager groups of a village; none when it is outside the caller’s jurisdiction (§2.4)',
    'CreditVillagerGroupList',
  ),
  '/v1/credit/villager-groups': command(
    'registerCreditVillagerGroup',
    'Register a villager group (村民小组) of a registered village (VILLAGE_UNKNOWN otherwise)',
    'RegisterVillagerGroupRequest',
    created('The villager group', 'CreditVillagerGroup'),
    ['403', '404', '409'],
    false,
  ),
  '/v1/credit/villager-groups/{id}': replace(
    'updateCreditVillagerGroup',
    'Rename a villager group; its village never changes',
    'UpdateVillagerGroupRequest',
    'CreditVillagerGroup',
  ),
  '/v1/credit/credit-lines/{id}/upgrade-confirmation': command(
    'confirmCreditUpgrade',
    'The bank confirms the higher grade a re-score reached; grade and limit rise only now (R16.2, R17.3)',
    'ConfirmUpgradeRequest',
    ok('The credit line', 'CreditLine'),
    ['403', '404', '409'],
  ),
};

/** The credit component schemas, added to the gateway's two registries (requests as input, responses as output). */
export function registerCreditSchemas(
  requests: { add(schema: z.ZodType, meta: { id: string }): unknown },
  responses: { add(schema: z.ZodType, meta: { id: string }): unknown },
): void {
  requests.add(s.registerHouseholdBody, { id: 'RegisterHouseholdRequest' });
  requests.add(s.rateHouseholdBody, { id: 'RateHouseholdRequest' });
  requests.add(s.openNoticeBody, { id: 'OpenNoticeRequest' });
  requests.add(s.fileObjectionBody, { id: 'FileObjectionRequest' });
  requests.add(s.drawLoanBody, { id: 'DrawLoanRequest' });
  requests.add(s.decideCreditBody, { id: 'DecideCreditRequest' });
  requests.add(s.repayLoanBody, { id: 'RepayLoanRequest' });
  requests.add(s.resolveObjectionBody, { id: 'ResolveObjectionRequest' });
  responses.add(s.ratingJson, { id: 'Rating' });
  responses.add(s.householdJson, { id: 'Household' });
  responses.add(s.householdWithAuditJson, { id: 'HouseholdWithAudit' });
  responses.add(s.noticeJson, { id: 'Notice' });
  responses.add(s.creditLineJson, { id: 'CreditLine' });
  responses.add(s.loanDrawnJson, { id: 'LoanDrawn' });
  responses.add(s.decisionJson, { id: 'CreditDecision' });
  requests.add(p.submitApplicationBody, { id: 'SubmitApplicationRequest' });
  requests.add(p.reviewApplicationsBody, { id: 'ReviewApplicationsRequest' });
  requests.add(p.screenHouseholdBody, { id: 'ScreenHouseholdRequest' });
  requests.add(p.assessVillageBody, { id: 'AssessVillageRequest' });
  requests.add(p.openGradeNoticeBody, { id: 'OpenGradeNoticeRequest' });
  responses.add(p.assessmentJson, { id: 'VillageAssessment' });
  requests.add(r.registerEntityBody, { id: 'RegisterEntityRequest' });
  requests.add(r.contributionBody, { id: 'ContributionRequest' });
  requests.add(r.entityLoanBody, { id: 'EntityLoanRequest' });
  requests.add(r.evaluateBreakersBody, { id: 'EvaluateBreakersRequest' });
  requests.add(r.liftBreakerBody, { id: 'LiftBreakerRequest' });
  requests.add(r.allocateLossBody, { id: 'AllocateLossRequest' });
  requests.add(r.evaluateHonorsBody, { id: 'EvaluateHonorsRequest' });
  requests.add(r.accrueSubsidyBody, { id: 'AccrueSubsidyRequest' });
  responses.add(p.applicationJson, { id: 'RatingApplication' });
  responses.add(p.reviewJson, { id: 'ApplicationReview' });
  responses.add(p.applicationListJson, { id: 'ApplicationList' });
  responses.add(p.screeningJson, { id: 'Screening' });
  responses.add(r.entityJson, { id: 'CreditEntity' });
  responses.add(r.breakerEvaluationJson, { id: 'BreakerEvaluation' });
  responses.add(r.breakerJson, { id: 'CreditBreaker' });
  requests.add(r.fundTransactionBody, { id: 'FundTransactionRequest' });
  requests.add(r.confirmLossShareBody, { id: 'ConfirmLossShareRequest' });
  requests.add(r.lossRecoveryBody, { id: 'LossRecoveryRequest' });
  requests.add(r.closeLossCaseBody, { id: 'CloseLossCaseRequest' });
  requests.add(r.claimPayoutBody, { id: 'ClaimPayoutRequest' });
  responses.add(r.settledLossCaseJson, { id: 'LossCase' });
  responses.add(r.lossRecoveredJson, { id: 'LossRecovered' });
  responses.add(r.fundTransactionJson, { id: 'RiskFundTransaction' });
  responses.add(r.riskFundJson, { id: 'RiskFund' });
  responses.add(r.claimPayoutJson, { id: 'ClaimPayout' });
  responses.add(r.honorsJson, { id: 'HonorEvaluation' });
  responses.add(r.subsidyPeriodJson, { id: 'SubsidyPeriod' });
  requests.add(r.entityRepaymentBody, { id: 'EntityRepaymentRequest' });
  requests.add(r.approveSubsidyPaymentBody, { id: 'ApproveSubsidyPaymentRequest' });
  requests.add(r.markSubsidyPaidBody, { id: 'MarkSubsidyPaidRequest' });
  requests.add(r.confirmUpgradeBody, { id: 'ConfirmUpgradeRequest' });
  responses.add(r.subsidyPaymentJson, { id: 'SubsidyPayment' });
  responses.add(r.lateSubsidyPaymentsJson, { id: 'LateSubsidyPayments' });
  requests.add(g.registerTownshipBody, { id: 'RegisterTownshipRequest' });
  requests.add(g.updateTownshipBody, { id: 'UpdateTownshipRequest' });
  requests.add(g.registerVillageBody, { id: 'RegisterVillageRequest' });
  requests.add(g.updateVillageBody, { id: 'UpdateVillageRequest' });
  requests.add(g.registerVillagerGroupBody, { id: 'RegisterVillagerGroupRequest' });
  requests.add(g.updateVillagerGroupBody, { id: 'UpdateVillagerGroupRequest' });
  responses.add(g.townshipJson, { id: 'CreditTownship' });
  responses.add(g.villageJson, { id: 'CreditVillage' });
  responses.add(g.villagerGroupJson, { id: 'CreditVillagerGroup' });
  responses.add(g.villageListJson, { id: 'CreditVillageList' });
  responses.add(g.villagerGroupListJson, { id: 'CreditVillagerGroupList' });
}
