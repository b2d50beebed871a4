import { AppError, type ErrorCategory, type FieldViolation } from '@gov/platform/errors';

/**
 * Stable codes of duty shifts (handover, swaps, violations); clients branch on them. The handover rules in
 * handover.ts and the coverage rules in roster.ts keep their DutyError codes (HANDOVER_*, COVERAGE_GAP, …).
 */
export type ShiftErrorCode =
  | 'SHIFT_INPUT_INVALID'
  | 'SHIFT_NOT_PERMITTED'
  | 'HANDOVER_NOT_FOUND'
  | 'HANDOVER_NOT_YOUR_SHIFT'
  | 'HANDOVER_EXISTS'
  | 'SHIFT_ALREADY_ENDED'
  | 'SWAP_NOT_FOUND'
  | 'SWAP_STATE'
  | 'SWAP_NOT_A_PARTY'
  | 'SWAP_NOT_AGREED'
  | 'SWAP_SHIFT_NOT_FOUND'
  | 'ROSTER_NOT_FOUND'
  | 'ROSTER_CHANGED'
  | 'ROSTER_LOCKED'
  | 'VIOLATION_NOT_FOUND'
  | 'VIOLATION_STATE';

const categories: Record<ShiftErrorCode, ErrorCategory> = {
  SHIFT_INPUT_INVALID: 'invalid_argument',
  SHIFT_NOT_PERMITTED: 'permission_denied',
  HANDOVER_NOT_FOUND: 'not_found',
  HANDOVER_NOT_YOUR_SHIFT: 'permission_denied',
  HANDOVER_EXISTS: 'already_exists',
  SHIFT_ALREADY_ENDED: 'failed_precondition',
  SWAP_NOT_FOUND: 'not_found',
  SWAP_STATE: 'failed_precondition',
  SWAP_NOT_A_PARTY: 'permission_denied',
  SWAP_NOT_AGREED: 'failed_precondition',
  SWAP_SHIFT_NOT_FOUND: 'failed_precondition',
  ROSTER_NOT_FOUND: 'not_found',
  ROSTER_LOCKED: 'failed_precondition',
  ROSTER_CHANGED: 'conflict',
  VIOLATION_NOT_FOUND: 'not_found',
  VIOLATION_STATE: 'failed_precondition',
};

export class ShiftError extends AppError {
  constructor(code: ShiftErrorCode, message: string, violations: FieldViolation[] = []) {
    super(code, categories[code], message, violations);
  }
}

/** Refuses blank required text fields, all at once. */
export function requireText(fields: Record<string, string>): void {
  const missing = Object.entries(fields).filter(([, v]) => !v.trim());
  if (missing.length)
    throw new ShiftError(
      'SHIFT_INPUT_INVALID',
      `required: ${missing.map(([f]) => f).join(', ')}`,
      missing.map(([field]) => ({ field, message: 'is required' })),
    );
}

/** Refuses a value outside a closed list with a field violation naming the allowed values. */
export function oneOfShift<T extends string>(field: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value))
    throw new ShiftError('SHIFT_INPUT_INVALID', `${field} must be one of ${allowed.join(', ')}`, [
      { field, message: `must be one of ${allowed.join(', ')}` },
    ]);
  return value as T;
}

/** Parses an RFC 3339 instant from the wire; refuses anything else. */
export function instantOf(field: string, value: string): Date {
  const d = new Date(value);
  if (!value.trim() || Number.isNaN(d.getTime()))
    throw new ShiftError('SHIFT_INPUT_INVALID', `${field} is not an instant`, [
      { field, message: 'expected RFC 3339' },
    ]);
  return d;
}
