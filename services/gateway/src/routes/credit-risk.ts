import type { CreditPort } from '../clients/credit.grpc';
import type { Route } from '../http/route';
import { parseInput } from '../http/validate';
import { present } from './common.mapper';
import { idParams } from './common.schema';
import { breakerToJson, entityToJson, toLiftBreakerRequest, toRegisterEntityRequest } from './credit-risk.mapper';
import {
  accrueSubsidyBody,
  allocateLossBody,
  contributionBody,
  entityLoanBody,
  evaluateBreakersBody,
  evaluateHonorsBody,
  liftBreakerBody,
  registerEntityBody,
} from './credit-risk.schema';

/** 金融扶贫 risk and support: entities, circuit breakers, loss sharing, titles, subsidy (spec credit §3.3, §12-16). */
export function creditRiskRoutes(credit: CreditPort): Route[] {
  const entityResult = (res: { entity?: Parameters<typeof entityToJson>[0] }) => ({
    status: 201,
    body: entityToJson(present(res.entity, 'entity')),
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
        const res = await credit.allocateLoss({ idempotencyKey, ...input }, call);
        return { status: 201, body: present(res.lossCase, 'lossCase') };
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
        return { status: 201, body: present(res.period, 'period') };
      },
    },
  ];
}
