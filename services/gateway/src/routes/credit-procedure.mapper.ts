import { creditV1 } from '@gov/contracts';
import { reverse } from './common.mapper';
import type { ApplicationChannelName, ReviewApplicationsBody, SubmitApplicationBody } from './credit-procedure.schema';

const C = creditV1.ApplicationChannel;
export const channelToProto: Record<ApplicationChannelName, creditV1.ApplicationChannel> = {
  VILLAGER_GROUP: C.APPLICATION_CHANNEL_VILLAGER_GROUP,
  SERVICE_CENTER: C.APPLICATION_CHANNEL_SERVICE_CENTER,
  BANK_BRANCH: C.APPLICATION_CHANNEL_BANK_BRANCH,
};
const channelToJson = reverse(channelToProto);

export const toSubmitApplicationRequest = (b: SubmitApplicationBody, idempotencyKey: string) => ({
  idempotencyKey,
  householdId: b.householdId,
  channel: channelToProto[b.channel],
});

export const toReviewApplicationsRequest = (
  villagerGroupId: string,
  b: ReviewApplicationsBody,
  idempotencyKey: string,
) => ({ idempotencyKey, villagerGroupId, ...b });

export const applicationToJson = (a: creditV1.RatingApplication) => ({ ...a, channel: channelToJson(a.channel) });
