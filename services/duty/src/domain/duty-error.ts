import { AppError, type ErrorCategory, type FieldViolation } from '@gov/platform/errors';

/** Stable codes of the duty service; clients and the gateway branch on them. */
export type DutyErrorCode =
  | 'INCIDENT_INVALID'
  | 'INCIDENT_NOT_FOUND'
  | 'ROSTER_INVALID'
  | 'COVERAGE_GAP'
  | 'NO_LEADER_ON_DUTY'
  | 'OVERLAPPING_SHIFTS'
  | 'NOT_A_RECIPIENT'
  | 'ROSTER_NOT_PERMITTED'
  | 'INTAKE_NOT_PERMITTED'
  | 'HANDOVER_STATE'
  | 'HANDOVER_LOG_NOT_CONFIRMED'
  | 'HANDOVER_NOT_COMPLETED'
  | 'LOG_ENTRY_IMMUTABLE'
  | 'LOG_INVALID'
  | 'REPORT_INVALID'
  | 'INCIDENT_STATE'
  | 'FINAL_REPORT_MISSING'
  | 'SIGNER_UNAVAILABLE'
  | 'NOT_THE_SIGNER'
  | 'REPORT_NOT_SIGNED'
  | 'RECLASSIFY_NOT_PERMITTED'
  | 'VOID_NOT_PERMITTED'
  | 'VOID_REASON_REQUIRED'
  | 'CLOSE_NOT_PERMITTED'
  | 'CHRONOLOGY_REPAIR_NOT_PERMITTED'
  | 'LOG_CHRONOLOGY_INCOMPLETE'
  | 'CORRECTION_OPEN'
  | 'CONTACT_SHEET_INVALID'
  | 'PARTY_OFFICE_CONFIRMATION_REQUIRED';

const categories: Record<DutyErrorCode, ErrorCategory> = {
  INCIDENT_INVALID: 'invalid_argument',
  INCIDENT_NOT_FOUND: 'not_found',
  ROSTER_INVALID: 'invalid_argument',
  COVERAGE_GAP: 'failed_precondition',
  NO_LEADER_ON_DUTY: 'failed_precondition',
  OVERLAPPING_SHIFTS: 'failed_precondition',
  NOT_A_RECIPIENT: 'permission_denied',
  ROSTER_NOT_PERMITTED: 'permission_denied',
  INTAKE_NOT_PERMITTED: 'permission_denied',
  HANDOVER_STATE: 'failed_precondition',
  HANDOVER_LOG_NOT_CONFIRMED: 'failed_precondition',
  HANDOVER_NOT_COMPLETED: 'failed_precondition',
  LOG_ENTRY_IMMUTABLE: 'failed_precondition',
  LOG_INVALID: 'invalid_argument',
  REPORT_INVALID: 'invalid_argument',
  INCIDENT_STATE: 'failed_precondition',
  FINAL_REPORT_MISSING: 'failed_precondition',
  SIGNER_UNAVAILABLE: 'failed_precondition',
  NOT_THE_SIGNER: 'permission_denied',
  REPORT_NOT_SIGNED: 'failed_precondition',
  RECLASSIFY_NOT_PERMITTED: 'permission_denied',
  VOID_NOT_PERMITTED: 'permission_denied',
  VOID_REASON_REQUIRED: 'invalid_argument',
  CLOSE_NOT_PERMITTED: 'permission_denied',
  CHRONOLOGY_REPAIR_NOT_PERMITTED: 'permission_denied',
  LOG_CHRONOLOGY_INCOMPLETE: 'failed_precondition',
  CORRECTION_OPEN: 'failed_precondition',
  CONTACT_SHEET_INVALID: 'invalid_argument',
  PARTY_OFFICE_CONFIRMATION_REQUIRED: 'invalid_argument',
};

export class DutyError extends AppError {
  constructor(code: DutyErrorCode, message: string, violations: FieldViolation[] = []) {
    super(code, categories[code], message, violations);
  }
}
