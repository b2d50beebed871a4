import { AppError, type ErrorCategory, type FieldViolation } from '@gov/platform/errors';

/** Stable codes of the supervision service's commands; clients and the gateway branch on them. */
export type SupervisionErrorCode =
  | 'ITEM_NOT_FOUND'
  | 'ITEM_STATE_INVALID'
  | 'LEAD_UNIT_NOT_ASSIGNED'
  | 'FEEDBACK_NOT_PERMITTED'
  | 'FEEDBACK_INCOMPLETE'
  | 'PRINCIPAL_SIGN_OFF_REQUIRED'
  | 'REVIEW_NOT_PERMITTED'
  | 'RETURN_REASON_REQUIRED'
  | 'LEADER_REPORT_REQUIRED'
  | 'CANCEL_NOT_PERMITTED'
  | 'CANCELLATION_REASON_REQUIRED'
  | 'CLOSURE_AMBIGUOUS';

const categories: Record<SupervisionErrorCode, ErrorCategory> = {
  ITEM_NOT_FOUND: 'not_found',
  // the item is not in a state the command applies to (§9.1); the caller re-reads it instead of retrying
  ITEM_STATE_INVALID: 'failed_precondition',
  LEAD_UNIT_NOT_ASSIGNED: 'failed_precondition',
  FEEDBACK_NOT_PERMITTED: 'permission_denied',
  FEEDBACK_INCOMPLETE: 'invalid_argument',
  PRINCIPAL_SIGN_OFF_REQUIRED: 'invalid_argument',
  REVIEW_NOT_PERMITTED: 'permission_denied',
  RETURN_REASON_REQUIRED: 'invalid_argument',
  LEADER_REPORT_REQUIRED: 'invalid_argument',
  CANCEL_NOT_PERMITTED: 'permission_denied',
  CANCELLATION_REASON_REQUIRED: 'invalid_argument',
  CLOSURE_AMBIGUOUS: 'invalid_argument',
};

export class SupervisionError extends AppError {
  constructor(code: SupervisionErrorCode, message: string, violations: FieldViolation[] = []) {
    super(code, categories[code], message, violations);
  }
}
