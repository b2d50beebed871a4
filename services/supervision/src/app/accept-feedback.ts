import type { Actor } from '@gov/platform/auth';
import { acceptFeedback } from '../domain/feedback.rule';
import { roleAmong, type RunItemCommand } from './item-command';

export const reviewerRoles = ['OFFICE_DIRECTOR', 'OFFICE_DEPUTY', 'SUP_HEAD', 'SUP_DEPUTY'];

/** The supervising office accepts the FINAL report (FB-4) → COMPLETED; ItemCompleted tells the source system. */
export function createAcceptFeedback(deps: { run: RunItemCommand }) {
  return (cmd: { idempotencyKey: string; id: string; comment: string }, actor: Actor) =>
    deps.run('acceptFeedback', cmd, { comment: cmd.comment }, actor, (item, now) => ({
      next: acceptFeedback(item, cmd.comment, actor, now),
      events: ['ItemCompleted'],
      action: 'feedback.accepted',
      role: roleAmong(actor, reviewerRoles),
      reason: cmd.comment.trim() || 'FINAL feedback accepted',
    }));
}
