/**
 * Configurable values of the duty desk. Each default cites where it comes from; [inferred] ones are the spec's
 * choices and, like every value here, are settings, not constants in the rules.
 */
export interface DeskPolicy {
  /** DK-5: an urgent document must be with a leader within this many minutes (004 L88: 急件在一小时内处理完毕). */
  urgentForwardLimitMin: number;
  /** DK-5: the alert fires this many minutes after receipt when not yet forwarded [inferred: 45]. */
  urgentForwardWarnMin: number;
  /** DK-4: the 综合股 registers an off-hours document by this Shanghai minute of the next working day [inferred: 12:00]. */
  registerByMinute: number;
  /** §12.5: a group of this size is a collective petition [standard: 5]. */
  collectivePetitionSize: number;
  /** §12.5 step 7: a group of this size is "large scale" and brings in the petition bureau and police [inferred: 50]. */
  largePetitionSize: number;
}

export const defaultDeskPolicy: DeskPolicy = {
  urgentForwardLimitMin: 60,
  urgentForwardWarnMin: 45,
  registerByMinute: 12 * 60,
  collectivePetitionSize: 5,
  largePetitionSize: 50,
};

/** The working-day calendar as the desk rules need it (`@gov/platform/calendar` WorkingCalendar fits). */
export interface DeskCalendar {
  isWorkingDay(date: Date): boolean;
  /** Start (00:00 Shanghai) of the first working day strictly after the date's local day. */
  nextWorkingDay(date: Date): Date;
}
