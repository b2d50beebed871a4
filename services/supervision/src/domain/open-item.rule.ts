import type { DeadlinePolicy } from './deadline-policy';
import type { DeadlineRule, SourceSystem, SourceType, SupervisionItem, UrgencyLabel } from './supervision-item';

/** The working-day calendar, passed in so rules stay pure. */
export interface WorkingDays {
  readonly version: string;
  addWorkingDays(start: Date, n: number): { due: Date; provisional: boolean };
}

const dayMs = 24 * 3600 * 1000;
const rank: Record<UrgencyLabel, number> = { NORMAL: 0, URGENT: 1, EXTRA_URGENT: 2 };

/** Urgency label from the time allowed (spec supervision §6.2), never lower than the source's own urgency. */
export function urgencyLabel(
  openedAt: Date,
  dueAt: Date,
  flags: { manyApprovalSteps: boolean; needsConsultation: boolean; sourceUrgency?: UrgencyLabel },
  p: DeadlinePolicy,
): UrgencyLabel {
  const days = (dueAt.getTime() - openedAt.getTime()) / dayMs;
  let label: UrgencyLabel = 'NORMAL';
  if (days <= p.extraUrgentWithinDays || (days <= p.urgentWithinDays && flags.manyApprovalSteps))
    label = 'EXTRA_URGENT';
  else if (days <= p.urgentWithinDays || (days <= p.urgentWithConsultationWithinDays && flags.needsConsultation))
    label = 'URGENT';
  const src = flags.sourceUrgency ?? 'NORMAL';
  return rank[src] > rank[label] ? src : label;
}

export interface OpenItemInput {
  sourceType: SourceType;
  sourceSystem: SourceSystem;
  sourceId: string;
  title: string;
  supervisingUnitId: string;
  leadUnitId?: string;
  instructionOriginal?: string;
  /** Deadline written in the instruction or decision (§6.1 rule 1). */
  explicitDueAt?: Date;
  /** Deadline a fixed rule of the source type gives (§6.1 rule 2, the table), e.g. petition feedback. */
  sourceRuleDueAt?: Date;
  /** Working days the source allowed (§6.1 rule 2), 0 when none. */
  sourceLimitWorkingDays: number;
  sourceUrgency?: UrgencyLabel;
  manyApprovalSteps?: boolean;
  needsConsultation?: boolean;
}

/** Registers a matter in the ledger with its deadline by the first rule of §6.1 that applies. */
export function openItem(
  input: OpenItemInput,
  ctx: { id: string; ledgerNo: string; now: Date; policy: DeadlinePolicy; calendar: WorkingDays },
): SupervisionItem {
  let rule: DeadlineRule;
  let workingDays = 0;
  let due: { due: Date; provisional: boolean };
  if (input.explicitDueAt) {
    rule = 'EXPLICIT';
    due = { due: input.explicitDueAt, provisional: false };
  } else if (input.sourceRuleDueAt) {
    rule = 'SOURCE_RULE';
    due = { due: input.sourceRuleDueAt, provisional: false };
  } else if (input.sourceLimitWorkingDays > 0) {
    rule = 'SOURCE_LIMIT';
    workingDays = input.sourceLimitWorkingDays;
    due = ctx.calendar.addWorkingDays(ctx.now, workingDays);
  } else {
    rule = 'DEFAULT_WORKING_DAYS';
    workingDays = ctx.policy.defaultWorkingDays;
    due = ctx.calendar.addWorkingDays(ctx.now, workingDays);
  }
  const urgency = urgencyLabel(
    ctx.now,
    due.due,
    {
      manyApprovalSteps: input.manyApprovalSteps ?? false,
      needsConsultation: input.needsConsultation ?? false,
      sourceUrgency: input.sourceUrgency,
    },
    ctx.policy,
  );
  return {
    id: ctx.id,
    ledgerNo: ctx.ledgerNo,
    sourceType: input.sourceType,
    sourceSystem: input.sourceSystem,
    sourceId: input.sourceId,
    title: input.title,
    supervisingUnitId: input.supervisingUnitId,
    ...(input.leadUnitId ? { leadUnitId: input.leadUnitId } : {}),
    ...(input.instructionOriginal ? { instructionOriginal: input.instructionOriginal } : {}),
    state: 'REGISTERED',
    openedAt: ctx.now,
    dueAt: due.due,
    originalDueAt: due.due,
    deadlineRule: rule,
    workingDays,
    dueProvisional: due.provisional,
    urgency,
    calendarVersion: ctx.calendar.version,
  };
}
