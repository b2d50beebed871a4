import type { DeadlinePolicy } from '../domain/deadline-policy';
import {
  transferredCallFeedbackDueAt,
  transferredCallSourceType,
  type FeedbackImportance,
} from '../domain/transferred-call.rule';
import type { RegisterItem } from './register-item';

/** What supervision needs from a public-line call the duty desk transferred to a unit (duty §8.4). */
export interface TransferredCall {
  callId: string;
  line: string;
  category: string;
  unitId: string;
  instruction: string;
  transferredAt: Date;
  importance: FeedbackImportance;
}

/**
 * A call transferred after a leader's instruction becomes a PUBLIC_CALL item, or a PETITION item when it came in
 * on a petition channel, whose feedback is due 5 or 10 days after the transfer (spec supervision §16.2, §9.6,
 * RV-9). The item id comes from the call id, so a redelivery opens nothing new.
 */
export function createOpenItemFromTransferredCall(deps: {
  registerItem: RegisterItem;
  supervisionOfficeId: string;
  policy: DeadlinePolicy;
}) {
  return async function openItemFromTransferredCall(c: TransferredCall): Promise<'opened' | 'exists'> {
    const sourceType = transferredCallSourceType(c.line);
    return deps.registerItem({
      id: `duty-call-${c.callId}`,
      at: c.transferredAt,
      input: {
        sourceType,
        sourceSystem: 'duty',
        sourceId: c.callId,
        title: `${sourceType === 'PETITION' ? '信访' : '公开电话'}转办（${c.category}）`,
        supervisingUnitId: deps.supervisionOfficeId,
        leadUnitId: c.unitId,
        instructionOriginal: c.instruction || undefined,
        sourceRuleDueAt: transferredCallFeedbackDueAt(c.transferredAt, c.importance, deps.policy),
        sourceLimitWorkingDays: 0,
      },
      reason: `duty call ${c.callId} on ${c.line} transferred to ${c.unitId}`,
      details: { line: c.line, category: c.category, unitId: c.unitId, importance: c.importance },
    });
  };
}
