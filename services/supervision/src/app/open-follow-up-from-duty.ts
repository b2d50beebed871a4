import type { RegisterItem } from './register-item';

/** What supervision needs from a duty leader instruction that asks for follow-up (duty LI-3). */
export interface FollowUpRequired {
  instructionId: string;
  incidentId: string;
  text: string;
  /** Empty when the instruction named no unit. */
  suggestedLeadUnit: string;
  /** The time limit the leader set, if any. */
  dueAt?: Date;
  /** When the instruction was given. */
  givenAt: Date;
}

/**
 * An instruction on an emergency report that asks for follow-up becomes an EMERGENCY_FOLLOWUP item of the 督查室
 * (spec supervision §4.1, §16.2; 004 L117). The leader's limit is the deadline when given (§6.1 rule 1), else the
 * 10-working-day default. The item id comes from the instruction id, so a redelivery opens nothing new.
 */
export function createOpenFollowUpFromDuty(deps: { registerItem: RegisterItem; supervisionOfficeId: string }) {
  return async function openFollowUpFromDuty(f: FollowUpRequired): Promise<'opened' | 'exists'> {
    return deps.registerItem({
      id: `duty-instruction-${f.instructionId}`,
      at: f.givenAt,
      input: {
        sourceType: 'EMERGENCY_FOLLOWUP',
        sourceSystem: 'duty',
        sourceId: f.instructionId,
        // the instruction text is restricted (CF-1), so the title names only the incident
        title: `突发事件领导批示落实（事件 ${f.incidentId}）`,
        supervisingUnitId: deps.supervisionOfficeId,
        leadUnitId: f.suggestedLeadUnit || undefined,
        instructionOriginal: f.text,
        explicitDueAt: f.dueAt,
        sourceLimitWorkingDays: 0,
      },
      reason: `duty instruction ${f.instructionId} on incident ${f.incidentId} asks for follow-up`,
      details: { incidentId: f.incidentId },
    });
  };
}
