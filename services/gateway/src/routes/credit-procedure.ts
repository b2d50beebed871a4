import type { CreditPort } from '../clients/credit.grpc';
import type { Route } from '../http/route';
import { parseInput } from '../http/validate';
import { present } from './common.mapper';
import { idParams } from './common.schema';
import { noticeToJson } from './credit.mapper';
import { applicationToJson, toReviewApplicationsRequest, toSubmitApplicationRequest } from './credit-procedure.mapper';
import {
  assessVillageBody,
  openGradeNoticeBody,
  reviewApplicationsBody,
  screenHouseholdBody,
  submitApplicationBody,
} from './credit-procedure.schema';

/**
 * 金融扶贫 rating procedure (spec credit §4, §5): application, villager-group review, screening, the village
 * assessment with its notice, and the township's grade notice.
 */
export function creditProcedureRoutes(credit: CreditPort): Route[] {
  return [
    {
      method: 'post',
      path: '/v1/credit/applications',
      async handle({ body }, { call, idempotencyKey }) {
        const input = parseInput(submitApplicationBody, body);
        const res = await credit.submitApplication(toSubmitApplicationRequest(input, idempotencyKey), call);
        const a = applicationToJson(present(res.application, 'application'));
        return { status: 201, body: a, location: `/v1/credit/applications/${encodeURIComponent(a.id)}` };
      },
    },
    {
      method: 'get',
      path: '/v1/credit/applications/:id',
      async handle({ params }, { call }) {
        const { id } = parseInput(idParams, params);
        const res = await credit.getApplication({ id }, call);
        return { status: 200, body: applicationToJson(present(res.application, 'application')) };
      },
    },
    {
      method: 'get',
      path: '/v1/credit/households/:id/applications',
      async handle({ params }, { call }) {
        const { id } = parseInput(idParams, params);
        const res = await credit.listHouseholdApplications({ householdId: id }, call);
        return { status: 200, body: { applications: res.applications.map(applicationToJson) } };
      },
    },
    {
      method: 'post',
      path: '/v1/credit/villager-groups/:id/reviews',
      async handle({ params, body }, { call, idempotencyKey }) {
        const { id } = parseInput(idParams, params);
        const input = parseInput(reviewApplicationsBody, body);
        const res = await credit.reviewApplications(toReviewApplicationsRequest(id, input, idempotencyKey), call);
        return { status: 200, body: { applications: res.applications.map(applicationToJson) } };
      },
    },
    {
      method: 'post',
      path: '/v1/credit/villages/:id/assessments',
      async handle({ params, body }, { call, idempotencyKey }) {
        const { id } = parseInput(idParams, params);
        const input = parseInput(assessVillageBody, body);
        const res = await credit.assessVillage({ idempotencyKey, villageId: id, ...input }, call);
        return {
          status: 201,
          body: {
            notice: res.notice ? noticeToJson(res.notice) : null,
            applications: res.applications.map(applicationToJson),
            warnings: res.warnings,
          },
        };
      },
    },
    {
      method: 'post',
      path: '/v1/credit/notices/:id/grade-notices',
      async handle({ params, body }, { call, idempotencyKey }) {
        const { id } = parseInput(idParams, params);
        const input = parseInput(openGradeNoticeBody, body);
        const res = await credit.openGradeNotice({ idempotencyKey, sourceNoticeId: id, ...input }, call);
        return { status: 201, body: noticeToJson(present(res.notice, 'notice')) };
      },
    },
    {
      method: 'post',
      path: '/v1/credit/households/:id/screenings',
      async handle({ params, body }, { call, idempotencyKey }) {
        const { id } = parseInput(idParams, params);
        const input = parseInput(screenHouseholdBody, body);
        const res = await credit.screenHousehold({ idempotencyKey, householdId: id, ...input }, call);
        return { status: 201, body: res };
      },
    },
  ];
}
