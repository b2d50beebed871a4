import { AppError, type ErrorCategory, type FieldViolation } from '@gov/platform/errors';

/**
 * Stable codes of roster review and holiday rosters; clients branch on them. The coverage rules keep their
 * DutyError codes from roster.ts (COVERAGE_GAP, NO_LEADER_ON_DUTY, OVERLAPPING_SHIFTS, ROSTER_INVALID).
 */
export type RosterReviewErrorCode =
  | 'ROSTER_INPUT_INVALID'
  | 'ROSTER_REVIEW_NOT_PERMITTED'
  | 'ROSTER_DRAFT_NOT_FOUND'
  | 'ROSTER_STATE'
  | 'ROSTER_UNFAIR'
  | 'ROSTER_NIGHT_THEN_DAY'
  | 'ROSTER_PUBLISH_TOO_LATE'
  | 'HOLIDAY_NOT_FOUND'
  | 'HOLIDAY_POOL_TOO_SMALL';

const categories: Record<RosterReviewErrorCode, ErrorCategory> = {
  ROSTER_INPUT_INVALID: 'invalid_argument',
  ROSTER_REVIEW_NOT_PERMITTED: 'permission_denied',
  ROSTER_DRAFT_NOT_FOUND: 'not_found',
  ROSTER_STATE: 'failed_precondition',
  ROSTER_UNFAIR: 'failed_precondition',
  ROSTER_NIGHT_THEN_DAY: 'failed_precondition',
  ROSTER_PUBLISH_TOO_LATE: 'failed_precondition',
  HOLIDAY_NOT_FOUND: 'not_found',
  HOLIDAY_POOL_TOO_SMALL: 'invalid_argument',
};

export class RosterReviewError extends AppError {
  constructor(code: RosterReviewErrorCode, message: string, violations: FieldViolation[] = []) {
    super(code, categories[code], message, violations);
  }
}

/** Refuses input with one field violation. */
export const invalidRoster = (field: string, message: string): RosterReviewError =>
  new RosterReviewError('ROSTER_INPUT_INVALID', `${field} ${message}`, [{ field, message }]);
