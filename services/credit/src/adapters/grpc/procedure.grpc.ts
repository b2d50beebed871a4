import type { creditV1 } from '@gov/contracts';
import type { Handlers } from '@gov/platform';
import { CreditError } from '../../domain/credit-error';
import type { CreditService } from '../../wiring';
import { idempotent } from './idempotent';
import { toChannel, toGroupReview, toProtoApplication, toProtoScreening, toScreeningChecks } from './procedure.mapper';

type H = Handlers<typeof creditV1.CreditServiceService>;

/** The rating procedure before the score (spec credit §4, §5): application, group review, screening. */
export function procedureGrpcHandlers(
  c: CreditService,
): Pick<H, 'submitApplication' | 'getApplication' | 'reviewApplications' | 'screenHousehold'> {
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
    async getApplication(req) {
      return { application: await read(req.id) };
    },
    async reviewApplications(req, ctx) {
      const review = toGroupReview(req);
      const ids = await idempotent(c.idempotency, 'reviewApplications', req, ctx.actor, async () =>
        (await c.applications.review(review, ctx.actor)).map((a) => a.id),
      );
      return { applications: await Promise.all(ids.map(read)) };
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
