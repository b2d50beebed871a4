import { AppError, type ErrorCategory, type FieldViolation } from '@gov/platform/errors';

/** Stable codes of the credit service (spec credit §3.1, §5, §9, §11, §13, §22); clients branch on them. */
const categories = {
  CREDIT_INPUT_INVALID: 'invalid_argument',
  HOUSEHOLD_NOT_FOUND: 'not_found',
  NOTICE_NOT_FOUND: 'not_found',
  CREDIT_LINE_NOT_FOUND: 'not_found',
  LOAN_NOT_FOUND: 'not_found',
  NOT_PERMITTED: 'permission_denied',
  NOT_RATED: 'failed_precondition',
  NOTICE_TOO_SHORT: 'invalid_argument',
  NOTICE_CLOSED: 'failed_precondition',
  NOTICE_STILL_RUNNING: 'failed_precondition',
  NOT_ON_NOTICE: 'failed_precondition',
  NOT_CERTIFIABLE: 'failed_precondition',
  GRADE_NONE: 'failed_precondition',
  GROUP_REPRESENTATIVES_INSUFFICIENT: 'failed_precondition',
  REJECTION_REASON_REQUIRED: 'invalid_argument',
  LIMIT_EXCEEDS_GRADE_CAP: 'failed_precondition',
  GRADE_ABOVE_SCORE: 'failed_precondition',
  ALREADY_DECIDED: 'already_exists',
  CREDIT_LINE_NOT_ACTIVE: 'failed_precondition',
  CERTIFICATE_EXPIRED: 'failed_precondition',
  NPL_SNAPSHOT_DATE_INVALID: 'invalid_argument',
  MONTH_NOT_ENDED: 'failed_precondition',
  INSUFFICIENT_LIMIT: 'failed_precondition',
  TERM_EXCEEDS_MAX: 'invalid_argument',
  RATE_ABOVE_CAP: 'failed_precondition',
  RATE_NOT_BENCHMARK: 'failed_precondition',
  REPAYMENT_EXCEEDS_OUTSTANDING: 'failed_precondition',
  FUND_LEVERAGE_EXCEEDED: 'failed_precondition',
  VILLAGE_CIRCUIT_BREAKER: 'failed_precondition',
  TOWNSHIP_CIRCUIT_BREAKER: 'failed_precondition',
  NOT_RISK_SHARED: 'failed_precondition',
  DUPLICATE_APPLICATION: 'already_exists',
  APPLICATION_NOT_FOUND: 'not_found',
  BREAKER_STILL_BREACHED: 'failed_precondition',
  BREAKER_NOT_TRIPPED: 'failed_precondition',
  MUTUAL_FUND_CONTRIBUTION_MISSING: 'failed_precondition',
  STATION_STAFFING_INVALID: 'invalid_argument',
  CENTER_STAFFING_INVALID: 'invalid_argument',
  VILLAGE_GROUP_TOO_SMALL: 'invalid_argument',
  PAYOUT_MUST_BE_TO_HOUSEHOLD_CARD: 'invalid_argument',
  ASSESSMENT_PARTICIPANTS_MISSING: 'failed_precondition',
  NOTHING_TO_NOTICE: 'failed_precondition',
  RISK_FUND_INSUFFICIENT: 'failed_precondition',
  RISK_FUND_TRANSACTION_INVALID: 'invalid_argument',
  LOSS_CASE_NOT_FOUND: 'not_found',
  LOSS_CASE_WRONG_STATE: 'failed_precondition',
  LOSS_SHARE_MISMATCH: 'failed_precondition',
  RECOVERY_EXCEEDS_LOSS: 'failed_precondition',
  IDEMPOTENCY_KEY_REUSED: 'already_exists',
  SUBSIDY_PAYMENT_NOT_FOUND: 'not_found',
  SUBSIDY_PAYMENT_NOT_APPROVED: 'failed_precondition',
  SUBSIDY_ALREADY_PAID: 'failed_precondition',
  NO_PENDING_UPGRADE: 'failed_precondition',
  UPGRADE_BLOCKED_BY_OVERDUE: 'failed_precondition',
  // geography registry (§3.1): bad fields, a used id, a parent that is not registered, a household misplaced
  GEOGRAPHY_INVALID: 'invalid_argument',
  GEOGRAPHY_ALREADY_REGISTERED: 'already_exists',
  TOWNSHIP_UNKNOWN: 'not_found',
  VILLAGE_UNKNOWN: 'not_found',
  VILLAGER_GROUP_UNKNOWN: 'not_found',
  VILLAGE_NOT_IN_TOWNSHIP: 'failed_precondition',
  VILLAGER_GROUP_NOT_IN_VILLAGE: 'failed_precondition',
  // §2.4 row-level security: a village or township role reaching beyond its own village or township
  OUTSIDE_JURISDICTION: 'permission_denied',
} as const satisfies Record<string, ErrorCategory>;

export type CreditErrorCode = keyof typeof categories;

export class CreditError extends AppError {
  constructor(code: CreditErrorCode, message: string, violations: FieldViolation[] = []) {
    super(code, categories[code], message, violations);
  }
}

/** Throws CREDIT_INPUT_INVALID listing every bad field at once, or returns when there are none. */
export function rejectInvalid(violations: FieldViolation[]): void {
  if (violations.length > 0)
    throw new CreditError(
      'CREDIT_INPUT_INVALID',
      violations.map((v) => `${v.field}: ${v.message}`).join('; '),
      violations,
    );
}
