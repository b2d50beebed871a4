import { status } from '@grpc/grpc-js';
import type { ErrorCategory } from '../errors';

/** The one table from error category to gRPC status (STYLE §9). */
export const grpcStatusByCategory: Record<ErrorCategory, status> = {
  invalid_argument: status.INVALID_ARGUMENT,
  not_found: status.NOT_FOUND,
  already_exists: status.ALREADY_EXISTS,
  failed_precondition: status.FAILED_PRECONDITION,
  conflict: status.ABORTED,
  permission_denied: status.PERMISSION_DENIED,
  unauthenticated: status.UNAUTHENTICATED,
  resource_exhausted: status.RESOURCE_EXHAUSTED,
  deadline_exceeded: status.DEADLINE_EXCEEDED,
  unavailable: status.UNAVAILABLE,
  internal: status.INTERNAL,
};

/** And back, for clients (the gateway) that turn a service's status into their own errors. */
export const categoryByGrpcStatus = new Map<status, ErrorCategory>(
  Object.entries(grpcStatusByCategory).map(([c, s]) => [s, c as ErrorCategory]),
);
