/** Violation types (spec duty §11.1; 谎报 and 误报 both kept, §18 D-2). */
export type ViolationType =
  | 'DESERTION'
  | 'LATE_REPORT'
  | 'OMITTED_REPORT'
  | 'ERRONEOUS_REPORT'
  | 'FALSE_REPORT'
  | 'CONCEALED_REPORT'
  | 'SHELVED_MATTER'
  | 'REVERSE_FLOW'
  | 'LATE_CHECKIN'
  | 'SPOT_CHECK_FAILED';

export type Consequence =
  | 'NONE'
  | 'WITHHOLD_50_PCT_MONTH'
  | 'WITHHOLD_50_PCT_MONTH_AND_ORG_HANDLING'
  | 'WITHHOLD_FULL_MONTH_AND_YEAR_END_UNSATISFACTORY';

const reporting: ViolationType[] = ['LATE_REPORT', 'OMITTED_REPORT', 'FALSE_REPORT', 'CONCEALED_REPORT'];

/**
 * Penalty of a confirmed violation (spec duty §11.2, 003 L400): leaving the post that caused a reporting
 * failure circulated once in the calendar year → 50 % of the month's performance pay (PN-2); twice or more →
 * all of it and a year-end rating of 不合格/不称职 (PN-3); a shelved matter with impact → 50 % and
 * organisational handling (PN-1). Circulars count per person per year (PN-5).
 */
export function consequenceOf(v: {
  type: ViolationType;
  causedByLeavingPost: boolean;
  circularsThisYear: number;
}): Consequence {
  if (v.type === 'SHELVED_MATTER') return 'WITHHOLD_50_PCT_MONTH_AND_ORG_HANDLING';
  if (!reporting.includes(v.type) || !v.causedByLeavingPost || v.circularsThisYear < 1) return 'NONE';
  return v.circularsThisYear >= 2 ? 'WITHHOLD_FULL_MONTH_AND_YEAR_END_UNSATISFACTORY' : 'WITHHOLD_50_PCT_MONTH';
}
