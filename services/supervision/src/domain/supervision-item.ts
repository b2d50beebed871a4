/** Where a supervised matter came from (spec supervision §4.1); those implemented so far. */
export type SourceType =
  'DOCUMENT' | 'LEADER_INSTRUCTION' | 'GOV_MEETING_DECISION' | 'EMERGENCY_FOLLOWUP' | 'PUBLIC_CALL' | 'PETITION';
/** The system that raised the matter: the `system` half of the spec's sourceRef (§14.1); `sourceId` is the other. */
export type SourceSystem = 'document' | 'duty';
/** 特急 / 急件 / normal, derived from the time allowed (spec supervision §6.2). */
export type UrgencyLabel = 'NORMAL' | 'URGENT' | 'EXTRA_URGENT';
/**
 * Which rule of spec supervision §6.1 set the deadline. SOURCE_RULE is a fixed rule of the source type in the
 * §6.1 table (e.g. the 5/10-day petition feedback), as opposed to a limit the source itself wrote down.
 */
export type DeadlineRule = 'EXPLICIT' | 'SOURCE_RULE' | 'SOURCE_LIMIT' | 'DEFAULT_WORKING_DAYS';

/** 督办事项 — one matter in the supervision ledger (台账). */
export interface SupervisionItem {
  id: string;
  /** DC-{YYYY}-{NNNNN} (spec supervision R-REG-1 [inferred]). */
  ledgerNo: string;
  sourceType: SourceType;
  sourceSystem: SourceSystem;
  /** The source's own id (document, duty instruction, duty call). */
  sourceId: string;
  title: string;
  /** 督查室 or whichever unit §4.1 names for the source type. */
  supervisingUnitId: string;
  /** The unit the source named to carry the matter out, when it named one; assignment proper comes later. */
  leadUnitId?: string;
  /** The leader's words as given; restricted (spec supervision CF-1, RV-5), never put in the title. */
  instructionOriginal?: string;
  state: ItemState;
  openedAt: Date;
  dueAt: Date;
  /** First deadline, kept for on-time statistics even after extensions (§6.3). */
  originalDueAt: Date;
  deadlineRule: DeadlineRule;
  workingDays: number;
  dueProvisional: boolean;
  urgency: UrgencyLabel;
  calendarVersion: string;
  /** FINAL feedback reports, oldest first; the last is the one under review or accepted (§14.3). */
  feedback?: FeedbackReport[];
  /** Set at CLOSED or CANCELLED (§9.1). */
  outcome?: ItemOutcome;
  completedAt?: Date;
  closedAt?: Date;
  /** How the result reached the instructing leader (FB-5), or why the item was cancelled. */
  closure?: { leaderReport?: string; cancellationReason?: string };
  /** Hashes of the commands already applied, so a retry whose first attempt wrote the change is recognised. */
  appliedCommands?: string[];
}

/**
 * States of spec supervision §9.1 reached so far. Assignment and acknowledgement are not built yet, so a
 * REGISTERED item takes feedback directly; PROPOSED, ASSIGNED and SUSPENDED will join them.
 */
export type ItemState = 'REGISTERED' | 'IN_PROGRESS' | 'FEEDBACK_SUBMITTED' | 'COMPLETED' | 'CLOSED' | 'CANCELLED';

/** Outcome recorded when an item leaves the ledger (§9.1); NOT_COMPLETED (year-end cutoff) is not built yet. */
export type ItemOutcome = 'COMPLETED_ON_TIME' | 'COMPLETED_AFTER_EXTENSION' | 'COMPLETED_LATE' | 'CANCELLED';

/** 书面反馈 — the lead unit's FINAL written report on an item (spec supervision §8.1, §14.3). */
export interface FeedbackReport {
  progress: string;
  result: string;
  /** "none" when there were none, said explicitly (FB-2). */
  problems: string;
  nextSteps?: string;
  submittedBy: string;
  /** The UNIT_PRINCIPAL who signed the report off (FB-3). */
  principalSignedBy: string;
  submittedAt: Date;
  review?: 'ACCEPTED' | 'RETURNED';
  reviewComment?: string;
  reviewedBy?: string;
  reviewedAt?: Date;
}
