import { creditV1 } from '@gov/contracts';
import { ValidationError } from '@gov/platform/errors';
import type { Channel, RatingApplication } from '../../domain/rating-application';
import type { ScreeningCheck, ScreeningCode, ScreeningResult } from '../../domain/screening';

const C = creditV1.ApplicationChannel;
const channelOut: Record<Channel, creditV1.ApplicationChannel> = {
  VILLAGER_GROUP: C.APPLICATION_CHANNEL_VILLAGER_GROUP,
  SERVICE_CENTER: C.APPLICATION_CHANNEL_SERVICE_CENTER,
  BANK_BRANCH: C.APPLICATION_CHANNEL_BANK_BRANCH,
};
const channelIn: Record<number, Channel> = Object.fromEntries(
  Object.entries(channelOut).map(([k, v]) => [v, k as Channel]),
);

export function toChannel(v: creditV1.ApplicationChannel): Channel {
  const c = channelIn[v];
  if (!c) throw new ValidationError([{ field: 'channel', message: 'must be set' }]);
  return c;
}

const iso = (d: Date | string) => new Date(d).toISOString();

export const toProtoApplication = (a: RatingApplication): creditV1.RatingApplication => ({
  id: a.id,
  householdId: a.householdId,
  villagerGroupId: a.villagerGroupId,
  channel: channelOut[a.channel],
  state: a.state,
  priority: a.priority === 1,
  submittedAt: iso(a.submittedAt),
  history: a.history.map((h) => ({ fromState: h.from, toState: h.to, at: iso(h.at), reason: h.reason })),
  noticeId: a.noticeId ?? '',
});

const whole = (field: string, v: number) =>
  Number.isInteger(v) && v >= 0 ? [] : [{ field, message: 'a whole number' }];

/** 村级评定 input: the meeting's counts, one decision per application, the notice window. */
export function toVillageAssessment(r: creditV1.AssessVillageRequest) {
  const m = r.meeting;
  const v = [
    ...(r.villageId ? [] : [{ field: 'village_id', message: 'required' }]),
    ...(m ? [] : [{ field: 'meeting', message: 'required' }]),
    ...(m
      ? [
          ...whole('meeting.party_members', m.partyMembers),
          ...whole('meeting.party_reps', m.partyReps),
          ...(m.households > 0 ? [] : [{ field: 'meeting.households', message: 'a positive whole number' }]),
          ...whole('meeting.villager_reps', m.villagerReps),
        ]
      : []),
    ...(r.decisions.length > 0 ? [] : [{ field: 'decisions', message: 'at least one decision' }]),
    ...r.decisions.flatMap((d, i) =>
      d.applicationId ? [] : [{ field: `decisions[${i}].application_id`, message: 'required' }],
    ),
  ];
  if (v.length > 0) throw new ValidationError(v);
  return {
    villageId: r.villageId,
    meeting: {
      participantRoles: m!.participantRoles,
      partyMembers: m!.partyMembers,
      partyReps: m!.partyReps,
      households: m!.households,
      villagerReps: m!.villagerReps,
    },
    decisions: r.decisions.map((d) => ({ applicationId: d.applicationId, approve: d.approve, reason: d.reason })),
  };
}

/** 小组评议 input: the count must be a positive whole number; decisions name their application. */
export function toGroupReview(r: creditV1.ReviewApplicationsRequest) {
  const v = [
    ...(r.villagerGroupId ? [] : [{ field: 'villager_group_id', message: 'required' }]),
    ...(r.householdsInGroup > 0 ? [] : [{ field: 'households_in_group', message: 'a positive whole number' }]),
    ...(r.decisions.length > 0 ? [] : [{ field: 'decisions', message: 'at least one decision' }]),
    ...r.decisions.flatMap((d, i) =>
      d.applicationId ? [] : [{ field: `decisions[${i}].application_id`, message: 'required' }],
    ),
  ];
  if (v.length > 0) throw new ValidationError(v);
  return {
    villagerGroupId: r.villagerGroupId,
    householdsInGroup: r.householdsInGroup,
    representatives: r.representatives,
    decisions: r.decisions.map((d) => ({ applicationId: d.applicationId, approve: d.approve, reason: d.reason })),
  };
}

/** Codes are checked by the screening rule itself (unknown ones are refused there with the other gaps). */
export const toScreeningChecks = (checks: creditV1.ScreeningCheck[]): ScreeningCheck[] =>
  checks.map((c) => ({ code: c.code as ScreeningCode, satisfied: c.satisfied, evidenceRef: c.evidenceRef }));

export const toProtoScreening = (r: ScreeningResult): creditV1.ScreenHouseholdResponse => ({
  outcome: r.outcome,
  failed: r.failed,
  warnings: r.warnings,
  checks: r.checks.map((c) => ({ code: c.code, satisfied: c.satisfied, evidenceRef: c.evidenceRef })),
});
