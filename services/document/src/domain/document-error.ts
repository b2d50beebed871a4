import { AppError, type ErrorCategory, type FieldViolation } from '@gov/platform/errors';

/** Stable codes of the document service; clients and the gateway branch on them. */
export type DocumentErrorCode =
  | 'INCOMING_INVALID'
  | 'INCOMING_NOT_FOUND'
  | 'REGISTRATION_NOT_PERMITTED'
  | 'CLASSIFIED_SIGN_IN_NOT_PERMITTED'
  | 'CLEARANCE_TOO_LOW'
  | 'INCOMING_ALREADY_REGISTERED'
  | 'PAGE_TOKEN_INVALID';

const categories: Record<DocumentErrorCode, ErrorCategory> = {
  INCOMING_INVALID: 'invalid_argument',
  INCOMING_NOT_FOUND: 'not_found',
  REGISTRATION_NOT_PERMITTED: 'permission_denied',
  CLASSIFIED_SIGN_IN_NOT_PERMITTED: 'permission_denied',
  CLEARANCE_TOO_LOW: 'permission_denied',
  // the document left SIGNED_IN (§5.11 I2 runs once); the caller re-reads it instead of retrying
  INCOMING_ALREADY_REGISTERED: 'failed_precondition',
  PAGE_TOKEN_INVALID: 'invalid_argument',
};

export class DocumentError extends AppError {
  constructor(code: DocumentErrorCode, message: string, violations: FieldViolation[] = []) {
    super(code, categories[code], message, violations);
  }
}
