import type { CreditPort } from '../clients/credit.grpc';
import type { Route } from '../http/route';
import { parseInput } from '../http/validate';
import { auditRecordToJson, present } from './common.mapper';
import { idParams } from './common.schema';
import { creditGeographyRoutes } from './credit-geography';
import { creditProcedureRoutes } from './credit-procedure';
import { creditRiskRoutes } from './credit-risk';
import { creditSubsidyRoutes } from './credit-subsidy';
import {
  creditLineToJson,
  householdToJson,
  noticeToJson,
  ratingToJson,
  toDecideCreditRequest,
  toRateHouseholdRequest,
  toRegisterHouseholdRequest,
} from './credit.mapper';
import {
  decideCreditBody,
  drawLoanBody,
  fileObjectionBody,
  objectionParams,
  openNoticeBody,
  rateHouseholdBody,
  registerHouseholdBody,
  repayLoanBody,
  resolveObjectionBody,
} from './credit.schema';

/** 金融扶贫 — households, ratings, public notices and loans, served by the credit service. */
export function creditRoutes(credit: CreditPort): Route[] {
  return [
    {
      method: 'post',
      path: '/v1/credit/households',
      async handle({ body }, { call, idempotencyKey }) {
        const input = parseInput(registerHouseholdBody, body);
        const res = await credit.registerHousehold(toRegisterHouseholdRequest(input, idempotencyKey), call);
        const h = householdToJson(present(res.household, 'household'));
        return { status: 201, body: h, location: `/v1/credit/households/${encodeURIComponent(h.id)}` };
      },
    },
    {
      method: 'get',
      path: '/v1/credit/households/:id',
      async handle({ params }, { call }) {
        const { id } = parseInput(idParams, params);
        const res = await credit.getHousehold({ id }, call);
        return {
          status: 200,
          body: {
            household: householdToJson(present(res.household, 'household')),
            audit: res.audit.map(auditRecordToJson),
          },
        };
      },
    },
    {
      method: 'post',
      path: '/v1/credit/households/:id/ratings',
      async handle({ params, body }, { call, idempotencyKey }) {
        const { id } = parseInput(idParams, params);
        const input = parseInput(rateHouseholdBody, body);
        const res = await credit.rateHousehold(toRateHouseholdRequest(id, input, idempotencyKey), call);
        return { status: 201, body: ratingToJson(present(res.rating, 'rating')) };
      },
    },
    {
      method: 'get',
      path: '/v1/credit/households/:id/credit-line',
      async handle({ params }, { call }) {
        const { id } = parseInput(idParams, params);
        const res = await credit.getCreditLine({ householdId: id }, call);
        return { status: 200, body: creditLineToJson(present(res.creditLine, 'creditLine')) };
      },
    },
    {
      method: 'post',
      path: '/v1/credit/notices',
      async handle({ body }, { call, idempotencyKey }) {
        const input = parseInput(openNoticeBody, body);
        const res = await credit.openNotice({ idempotencyKey, ...input }, call);
        return { status: 201, body: noticeToJson(present(res.notice, 'notice')) };
      },
    },
    {
      method: 'post',
      path: '/v1/credit/notices/:id/objections',
      async handle({ params, body }, { call, idempotencyKey }) {
        const { id } = parseInput(idParams, params);
        const input = parseInput(fileObjectionBody, body);
        const res = await credit.fileObjection({ idempotencyKey, noticeId: id, ...input }, call);
        return { status: 201, body: noticeToJson(present(res.notice, 'notice')) };
      },
    },
    {
      method: 'post',
      path: '/v1/credit/notices/:id/objections/:objectionId/resolution',
      async handle({ params, body }, { call, idempotencyKey }) {
        const { id, objectionId } = parseInput(objectionParams, params);
        const input = parseInput(resolveObjectionBody, body);
        const res = await credit.resolveObjection(
          { idempotencyKey, noticeId: id, objectionId, ...input, consequence: input.consequence ?? '' },
          call,
        );
        return { status: 200, body: noticeToJson(present(res.notice, 'notice')) };
      },
    },
    {
      method: 'post',
      path: '/v1/credit/notices/:id/close',
      async handle({ params }, { call, idempotencyKey }) {
        const { id } = parseInput(idParams, params);
        const res = await credit.closeNotice({ idempotencyKey, noticeId: id }, call);
        return { status: 200, body: noticeToJson(present(res.notice, 'notice')) };
      },
    },
    {
      method: 'post',
      path: '/v1/credit/notices/:id/decisions',
      async handle({ params, body }, { call, idempotencyKey }) {
        const { id } = parseInput(idParams, params);
        const input = parseInput(decideCreditBody, body);
        const res = await credit.decideCredit(toDecideCreditRequest(id, input, idempotencyKey), call);
        return {
          status: 201,
          body: { outcome: res.outcome, creditLine: res.creditLine ? creditLineToJson(res.creditLine) : null },
        };
      },
    },
    {
      method: 'post',
      path: '/v1/credit/credit-lines/:id/repayments',
      async handle({ params, body }, { call, idempotencyKey }) {
        const { id } = parseInput(idParams, params);
        const input = parseInput(repayLoanBody, body);
        const res = await credit.repayLoan({ idempotencyKey, creditLineId: id, ...input }, call);
        return { status: 201, body: creditLineToJson(present(res.creditLine, 'creditLine')) };
      },
    },
    {
      method: 'post',
      path: '/v1/credit/credit-lines/:id/loans',
      async handle({ params, body }, { call, idempotencyKey }) {
        const { id } = parseInput(idParams, params);
        const input = parseInput(drawLoanBody, body);
        const res = await credit.drawLoan({ idempotencyKey, creditLineId: id, ...input }, call);
        return {
          status: 201,
          body: { loanId: res.loanId, creditLine: creditLineToJson(present(res.creditLine, 'creditLine')) },
        };
      },
    },
    ...creditProcedureRoutes(credit),
    ...creditRiskRoutes(credit),
    ...creditSubsidyRoutes(credit),
    ...creditGeographyRoutes(credit),
  ];
}
