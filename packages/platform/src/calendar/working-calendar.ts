import { assertValidDate, assertWorkingDayCount, CalendarError, MAX_WORKING_DAYS } from './calendar-error';
import {
  endOfLocalDay,
  formatLocalDay,
  isWeekend,
  type LocalDay,
  startOfLocalDay,
  toLocalDay,
  yearOf,
} from './shanghai-time';
import { compileRecords, type DayRule, type HolidayYearRecord } from './year-record';

export interface AddWorkingDaysOptions {
  /** Count the start day as day 1 when it is itself a working day ("within N working days, today included"). */
  readonly countStartDay?: boolean;
}

export interface WorkingDeadline {
  /** 23:59:59.999 Shanghai time on the last counted working day. */
  readonly due: Date;
  /** True when a counted day lies in a year without a published notice, so only weekends were skipped there. */
  readonly provisional: boolean;
  /** Stored beside the deadline so a later data correction can find the deadlines it may have moved. */
  readonly calendarVersion: string;
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'make-up-workday';

export interface DayDescription {
  readonly date: string;
  readonly kind: DayKind;
  readonly working: boolean;
  /** The festival a holiday or make-up workday belongs to. */
  readonly holiday?: string;
  readonly provisional: boolean;
}

/** 工作日历 — working days in mainland China: weekends off, except as the State Council's yearly notice says. */
export class WorkingCalendar {
  readonly version: string;
  readonly lastPublishedYear: number;
  readonly #rules: Map<LocalDay, DayRule>;
  readonly #publishedYears: ReadonlySet<number>;

  constructor(records: readonly HolidayYearRecord[]) {
    this.#rules = compileRecords(records);
    const sorted = [...records].sort((a, b) => a.year - b.year);
    this.#publishedYears = new Set(sorted.map((record) => record.year));
    this.lastPublishedYear = Math.max(...this.#publishedYears);
    this.version = sorted.map((record) => record.version).join('+');
  }

  isWorkingDay(date: Date): boolean {
    return this.#isWorking(toLocalDay(date));
  }

  /** True when the date's Shanghai year has no published notice yet. */
  isProvisional(date: Date): boolean {
    return !this.#publishedYears.has(yearOf(toLocalDay(date)));
  }

  describeDay(date: Date): DayDescription {
    const day = toLocalDay(date);
    const rule = this.#rules.get(day);
    const kind: DayKind = rule?.kind ?? (isWeekend(day) ? 'weekend' : 'workday');
    const provisional = !this.#publishedYears.has(yearOf(day));
    const base = { date: formatLocalDay(day), kind, working: this.#isWorking(day), provisional };
    return rule ? { ...base, holiday: rule.holiday } : base;
  }

  /** Start (00:00 Shanghai) of the first working day strictly after the date's local day. */
  nextWorkingDay(date: Date): Date {
    let day = toLocalDay(date) + 1;
    while (!this.#isWorking(day)) day++;
    return startOfLocalDay(day);
  }

  addWorkingDays(start: Date, n: number, options: AddWorkingDaysOptions = {}): WorkingDeadline {
    assertWorkingDayCount(n);
    const first = toLocalDay(start);
    let day = first;
    let counted = options.countStartDay && this.#isWorking(day) ? 1 : 0;
    if (n === 0) {
      while (!this.#isWorking(day)) day++;
    } else {
      while (counted < n) {
        day++;
        if (this.#isWorking(day)) counted++;
      }
    }
    return { due: endOfLocalDay(day), provisional: this.#anyUnpublished(first, day), calendarVersion: this.version };
  }

  /**
   * Working days after a's local day up to and including b's, so that
   * `workingDaysBetween(start, addWorkingDays(start, n).due) === n`; negative when b is before a.
   */
  workingDaysBetween(a: Date, b: Date): number {
    const from = toLocalDay(assertValidDate(a, 'a'));
    const to = toLocalDay(assertValidDate(b, 'b'));
    if (to < from) return -this.workingDaysBetween(b, a);
    // Same guard as addWorkingDays: a walk over centuries is a bad request, not a long deadline.
    if (to - from > MAX_WORKING_DAYS * 2) {
      throw new CalendarError('CALENDAR_INVALID_INPUT', `range longer than ${MAX_WORKING_DAYS * 2} days`);
    }
    let count = 0;
    for (let day = from + 1; day <= to; day++) if (this.#isWorking(day)) count++;
    return count;
  }

  #isWorking(day: LocalDay): boolean {
    const rule = this.#rules.get(day);
    return rule ? rule.kind === 'make-up-workday' : !isWeekend(day);
  }

  #anyUnpublished(from: LocalDay, to: LocalDay): boolean {
    for (let year = yearOf(from); year <= yearOf(to); year++) if (!this.#publishedYears.has(year)) return true;
    return false;
  }
}
