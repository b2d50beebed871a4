import { hasRole, type Actor } from '@gov/platform/auth';
import { SupervisionError } from './supervision-error';
import type { FeedbackReport, ItemOutcome, ItemState, SupervisionItem } from './supervision-item';

/** What the lead unit writes in a FINAL report (spec supervision §8.1 FB-1, FB-2, RV-8). */
export interface FeedbackInput {
  progress: string;
  result: string;
  problems: string;
  nextSteps: string;
  principalSignedBy: string;
}

const unitRoles = ['UNIT_PRINCIPAL', 'UNIT_HANDLER', 'UNIT_LIAISON'];
/** §3.2 "Accept / return feedback"; LINE_SECRETARY (own line) waits for leaders' portfolios to be modelled. */
const officeRoles = ['OFFICE_DIRECTOR', 'OFFICE_DEPUTY'];
const supervisionRoles = ['SUP_HEAD', 'SUP_DEPUTY'];
/** §3.2 "Cancel / suspend item". */
const cancelRoles = ['GOV_PRINCIPAL', 'GOV_EXEC_DEPUTY', 'GOV_DEPUTY', 'OFFICE_DIRECTOR', 'OFFICE_DEPUTY'];

function assertState(item: SupervisionItem, allowed: ItemState[], what: string): void {
  if (!allowed.includes(item.state))
    throw new SupervisionError(
      'ITEM_STATE_INVALID',
      `item ${item.id} is ${item.state}; ${what} needs ${allowed.join(' or ')}`,
    );
}

/**
 * submitFinalFeedback (§9.1): the lead unit's structured report goes to review. Until assignment is built a
 * REGISTERED item counts as handed to the unit its source named. FB-3: a principal signs by submitting;
 * anyone else names the principal who signed.
 */
export function submitFeedback(item: SupervisionItem, f: FeedbackInput, actor: Actor, now: Date): SupervisionItem {
  if (!item.leadUnitId)
    throw new SupervisionError('LEAD_UNIT_NOT_ASSIGNED', `item ${item.id} has no lead unit to report on it yet`);
  if (!hasRole(actor, ...unitRoles) || actor.orgUnitId !== item.leadUnitId)
    throw new SupervisionError(
      'FEEDBACK_NOT_PERMITTED',
      `only the lead unit ${item.leadUnitId} reports on item ${item.id}`,
    );
  assertState(item, ['REGISTERED', 'IN_PROGRESS'], 'feedback');
  const missing = (['progress', 'result', 'problems'] as const).filter((k) => !f[k].trim());
  if (missing.length > 0)
    throw new SupervisionError(
      'FEEDBACK_INCOMPLETE',
      'a FINAL report needs progress, result and problems ("none" when there were none)',
      missing.map((field) => ({ field, message: 'is required' })),
    );
  const signedBy = hasRole(actor, 'UNIT_PRINCIPAL') ? actor.userId : f.principalSignedBy.trim();
  if (!signedBy)
    throw new SupervisionError('PRINCIPAL_SIGN_OFF_REQUIRED', 'the unit principal must sign the FINAL report off', [
      { field: 'principalSignedBy', message: 'is required unless a UNIT_PRINCIPAL submits' },
    ]);
  const report: FeedbackReport = {
    progress: f.progress.trim(),
    result: f.result.trim(),
    problems: f.problems.trim(),
    ...(f.nextSteps.trim() ? { nextSteps: f.nextSteps.trim() } : {}),
    submittedBy: actor.userId,
    principalSignedBy: signedBy,
    submittedAt: now,
  };
  return { ...item, state: 'FEEDBACK_SUBMITTED', feedback: [...(item.feedback ?? []), report] };
}

/** §3.2: the office leaders, or the heads of the supervising unit itself. */
export function assertMayReview(item: SupervisionItem, actor: Actor): void {
  const supervising = hasRole(actor, ...supervisionRoles) && actor.orgUnitId === item.supervisingUnitId;
  if (!hasRole(actor, ...officeRoles) && !supervising)
    throw new SupervisionError('REVIEW_NOT_PERMITTED', `only the supervising office reviews item ${item.id}`);
}

function reviewed(item: SupervisionItem, review: 'ACCEPTED' | 'RETURNED', comment: string, actor: Actor, now: Date) {
  const all = item.feedback ?? [];
  const last = all[all.length - 1]!;
  const done: FeedbackReport = { ...last, review, reviewedBy: actor.userId, reviewedAt: now };
  if (comment) done.reviewComment = comment;
  return [...all.slice(0, -1), done];
}

/** acceptFeedback (FB-4): FEEDBACK_SUBMITTED → COMPLETED. */
export function acceptFeedback(item: SupervisionItem, comment: string, actor: Actor, now: Date): SupervisionItem {
  assertMayReview(item, actor);
  assertState(item, ['FEEDBACK_SUBMITTED'], 'acceptance');
  return {
    ...item,
    state: 'COMPLETED',
    completedAt: now,
    feedback: reviewed(item, 'ACCEPTED', comment.trim(), actor, now),
  };
}

/** returnFeedback (FB-4): back to IN_PROGRESS, always with a reason the unit can act on. */
export function returnFeedback(item: SupervisionItem, reason: string, actor: Actor, now: Date): SupervisionItem {
  assertMayReview(item, actor);
  assertState(item, ['FEEDBACK_SUBMITTED'], 'a return');
  if (!reason.trim())
    throw new SupervisionError('RETURN_REASON_REQUIRED', 'a returned report needs a reason', [
      { field: 'reason', message: 'is required' },
    ]);
  return { ...item, state: 'IN_PROGRESS', feedback: reviewed(item, 'RETURNED', reason.trim(), actor, now) };
}

/**
 * The §9.1 outcome of a completed item from the accepted report's submission time: by the first deadline,
 * within an extension, or late.
 */
export function completionOutcome(item: SupervisionItem): ItemOutcome {
  const accepted = [...(item.feedback ?? [])].reverse().find((f) => f.review === 'ACCEPTED');
  if (!accepted) throw new SupervisionError('ITEM_STATE_INVALID', `item ${item.id} has no accepted feedback`);
  const at = accepted.submittedAt.getTime();
  if (at <= item.originalDueAt.getTime()) return 'COMPLETED_ON_TIME';
  if (at <= item.dueAt.getTime()) return 'COMPLETED_AFTER_EXTENSION';
  return 'COMPLETED_LATE';
}

/** close (§9.1): COMPLETED → CLOSED once the result was reported to the leader (FB-5). */
export function closeItem(item: SupervisionItem, leaderReport: string, actor: Actor, now: Date): SupervisionItem {
  assertMayReview(item, actor);
  assertState(item, ['COMPLETED'], 'closure');
  if (!leaderReport.trim())
    throw new SupervisionError('LEADER_REPORT_REQUIRED', 'say how the result was reported to the leader (FB-5)', [
      { field: 'leaderReport', message: 'is required' },
    ]);
  return {
    ...item,
    state: 'CLOSED',
    outcome: completionOutcome(item),
    closedAt: now,
    closure: { leaderReport: leaderReport.trim() },
  };
}

/** cancel (§9.1): any open item → CANCELLED with outcome CANCELLED, by an approver, with a reason. */
export function cancelItem(item: SupervisionItem, reason: string, actor: Actor, now: Date): SupervisionItem {
  if (!hasRole(actor, ...cancelRoles))
    throw new SupervisionError('CANCEL_NOT_PERMITTED', `only a government or office leader cancels item ${item.id}`);
  assertState(item, ['REGISTERED', 'IN_PROGRESS', 'FEEDBACK_SUBMITTED'], 'cancellation');
  if (!reason.trim())
    throw new SupervisionError('CANCELLATION_REASON_REQUIRED', 'a cancellation needs a reason', [
      { field: 'cancellationReason', message: 'is required' },
    ]);
  return {
    ...item,
    state: 'CANCELLED',
    outcome: 'CANCELLED',
    closedAt: now,
    closure: { cancellationReason: reason.trim() },
  };
}
