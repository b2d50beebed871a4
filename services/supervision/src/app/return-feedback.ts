import type { Actor } from '@gov/platform/auth';
import { returnFeedback } from '../domain/feedback.rule';
import { reviewerRoles } from './accept-feedback';
import { roleAmong, type RunItemCommand } from './item-command';

/** The supervising office returns the report with a reason (FB-4); the item goes back to IN_PROGRESS. */
export function createReturnFeedback(deps: { run: RunItemCommand }) {
  return (cmd: { idempotencyKey: string; id: string; reason: string }, actor: Actor) =>
    deps.run('returnFeedback', cmd, { reason: cmd.reason }, actor, (item, now) => ({
      next: returnFeedback(item, cmd.reason, actor, now),
      events: [],
      action: 'feedback.returned',
      role: roleAmong(actor, reviewerRoles),
      reason: cmd.reason.trim(),
    }));
}
