/**
 * Transport-neutral category of a failure. Each adapter maps categories to its own status codes in one
 * table (gRPC: grpc/status-map.ts, HTTP: the gateway's problem mapper), so domain code never names a transport.
 */
export type ErrorCategory =
  | 'invalid_argument'
  | 'not_found'
  | 'already_exists'
  | 'failed_precondition'
  | 'conflict'
  | 'permission_denied'
  | 'unauthenticated'
  | 'resource_exhausted'
  | 'deadline_exceeded'
  | 'unavailable'
  | 'internal';

export interface FieldViolation {
  field: string;
  message: string;
}

/**
 * An error with a stable, documented `code` (e.g. `LOAN_LIMIT_EXCEEDED`). Clients branch on the code;
 * the message is for people. Services subclass it per domain.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly category: ErrorCategory,
    message: string,
    readonly violations: readonly FieldViolation[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/** Input failed validation; lists every bad field at once. */
export class ValidationError extends AppError {
  constructor(violations: readonly FieldViolation[], code = 'VALIDATION_FAILED') {
    super(code, 'invalid_argument', violations.map((v) => `${v.field}: ${v.message}`).join('; '), violations);
  }
}

export class NotFoundError extends AppError {
  constructor(what: string, id: string, code = 'NOT_FOUND') {
    super(code, 'not_found', `${what} ${id} does not exist`);
  }
}
