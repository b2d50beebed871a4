import { DutyError } from './duty-error';

/** 领导批示 on an incident (spec duty §9.9 LI-2). */
export interface LeaderInstruction {
  id: string;
  incidentId: string;
  leaderId: string;
  givenAt: Date;
  text: string;
  needsFollowUp: boolean;
  followUpDueAt?: Date;
  suggestedLeadUnit: string;
}

const dayMs = 86_400_000;

/**
 * Records an instruction (LI-1/LI-2). One that asks for follow-up supervision carries its due time — "三日内
 * 报结果" is 3 days from when it was given (spec duty §19 scenario 24) — for the supervision service (LI-3).
 */
export function recordInstruction(input: {
  id: string;
  incidentId: string;
  leaderId: string;
  givenAt: Date;
  text: string;
  needsFollowUp: boolean;
  followUpDays: number;
  suggestedLeadUnit: string;
}): LeaderInstruction {
  const v = [];
  if (!input.text.trim()) v.push({ field: 'text', message: 'is required' });
  if (!Number.isInteger(input.followUpDays) || input.followUpDays < 0 || input.followUpDays > 365)
    v.push({ field: 'followUpDays', message: 'must be a whole number of days from 0 to 365' });
  if (!input.needsFollowUp && input.followUpDays > 0)
    v.push({ field: 'followUpDays', message: 'only an instruction needing follow-up has a time limit' });
  if (v.length) throw new DutyError('INCIDENT_INVALID', 'the instruction is incomplete', v);
  const { followUpDays, ...rest } = input;
  return {
    ...rest,
    text: input.text.trim(),
    ...(input.needsFollowUp && followUpDays > 0
      ? { followUpDueAt: new Date(input.givenAt.getTime() + followUpDays * dayMs) }
      : {}),
  };
}
