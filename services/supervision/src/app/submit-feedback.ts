import type { Actor } from '@gov/platform/auth';
import { submitFeedback, type FeedbackInput } from '../domain/feedback.rule';
import { roleAmong, type RunItemCommand } from './item-command';

/** The lead unit submits its FINAL written report (spec supervision §8.1 FB-1..FB-3, §9.1) → FEEDBACK_SUBMITTED. */
export function createSubmitFeedback(deps: { run: RunItemCommand }) {
  return (cmd: { idempotencyKey: string; id: string; feedback: FeedbackInput }, actor: Actor) =>
    deps.run('submitFeedback', cmd, cmd.feedback, actor, (item, now) => {
      const next = submitFeedback(item, cmd.feedback, actor, now);
      const report = next.feedback![next.feedback!.length - 1]!;
      return {
        next,
        events: [],
        action: 'feedback.submitted',
        role: roleAmong(actor, ['UNIT_PRINCIPAL', 'UNIT_HANDLER', 'UNIT_LIAISON']),
        reason: `FINAL feedback of ${actor.orgUnitId}, signed off by ${report.principalSignedBy}`,
        details: { round: next.feedback!.length, principalSignedBy: report.principalSignedBy },
      };
    });
}
