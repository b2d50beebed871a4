import type { Actor } from '@gov/platform/auth';
import { cancelItem, closeItem } from '../domain/feedback.rule';
import { SupervisionError } from '../domain/supervision-error';
import { reviewerRoles } from './accept-feedback';
import { roleAmong, type RunItemCommand } from './item-command';

/**
 * Closes a COMPLETED item once its result reached the leader (FB-5), with the §9.1 outcome from its deadlines,
 * or cancels an open one (outcome CANCELLED). Either way ItemClosed tells the source system.
 */
export function createCloseItem(deps: { run: RunItemCommand }) {
  return (
    cmd: { idempotencyKey: string; id: string; leaderReport: string; cancellationReason: string },
    actor: Actor,
  ) => {
    const { leaderReport, cancellationReason } = cmd;
    if (leaderReport.trim() && cancellationReason.trim())
      throw new SupervisionError('CLOSURE_AMBIGUOUS', 'give either a leader report or a cancellation reason, not both');
    const cancel = cancellationReason.trim() !== '';
    return deps.run('closeItem', cmd, { leaderReport, cancellationReason }, actor, (item, now) => {
      const next = cancel
        ? cancelItem(item, cancellationReason, actor, now)
        : closeItem(item, leaderReport, actor, now);
      return {
        next,
        events: ['ItemClosed'],
        action: cancel ? 'item.cancelled' : 'item.closed',
        role: roleAmong(
          actor,
          cancel ? ['GOV_PRINCIPAL', 'GOV_EXEC_DEPUTY', 'GOV_DEPUTY', ...reviewerRoles] : reviewerRoles,
        ),
        reason: cancel ? cancellationReason.trim() : `result reported to the leader: ${leaderReport.trim()}`,
        details: { outcome: next.outcome },
      };
    });
  };
}
