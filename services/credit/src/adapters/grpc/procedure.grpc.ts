import type { creditV1 } from '@gov/contracts';
import type { Handlers } from '@gov/platform';
import { CreditError } from '../../domain/credit-error';
import type { CreditService } from '../../wiring';
import { idempotent } from './idempotent';
import { toInstant, toProtoNotice } from './credit.mapper';
import {
  toChannel,
  toGroupReview,
  toProtoApplication,
  toProtoScreening,
  toScreeningChecks,
  toVillageAssessment,
} from './procedure.mapper';

type H = Handlers<typeof creditV1.CreditServiceService>;

/**
 * The rating procedure (spec credit §4, §5): application, group review, screening, the village assessment with
 * its notice, and the township's grade notice.
 */
export function procedureGrpcHandlers(
  c: CreditService,
): Pick<
  H,
  | 'submitApplication'
  | 'getApplication'
  | 'listHouseholdApplications'
  | 'reviewApplications'
  | 'screenHousehold'
  | 'assessVillage'
  | 'openGradeNotice'
> {
  const read = async (id: string) => {
    const a = await c.repositories.applications.get(id);
    if (!a) throw new CreditError('APPLICATION_NOT_FOUND', `application ${id} does not exist`);
    return toProtoApplication(a.value);
  };
  return {
    async submitApplication(req, ctx) {
      const a = await c.applications.submit(
        { idempotencyKey: req.idempotencyKey, householdId: req.householdId, channel: toChannel(req.channel) },
        ctx.actor,
      );
      return { application: toProtoApplication(a) };
    },
    async getApplication(req, ctx) {
      return { application: toProtoApplication(await c.applications.get(req.id, ctx.actor)) };
    },
    async listHouseholdApplications(req, ctx) {
      const list = await c.applications.listByHousehold(req.householdId, ctx.actor);
      return { applications: list.map(toProtoApplication) };
    },
    async reviewApplications(req, ctx) {
      const review = toGroupReview(req);
      const ids = await idempotent(c.idempotency, 'reviewApplications', req, ctx.actor, async () =>
        (await c.applications.review(review, ctx.actor)).map((a) => a.id),
      );
      return { applications: await Promise.all(ids.map(read)) };
    },
    async assessVillage(req, ctx) {
      const input = {
        ...toVillageAssessment(req),
        notice: {
          startAt: toInstant('start_at', req.startAt),
          endAt: toInstant('end_at', req.endAt),
          postedLocation: req.postedLocation,
        },
      };
      const res = await c.procedure.assess({ idempotencyKey: req.idempotencyKey, input }, ctx.actor);
      const notice = res.noticeId ? await c.notices.getNotice(res.noticeId) : undefined;
      return {
        notice: notice && toProtoNotice(notice),
        applications: await Promise.all(req.decisions.map((d) => read(d.applicationId))),
        warnings: res.warnings,
      };
    },
    async openGradeNotice(req, ctx) {
      const notice = await c.procedure.openGradeNotice(
        {
          idempotencyKey: req.idempotencyKey,
          sourceNoticeId: req.sourceNoticeId,
          window: {
            startAt: toInstant('start_at', req.startAt),
            endAt: toInstant('end_at', req.endAt),
            postedLocation: req.postedLocation,
          },
        },
        ctx.actor,
      );
      return { notice: toProtoNotice(notice) };
    },
    async screenHousehold(req, ctx) {
      const result = await c.screenHousehold(
        { idempotencyKey: req.idempotencyKey, householdId: req.householdId, checks: toScreeningChecks(req.checks) },
        ctx.actor,
      );
      return toProtoScreening(result);
    },
  };
}
