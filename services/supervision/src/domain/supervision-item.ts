/** Where a supervised matter came from (spec supervision §4.1); those implemented so far. */
export type SourceType = 'DOCUMENT' | 'LEADER_INSTRUCTION' | 'GOV_MEETING_DECISION' | 'EMERGENCY_FOLLOWUP';
/** 特急 / 急件 / normal, derived from the time allowed (spec supervision §6.2). */
export type UrgencyLabel = 'NORMAL' | 'URGENT' | 'EXTRA_URGENT';
/** Which rule of spec supervision §6.1 set the deadline. */
export type DeadlineRule = 'EXPLICIT' | 'SOURCE_LIMIT' | 'DEFAULT_WORKING_DAYS';

/** 督办事项 — one matter in the supervision ledger (台账). */
export interface SupervisionItem {
  id: string;
  /** DC-{YYYY}-{NNNNN} (spec supervision R-REG-1 [inferred]). */
  ledgerNo: string;
  sourceType: SourceType;
  sourceId: string;
  title: string;
  state: 'REGISTERED';
  openedAt: Date;
  dueAt: Date;
  /** First deadline, kept for on-time statistics even after extensions (§6.3). */
  originalDueAt: Date;
  deadlineRule: DeadlineRule;
  workingDays: number;
  dueProvisional: boolean;
  urgency: UrgencyLabel;
  calendarVersion: string;
}
