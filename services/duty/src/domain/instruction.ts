import { DutyError } from './duty-error';
import type { SupervisionVerdict } from './supervision-verdict';

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
  /** LI-2: OPEN until carried out; absent on records written before it was kept (read as OPEN). */
  status?: 'OPEN' | 'DONE';
  /** Supervision's verdict on the EMERGENCY_FOLLOWUP item the instruction opened (LI-3, §16.2). */
  followUp?: SupervisionVerdict;
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
    status: 'OPEN',
    ...(input.needsFollowUp && followUpDays > 0
      ? { followUpDueAt: new Date(input.givenAt.getTime() + followUpDays * dayMs) }
      : {}),
  };
}

/**
 * supervision.item.completed / .closed for the instruction's EMERGENCY_FOLLOWUP item (spec duty §16.2): the
 * follow-up is done and the instruction DONE (LI-2). Null when nothing changes — an instruction that asked for no
 * follow-up, or one already marked by an earlier event (a redelivery, or the closure after the completion).
 */
export function closeFollowUp(ins: LeaderInstruction, verdict: SupervisionVerdict): LeaderInstruction | null {
  if (!ins.needsFollowUp || ins.followUp) return null;
  return { ...ins, status: 'DONE', followUp: verdict };
}
