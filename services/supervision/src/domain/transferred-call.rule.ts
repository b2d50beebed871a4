import type { DeadlinePolicy } from './deadline-policy';
import type { SourceType } from './supervision-item';

/** How heavy a transferred call or petition is (spec supervision §14.5 PetitionCase.importance). */
export type FeedbackImportance = 'GENERAL' | 'IMPORTANT_OR_MULTI';

/**
 * 区长热线 and 专线电话 are petition channels run by the 督查室 (§4.1 PETITION, 001 L57); the other public lines
 * (直线电话, 市长公开电话, the poverty hotline) give PUBLIC_CALL items (§4.1, 000 L588-590).
 */
const petitionLines = new Set(['HEAD_HOTLINE', 'SPECIAL_LINE']);

export const transferredCallSourceType = (line: string): SourceType =>
  petitionLines.has(line) ? 'PETITION' : 'PUBLIC_CALL';

const dayMs = 24 * 3600 * 1000;

/**
 * Feedback on a transferred call or petition is due 5 days after the transfer, 10 for an important matter or one
 * needing several departments (§6.1, §9.6, RV-9; 001 L60). Calendar days, not working days (§17 C-4).
 */
export function transferredCallFeedbackDueAt(
  transferredAt: Date,
  importance: FeedbackImportance,
  policy: Pick<DeadlinePolicy, 'feedbackGeneralDays' | 'feedbackImportantDays'>,
): Date {
  const days = importance === 'GENERAL' ? policy.feedbackGeneralDays : policy.feedbackImportantDays;
  return new Date(transferredAt.getTime() + days * dayMs);
}
