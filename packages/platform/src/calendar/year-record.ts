import { CalendarError } from './calendar-error';
import { formatLocalDay, isWeekend, type LocalDay, parseLocalDay, yearOf } from './shanghai-time';

/** Where a year's data was transcribed from, so a reviewer can re-check it against the original notice. */
export interface HolidayNoticeSource {
  readonly issuer: string;
  readonly title: string;
  readonly reference?: string;
  readonly published: string;
  readonly url: string;
  readonly checkedAgainst?: string;
}

/** 放假 — the closed range of days off announced for one festival, weekend days inside it included. */
export interface HolidayRange {
  readonly name: string;
  readonly nameZh: string;
  readonly from: string;
  readonly to: string;
}

/** 调休上班 — a Saturday or Sunday declared a working day to pay for a bridged holiday. */
export interface MakeUpWorkday {
  readonly date: string;
  readonly for: string;
}

/** One year as stored in data/<year>.json: the State Council notice transcribed by hand, never computed. */
export interface HolidayYearRecord {
  readonly year: number;
  /** Bumped whenever this year's data changes (e.g. an amended notice), so recorded deadlines stay traceable. */
  readonly version: string;
  readonly source: HolidayNoticeSource;
  readonly holidays: readonly HolidayRange[];
  readonly makeUpWorkdays: readonly MakeUpWorkday[];
}

export type DayRule =
  | { readonly kind: 'holiday'; readonly holiday: string }
  | { readonly kind: 'make-up-workday'; readonly holiday: string };

function invalid(record: HolidayYearRecord, message: string): CalendarError {
  return new CalendarError('CALENDAR_INVALID_DATA', `holiday data for ${record.year}: ${message}`);
}

function dayIn(record: HolidayYearRecord, key: string): LocalDay {
  const day = parseLocalDay(key);
  if (day === undefined) throw invalid(record, `'${key}' is not a YYYY-MM-DD date`);
  // A notice may reach back into the previous December (the 2019 notice made 2018-12-29 a working day), never further.
  const year = yearOf(day);
  if (year !== record.year && year !== record.year - 1) throw invalid(record, `${key} is outside the notice's year`);
  return day;
}

function place(rules: Map<LocalDay, DayRule>, day: LocalDay, rule: DayRule, record: HolidayYearRecord) {
  const existing = rules.get(day);
  if (existing && existing.kind !== rule.kind) {
    throw invalid(record, `${formatLocalDay(day)} is both a holiday and a make-up workday`);
  }
  if (!existing) rules.set(day, rule);
}

/** Validates the records and flattens them into one rule per listed day; anything unlisted follows the weekend rule. */
export function compileRecords(records: readonly HolidayYearRecord[]): Map<LocalDay, DayRule> {
  if (records.length === 0) throw new CalendarError('CALENDAR_INVALID_DATA', 'at least one published year is required');
  const rules = new Map<LocalDay, DayRule>();
  const seenYears = new Set<number>();
  for (const record of records) {
    if (!Number.isSafeInteger(record.year)) throw invalid(record, 'year must be an integer');
    if (seenYears.has(record.year)) throw invalid(record, 'year appears twice');
    seenYears.add(record.year);
    if (!record.version || !record.source.url) throw invalid(record, 'version and source.url are required');

    for (const range of record.holidays) {
      const from = dayIn(record, range.from);
      const to = dayIn(record, range.to);
      if (to < from) throw invalid(record, `${range.name} ends before it starts`);
      for (let day = from; day <= to; day++) place(rules, day, { kind: 'holiday', holiday: range.name }, record);
    }
    for (const makeUp of record.makeUpWorkdays) {
      const day = dayIn(record, makeUp.date);
      // A weekday "make-up" would change nothing, so it can only be a transcription slip.
      if (!isWeekend(day)) throw invalid(record, `make-up workday ${makeUp.date} is not a Saturday or Sunday`);
      if (!record.holidays.some((range) => range.name === makeUp.for)) {
        throw invalid(record, `make-up workday ${makeUp.date} pays for unknown holiday '${makeUp.for}'`);
      }
      place(rules, day, { kind: 'make-up-workday', holiday: makeUp.for }, record);
    }
  }
  return rules;
}
