import { AppError } from '@gov/platform/errors';
import type { Actor } from '@gov/platform/auth';
import { receiveFeedback } from '../domain/call';
import { closeFollowUp, type LeaderInstruction } from '../domain/instruction';
import { dutyRecordOf, type ItemSource, type SupervisionVerdict } from '../domain/supervision-verdict';
import type { AuditNote, CallStore } from './desk-ports';

/** Instructions live inside their incident; this port finds one by its own id and changes it in place. */
export interface InstructionFollowUps {
  /**
   * Applies `change` to the instruction with this id, with an audit line on its incident, in one write.
   * 'not_found' when no incident holds it; 'unchanged' when `change` returns null.
   */
  change(
    instructionId: string,
    change: (ins: LeaderInstruction) => LeaderInstruction | null,
    note: AuditNote,
  ): Promise<'changed' | 'unchanged' | 'not_found'>;
}

/** What duty learnt from supervision: an item finished, with where it came from. */
export interface FinishedItem extends ItemSource, SupervisionVerdict {}

export type VerdictResult = 'CALL_FEEDBACK_RECEIVED' | 'FOLLOW_UP_DONE' | 'UNCHANGED' | 'NOT_OURS' | 'UNKNOWN_RECORD';

/** The supervision service, as the actor on the audit lines its events cause. */
const supervisionService: Actor = {
  userId: 'system:supervision',
  name: 'supervision service',
  orgUnitId: '',
  roles: ['SYSTEM'],
  clearance: 'INTERNAL',
};

/**
 * supervision.item.completed / .closed consumed (spec duty §8.4, §16.2): a transferred call gets its feedback
 * (TRANSFERRED → FEEDBACK_RECEIVED; the desk then replies to the caller), an instruction's follow-up is done
 * (LI-2 status DONE). Idempotent by state — a redelivered or second event finds the record already marked — so
 * it stays exactly-once even when the inbox mark is lost after the write. Items duty did not raise are ignored.
 */
export function createSupervisionVerdicts(deps: { calls: CallStore; followUps: InstructionFollowUps }) {
  return async function recordSupervisionVerdict(item: FinishedItem): Promise<VerdictResult> {
    const ref = dutyRecordOf(item);
    if (!ref) return 'NOT_OURS';
    const verdict: SupervisionVerdict = { itemId: item.itemId, via: item.via, outcome: item.outcome, at: item.at };
    const note = (action: string): AuditNote => ({
      action,
      actor: supervisionService,
      at: item.at,
      details: { itemId: item.itemId, via: item.via, outcome: item.outcome },
    });
    if (ref.kind === 'INSTRUCTION') {
      const r = await deps.followUps.change(
        ref.instructionId,
        (ins) => closeFollowUp(ins, verdict),
        note('instruction.followup_done'),
      );
      return r === 'changed' ? 'FOLLOW_UP_DONE' : r === 'unchanged' ? 'UNCHANGED' : 'UNKNOWN_RECORD';
    }
    for (let attempt = 0; ; attempt++) {
      const prev = await deps.calls.get(ref.callId);
      if (!prev) return 'UNKNOWN_RECORD';
      const t = receiveFeedback(prev.value, verdict);
      if (!t) return 'UNCHANGED';
      try {
        await deps.calls.update(prev, t.next, t.events, { ...note(t.action), details: t.details });
        return 'CALL_FEEDBACK_RECEIVED';
      } catch (e) {
        // a desk command wrote the call meanwhile: read it again and decide again
        if (!(e instanceof AppError && e.code === 'CONCURRENT_MODIFICATION') || attempt >= 4) throw e;
      }
    }
  };
}
