import { CreditError } from './credit-error';
import { checkGroupRepresentatives } from './procedure';

/** States of a 信用评定 application (spec credit §5.2). */
export type ApplicationState =
  | 'SUBMITTED'
  | 'GROUP_REJECTED'
  | 'INFO_COLLECTION'
  | 'SCORED'
  | 'VILLAGE_REJECTED'
  | 'VILLAGE_NOTICE'
  | 'OBJECTION_REVIEW'
  | 'BANK_ASSESSMENT'
  | 'BANK_REJECTED'
  | 'GRADE_NOTICE'
  | 'OBJECTION_REVIEW_2'
  | 'CERTIFIED'
  | 'WITHDRAWN';

/** The §5.2 transition table as data: from → the states it may move to. */
export const transitions: Record<ApplicationState, readonly ApplicationState[]> = {
  SUBMITTED: ['GROUP_REJECTED', 'INFO_COLLECTION', 'WITHDRAWN'],
  INFO_COLLECTION: ['SCORED', 'WITHDRAWN'],
  SCORED: ['VILLAGE_REJECTED', 'VILLAGE_NOTICE', 'WITHDRAWN'],
  VILLAGE_NOTICE: ['OBJECTION_REVIEW', 'BANK_ASSESSMENT', 'WITHDRAWN'],
  OBJECTION_REVIEW: ['VILLAGE_REJECTED', 'BANK_ASSESSMENT', 'WITHDRAWN'],
  BANK_ASSESSMENT: ['BANK_REJECTED', 'GRADE_NOTICE', 'WITHDRAWN'],
  GRADE_NOTICE: ['OBJECTION_REVIEW_2', 'CERTIFIED', 'WITHDRAWN'],
  OBJECTION_REVIEW_2: ['SCORED', 'CERTIFIED', 'BANK_REJECTED', 'WITHDRAWN'],
  GROUP_REJECTED: [],
  VILLAGE_REJECTED: [],
  BANK_REJECTED: [],
  CERTIFIED: [],
  WITHDRAWN: [],
};

export const isTerminal = (s: ApplicationState) => transitions[s].length === 0;

/** Where the application came in (C2): all channels are routed through the villager group's review. */
export type Channel = 'VILLAGER_GROUP' | 'SERVICE_CENTER' | 'BANK_BRANCH';

export interface RatingApplication {
  id: string;
  householdId: string;
  villagerGroupId: string;
  channel: Channel;
  state: ApplicationState;
  /** Registered poor households first (R4.1): the queue orders by this, then by submission time. */
  priority: 0 | 1;
  submittedAt: Date;
  /** The notice the application is on now: the village notice, then the grade notice. */
  noticeId?: string;
  history: { from: ApplicationState; to: ApplicationState; at: Date; reason: string }[];
}

export function move(a: RatingApplication, to: ApplicationState, at: Date, reason = ''): RatingApplication {
  if (!transitions[a.state].includes(to))
    throw new CreditError(
      'CREDIT_INPUT_INVALID',
      `an application in ${a.state} cannot move to ${to} (spec credit §5.2)`,
    );
  return { ...a, state: to, history: [...a.history, { from: a.state, to, at, reason }] };
}

/**
 * 小组评议 (spec credit §5.1 step 2): the group needs one representative per 5 households; each rejection
 * states its reason. Approved applications go on to information collection.
 */
export function reviewByGroup(
  apps: RatingApplication[],
  review: {
    householdsInGroup: number;
    representatives: string[];
    decisions: { applicationId: string; approve: boolean; reason: string }[];
  },
  at: Date,
): RatingApplication[] {
  checkGroupRepresentatives(review.householdsInGroup, new Set(review.representatives).size);
  return review.decisions.map((d) => {
    const a = apps.find((x) => x.id === d.applicationId);
    if (!a) throw new CreditError('CREDIT_INPUT_INVALID', `application ${d.applicationId} is not in this review`);
    if (!d.approve && !d.reason.trim())
      throw new CreditError('CREDIT_INPUT_INVALID', `rejecting ${d.applicationId} needs a reason`);
    return move(a, d.approve ? 'INFO_COLLECTION' : 'GROUP_REJECTED', at, d.reason);
  });
}

/**
 * 村级评定 meeting composition (spec credit §5.2): Party-member representatives within [ceil(P/5), ceil(P/3)]
 * and villager representatives within [ceil(H/15), ceil(H/10)]. The seed says "一般" (generally), so a meeting
 * outside the ranges is recorded with warnings rather than refused.
 */
export function assessmentWarnings(m: {
  partyMembers: number;
  partyReps: number;
  households: number;
  villagerReps: number;
}): string[] {
  const w: string[] = [];
  const [pMin, pMax] = [Math.ceil(m.partyMembers / 5), Math.ceil(m.partyMembers / 3)];
  const [vMin, vMax] = [Math.ceil(m.households / 15), Math.ceil(m.households / 10)];
  if (m.partyReps < pMin || m.partyReps > pMax) w.push(`PARTY_REPS_OUTSIDE_${pMin}_${pMax}`);
  if (m.villagerReps < vMin || m.villagerReps > vMax) w.push(`VILLAGER_REPS_OUTSIDE_${vMin}_${vMax}`);
  return w;
}

/**
 * Who must sit on the 村级评定 (spec credit §5.1 step 4, §5.2 SCORED→VILLAGE_ASSESSMENT guard): the village Party
 * secretary, two-committee members, the first secretary, the resident work team, and the village poverty-team
 * leader or the township's village-contact leader. Unlike the representative ranges, this is a hard rule.
 */
export const requiredAssessmentRoles = [
  'PARTY_SECRETARY',
  'TWO_COMMITTEES',
  'FIRST_SECRETARY',
  'WORK_TEAM',
  ['POVERTY_TEAM_LEADER', 'TOWNSHIP_CONTACT_LEADER'],
] as const;

export interface AssessmentMeeting {
  participantRoles: string[];
  partyMembers: number;
  partyReps: number;
  households: number;
  villagerReps: number;
}

/**
 * 村级评定 (spec credit §5.1 step 4, §5.2): the meeting fixes the village's credit-household list from its scored
 * applications. Approved ones go on the village notice, rejected ones end with the stated reason. Returns the moved
 * applications and the meeting's warnings (representative counts outside the "一般" ranges).
 */
export function assessVillage(
  apps: RatingApplication[],
  meeting: AssessmentMeeting,
  decisions: { applicationId: string; approve: boolean; reason: string }[],
  noticeId: string,
  at: Date,
): { moved: RatingApplication[]; warnings: string[] } {
  const present = new Set(meeting.participantRoles);
  const missing = requiredAssessmentRoles
    .filter((r) => (typeof r === 'string' ? !present.has(r) : !r.some((x) => present.has(x))))
    .map((r) => (typeof r === 'string' ? r : r.join('|')));
  if (missing.length > 0)
    throw new CreditError(
      'ASSESSMENT_PARTICIPANTS_MISSING',
      `the village assessment needs ${missing.join(', ')} (spec credit §5.1 step 4)`,
    );
  const moved = decisions.map((d) => {
    const a = apps.find((x) => x.id === d.applicationId);
    if (!a) throw new CreditError('CREDIT_INPUT_INVALID', `application ${d.applicationId} is not in this assessment`);
    if (!d.approve && !d.reason.trim())
      throw new CreditError('CREDIT_INPUT_INVALID', `rejecting ${d.applicationId} needs a reason`);
    const next = move(a, d.approve ? 'VILLAGE_NOTICE' : 'VILLAGE_REJECTED', at, d.reason || 'village assessment');
    return d.approve ? { ...next, noticeId } : next;
  });
  return { moved, warnings: assessmentWarnings(meeting) };
}

/**
 * Where a notice's outcome for one household takes its application (spec credit §5.2, §9.2): the path of states
 * from `from` to the state the outcome implies, empty when it is there already or the outcome says nothing yet.
 * `entry` is the household's line on the notice; `upheld` the consequence of an upheld objection against it.
 */
export function pathAfterNotice(
  from: ApplicationState,
  kind: 'VILLAGE' | 'GRADE' | 'MERGED',
  entry: 'PENDING' | 'CERTIFIABLE' | 'HELD_BY_OBJECTION' | 'REJECTED_BY_OBJECTION',
  upheld: 'RESCORE' | 'REJECT' = 'REJECT',
): ApplicationState[] {
  const onNotice: ApplicationState = kind === 'GRADE' ? 'GRADE_NOTICE' : 'VILLAGE_NOTICE';
  const review: ApplicationState = kind === 'GRADE' ? 'OBJECTION_REVIEW_2' : 'OBJECTION_REVIEW';
  const cleared: ApplicationState = kind === 'GRADE' ? 'CERTIFIED' : 'BANK_ASSESSMENT';
  const rejected: ApplicationState =
    kind === 'GRADE' ? (upheld === 'RESCORE' ? 'SCORED' : 'BANK_REJECTED') : 'VILLAGE_REJECTED';
  if (from !== onNotice && from !== review) return [];
  const via = (to: ApplicationState): ApplicationState[] =>
    transitions[from].includes(to) ? [to] : from === onNotice ? [review, to] : [];
  switch (entry) {
    case 'PENDING':
      return [];
    case 'HELD_BY_OBJECTION':
      return from === onNotice ? [review] : [];
    case 'CERTIFIABLE':
      return via(cleared);
    case 'REJECTED_BY_OBJECTION':
      return from === onNotice ? [review, rejected] : [rejected];
  }
}

/** The queue (R4.1): registered poor households first, then by submission time. */
export const queueOrder = (a: RatingApplication, b: RatingApplication) =>
  b.priority - a.priority || a.submittedAt.getTime() - b.submittedAt.getTime();
