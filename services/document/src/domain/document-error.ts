import { AppError, type ErrorCategory, type FieldViolation } from '@gov/platform/errors';

/** Stable codes of the document service; clients and the gateway branch on them. */
export type DocumentErrorCode =
  | 'INCOMING_INVALID'
  | 'INCOMING_NOT_FOUND'
  | 'REGISTRATION_NOT_PERMITTED'
  | 'CLASSIFIED_SIGN_IN_NOT_PERMITTED'
  | 'CLEARANCE_TOO_LOW';

const categories: Record<DocumentErrorCode, ErrorCategory> = {
  INCOMING_INVALID: 'invalid_argument',
  INCOMING_NOT_FOUND: 'not_found',
  REGISTRATION_NOT_PERMITTED: 'permission_denied',
  CLASSIFIED_SIGN_IN_NOT_PERMITTED: 'permission_denied',
  CLEARANCE_TOO_LOW: 'permission_denied',
};

export class DocumentError extends AppError {
  constructor(code: DocumentErrorCode, message: string, violations: FieldViolation[] = []) {
    super(code, categories[code], message, violations);
  }
}
