import type { dutyRostersV1 } from '@gov/contracts';
import type { Handlers } from '@gov/platform';
import type { createDraftHolidayRoster } from '../../app/holiday-roster';
import type { RosterReview } from '../../app/roster-review';
import type { RosterDraft } from '../../domain/roster-review';
import { toCreateDraft, toDraftHoliday, toProtoDraft, toReviseDraft } from './roster-review.mapper';

/** DutyRosterService over gRPC: map the request, run the use case, map the result. No rules here. */
export function rosterReviewGrpcHandlers(u: {
  review: RosterReview;
  draftHoliday: ReturnType<typeof createDraftHolidayRoster>;
}): Handlers<typeof dutyRostersV1.DutyRosterServiceService> {
  const out = (d: RosterDraft) => ({ draft: toProtoDraft(d) });
  return {
    createRosterDraft: async (req, ctx) => out(await u.review.create(toCreateDraft(req), ctx.actor)),
    reviseRosterDraft: async (req, ctx) => out(await u.review.revise(toReviseDraft(req), ctx.actor)),
    submitRosterDraft: async (req, ctx) => out(await u.review.submit(req, ctx.actor)),
    approveRosterDraft: async (req, ctx) => out(await u.review.approve(req, ctx.actor)),
    rejectRosterDraft: async (req, ctx) => out(await u.review.reject(req, ctx.actor)),
    publishRosterDraft: async (req, ctx) => out(await u.review.publish(req, ctx.actor)),
    getRosterDraft: async (req, ctx) => out(await u.review.get(req.id, ctx.actor)),
    draftHolidayRoster: async (req, ctx) => out(await u.draftHoliday(toDraftHoliday(req), ctx.actor)),
  };
}
