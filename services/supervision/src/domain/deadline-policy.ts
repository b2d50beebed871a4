/**
 * Deadline settings (spec supervision §6.1, §6.2). The 10-working-day default comes from the seed (003 L556);
 * the urgency thresholds from 000 L714 / 001 L495; the petition feedback days from 001 L60. All are
 * configuration with these defaults.
 */
export interface DeadlinePolicy {
  defaultWorkingDays: number;
  /** Finish within this many calendar days → 特急. */
  extraUrgentWithinDays: number;
  /** Within this many days → 急件 (and → 特急 when there are many approval steps). */
  urgentWithinDays: number;
  /** Within this many days and needing other departments' opinions → 急件. */
  urgentWithConsultationWithinDays: number;
  /** Calendar days after transfer for feedback on a general call or petition (§6.1, RV-9; C-4: calendar days). */
  feedbackGeneralDays: number;
  /** The same for an important matter or one that needs several departments. */
  feedbackImportantDays: number;
}

export const defaultDeadlinePolicy: DeadlinePolicy = {
  defaultWorkingDays: 10,
  extraUrgentWithinDays: 3,
  urgentWithinDays: 7,
  urgentWithConsultationWithinDays: 14,
  feedbackGeneralDays: 5,
  feedbackImportantDays: 10,
};
