import type { CreditPort } from '../clients/credit.grpc';
import type { Route } from '../http/route';
import { parseInput } from '../http/validate';
import { present } from './common.mapper';
import { idParams } from './common.schema';
import {
  breakerToJson,
  entityToJson,
  fundTransactionToJson,
  lossCaseToJson,
  lossRecoveredToJson,
  subsidyPeriodToJson,
  toConfirmLossShareRequest,
  toFundTransactionRequest,
  toLiftBreakerRequest,
  toRegisterEntityRequest,
} from './credit-risk.mapper';
import {
  accrueSubsidyBody,
  allocateLossBody,
  claimPayoutBody,
  closeLossCaseBody,
  confirmLossShareBody,
  contributionBody,
  entityLoanBody,
  evaluateBreakersBody,
  evaluateHonorsBody,
  fundTransactionBody,
  liftBreakerBody,
  lossRecoveryBody,
  registerEntityBody,
} from './credit-risk.schema';

/**
 * 金融扶贫 risk and support: entities, circuit breakers, loss sharing and its settlement, the risk fund, claim
 * payouts, titles, subsidy (spec credit §3.3, §12-16).
 */
export function creditRiskRoutes(credit: CreditPort): Route[] {
  const entityResult = (res: { entity?: Parameters<typeof entityToJson>[0] }) => ({
    status: 201,
    body: entityToJson(present(res.entity, 'entity')),
  });
  const lossCaseResult = (res: { lossCase?: Parameters<typeof lossCaseToJson>[0] }, status = 200) => ({
    status,
    body: lossCaseToJson(present(res.lossCase, 'lossCase')),
  });
  return [
    {
      method: 'post',
      path: '/v1/credit/entities',
      async handle({ body }, { call, idempotencyKey }) {
        const input = parseInput(registerEntityBody, body);
        return entityResult(await credit.registerEntity(toRegisterEntityRequest(input, idempotencyKey), call));
      },
    },
    {
      method: 'post',
      path: '/v1/credit/entities/:id/contributions',
      async handle({ params, body }, { call, idempotencyKey }) {
        const { id } = parseInput(idParams, params);
        const input = parseInput(contributionBody, body);
        return entityResult(await credit.recordContribution({ idempotencyKey, entityId: id, ...input }, call));
      },
    },
    {
      method: 'post',
      path: '/v1/credit/entities/:id/loans',
      async handle({ params, body }, { call, idempotencyKey }) {
        const { id } = parseInput(idParams, params);
        const input = parseInput(entityLoanBody, body);
        return entityResult(await credit.reportEntityLoan({ idempotencyKey, entityId: id, ...input }, call));
      },
    },
    {
      method: 'post',
      path: '/v1/credit/townships/:id/breaker-evaluations',
      async handle({ params, body }, { call, idempotencyKey }) {
        const { id } = parseInput(idParams, params);
        const input = parseInput(evaluateBreakersBody, body);
        const res = await credit.evaluateBreakers({ idempotencyKey, townshipId: id, ...input }, call);
        return { status: 200, body: res };
      },
    },
    {
      method: 'post',
      path: '/v1/credit/breakers/:id/lift',
      async handle({ params, body }, { call, idempotencyKey }) {
        const { id } = parseInput(idParams, params);
        const input = parseInput(liftBreakerBody, body);
        const res = await credit.liftBreaker(toLiftBreakerRequest(id, input, idempotencyKey), call);
        return { status: 200, body: breakerToJson(present(res.breaker, 'breaker')) };
      },
    },
    {
      method: 'post',
      path: '/v1/credit/loss-cases',
      async handle({ body }, { call, idempotencyKey }) {
        const input = parseInput(allocateLossBody, body);
        const res = lossCaseResult(await credit.allocateLoss({ idempotencyKey, ...input }, call), 201);
        return { ...res, location: `/v1/credit/loss-cases/${encodeURIComponent(res.body.id)}` };
      },
    },
    {
      method: 'get',
      path: '/v1/credit/loss-cases/:id',
      async handle({ params }, { call }) {
        const { id } = parseInput(idParams, params);
        return lossCaseResult(await credit.getLossCase({ id }, call));
      },
    },
    {
      method: 'post',
      path: '/v1/credit/loss-cases/:id/confirmations',
      async handle({ params, body }, { call, idempotencyKey }) {
        const { id } = parseInput(idParams, params);
        const input = parseInput(confirmLossShareBody, body);
        return lossCaseResult(
          await credit.confirmLossShare(toConfirmLossShareRequest(id, input, idempotencyKey), call),
        );
      },
    },
    {
      method: 'post',
      path: '/v1/credit/loss-cases/:id/compensation',
      async handle({ params }, { call, idempotencyKey }) {
        const { id } = parseInput(idParams, params);
        return lossCaseResult(await credit.payLossCompensation({ idempotencyKey, lossCaseId: id }, call));
      },
    },
    {
      method: 'post',
      path: '/v1/credit/loss-cases/:id/recoveries',
      async handle({ params, body }, { call, idempotencyKey }) {
        const { id } = parseInput(idParams, params);
        const input = parseInput(lossRecoveryBody, body);
        const res = await credit.recordLossRecovery({ idempotencyKey, lossCaseId: id, ...input }, call);
        return {
          status: 201,
          body: lossRecoveredToJson(present(res.lossCase, 'lossCase'), present(res.recovery, 'recovery')),
        };
      },
    },
    {
      method: 'post',
      path: '/v1/credit/loss-cases/:id/close',
      async handle({ params, body }, { call, idempotencyKey }) {
        const { id } = parseInput(idParams, params);
        const input = parseInput(closeLossCaseBody, body);
        return lossCaseResult(await credit.closeLossCase({ idempotencyKey, lossCaseId: id, ...input }, call));
      },
    },
    {
      method: 'post',
      path: '/v1/credit/risk-fund/transactions',
      async handle({ body }, { call, idempotencyKey }) {
        const input = parseInput(fundTransactionBody, body);
        const res = await credit.recordFundTransaction(toFundTransactionRequest(input, idempotencyKey), call);
        return { status: 201, body: fundTransactionToJson(present(res.transaction, 'transaction')) };
      },
    },
    {
      method: 'get',
      path: '/v1/credit/risk-fund',
      async handle(_input, { call }) {
        const res = await credit.getRiskFund({}, call);
        return { status: 200, body: present(res.fund, 'fund') };
      },
    },
    {
      method: 'post',
      path: '/v1/credit/claim-payouts',
      async handle({ body }, { call, idempotencyKey }) {
        const input = parseInput(claimPayoutBody, body);
        const res = await credit.recordClaimPayout({ idempotencyKey, ...input }, call);
        return { status: 201, body: present(res.payout, 'payout') };
      },
    },
    {
      method: 'post',
      path: '/v1/credit/townships/:id/honor-evaluations',
      async handle({ params, body }, { call, idempotencyKey }) {
        const { id } = parseInput(idParams, params);
        const input = parseInput(evaluateHonorsBody, body);
        const res = await credit.evaluateHonors({ idempotencyKey, townshipId: id, ...input }, call);
        return { status: 200, body: res };
      },
    },
    {
      method: 'post',
      path: '/v1/credit/credit-lines/:id/subsidies',
      async handle({ params, body }, { call, idempotencyKey }) {
        const { id } = parseInput(idParams, params);
        const input = parseInput(accrueSubsidyBody, body);
        const res = await credit.accrueSubsidy({ idempotencyKey, creditLineId: id, ...input }, call);
        return { status: 201, body: subsidyPeriodToJson(present(res.period, 'period')) };
      },
    },
  ];
}
