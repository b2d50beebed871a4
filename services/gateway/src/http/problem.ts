import { status as grpcStatus } from '@grpc/grpc-js';
import { AppError, RemoteError, isAppError, type ErrorCategory, type FieldViolation } from '@gov/platform';

/** RFC 9457 problem details, plus the stable `code` clients branch on and the request id support asks for. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  violations?: FieldViolation[];
  requestId: string;
}

/** The one table from the kit's error category to HTTP status (STYLE §9). */
export const httpStatusByCategory: Record<ErrorCategory, number> = {
  invalid_argument: 400,
  unauthenticated: 401,
  permission_denied: 403,
  not_found: 404,
  already_exists: 409,
  // a state-machine refusal ("not in a state to sign") is a conflict with the resource's current state
  failed_precondition: 409,
  conflict: 409,
  resource_exhausted: 429,
  internal: 500,
  unavailable: 503,
  deadline_exceeded: 504,
};

const titleByCategory: Record<ErrorCategory, string> = {
  invalid_argument: 'Invalid request',
  unauthenticated: 'Authentication required',
  permission_denied: 'Not allowed',
  not_found: 'Not found',
  already_exists: 'Already exists',
  failed_precondition: 'Not possible in the current state',
  conflict: 'Conflict',
  resource_exhausted: 'Too many requests',
  internal: 'Internal error',
  unavailable: 'Service unavailable',
  deadline_exceeded: 'Upstream timeout',
};

/** An edge error whose HTTP status has no kit category of its own (413, 415). */
export class HttpError extends AppError {
  constructor(
    readonly status: number,
    readonly title: string,
    code: string,
    message: string,
  ) {
    super(code, 'invalid_argument', message);
  }
}

/** How the error handler should log: unknown errors once as errors, upstream failures as warnings. */
export type LogAs = 'none' | 'warn' | 'error';

export const problemType = (code: string): string => `urn:gov-office:problem:${code.toLowerCase().replace(/_/g, '-')}`;

/**
 * Turns anything thrown while serving a request into a problem body. Transport detail of upstream
 * failures (addresses, grpc-js wording) is replaced, because it helps attackers more than callers.
 */
export function toProblem(err: unknown, requestId: string): { problem: Problem; logAs: LogAs } {
  if (!isAppError(err)) {
    return {
      problem: build(titleByCategory.internal, 500, 'INTERNAL', 'internal error', [], requestId),
      logAs: 'error',
    };
  }
  const status = err instanceof HttpError ? err.status : httpStatusByCategory[err.category];
  const title = err instanceof HttpError ? err.title : titleByCategory[err.category];
  let detail = err.message;
  let logAs: LogAs = 'none';
  if (err instanceof RemoteError && status >= 500) {
    logAs = 'warn';
    detail = upstreamDetail(err) ?? (status === 500 ? 'internal error' : err.message);
  }
  return { problem: build(title, status, err.code, detail, err.violations, requestId), logAs };
}

function upstreamDetail(err: RemoteError): string | undefined {
  if (err.grpcCode === grpcStatus.UNAVAILABLE && err.code === 'SERVICE_UNAVAILABLE')
    return 'an upstream service is unavailable; retry later';
  if (err.grpcCode === grpcStatus.DEADLINE_EXCEEDED && err.code === 'DEADLINE_EXCEEDED')
    return 'an upstream service did not answer in time';
  return undefined;
}

function build(
  title: string,
  status: number,
  code: string,
  detail: string,
  violations: readonly FieldViolation[],
  requestId: string,
): Problem {
  const problem: Problem = { type: problemType(code), title, status, detail, code, requestId };
  if (violations.length > 0) problem.violations = violations.map((v) => ({ field: v.field, message: v.message }));
  return problem;
}
