import { AppError, type ErrorCategory, type FieldViolation } from '@gov/platform/errors';

/** Stable codes of the duty desk (documents, public lines, security, driver shifts); clients branch on them. */
export type DeskErrorCode =
  | 'DESK_INPUT_INVALID'
  | 'DESK_NOT_PERMITTED'
  | 'DESK_ITEM_NOT_FOUND'
  | 'DOCUMENT_STATE'
  | 'CALL_STATE'
  | 'CALL_OUT_OF_SCOPE'
  | 'CALL_IN_SCOPE'
  | 'CALL_NEEDS_INSTRUCTION'
  | 'VISITOR_STATE'
  | 'POST_LEAVE_NOT_APPROVED'
  | 'POST_LEAVE_NO_REPLACEMENT';

const categories: Record<DeskErrorCode, ErrorCategory> = {
  DESK_INPUT_INVALID: 'invalid_argument',
  DESK_NOT_PERMITTED: 'permission_denied',
  DESK_ITEM_NOT_FOUND: 'not_found',
  DOCUMENT_STATE: 'failed_precondition',
  CALL_STATE: 'failed_precondition',
  CALL_OUT_OF_SCOPE: 'failed_precondition',
  CALL_IN_SCOPE: 'failed_precondition',
  CALL_NEEDS_INSTRUCTION: 'failed_precondition',
  VISITOR_STATE: 'failed_precondition',
  POST_LEAVE_NOT_APPROVED: 'failed_precondition',
  POST_LEAVE_NO_REPLACEMENT: 'failed_precondition',
};

export class DeskError extends AppError {
  constructor(code: DeskErrorCode, message: string, violations: FieldViolation[] = []) {
    super(code, categories[code], message, violations);
  }
}

/** Refuses a value outside a closed list with a field violation naming the allowed values. */
export function oneOf<T extends string>(field: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value))
    throw new DeskError('DESK_INPUT_INVALID', `${field} must be one of ${allowed.join(', ')}`, [
      { field, message: `must be one of ${allowed.join(', ')}` },
    ]);
  return value as T;
}

/** Refuses blank required text fields, all at once. */
export function required(fields: Record<string, string>): void {
  const missing = Object.entries(fields).filter(([, v]) => !v.trim());
  if (missing.length)
    throw new DeskError(
      'DESK_INPUT_INVALID',
      `required: ${missing.map(([f]) => f).join(', ')}`,
      missing.map(([field]) => ({ field, message: 'is required' })),
    );
}
