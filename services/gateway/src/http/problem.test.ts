import { status } from '@grpc/grpc-js';
import { AppError, NotFoundError, RemoteError, ValidationError, type ErrorCategory } from '@gov/platform';
import { HttpError, httpStatusByCategory, toProblem } from './problem';

describe(toProblem.name, () => {
  it('gives every kit category an HTTP status, distinct for each class of client reaction', () => {
    const expected: Record<ErrorCategory, number> = {
      invalid_argument: 400,
      unauthenticated: 401,
      permission_denied: 403,
      not_found: 404,
      already_exists: 409,
      failed_precondition: 409,
      conflict: 409,
      resource_exhausted: 429,
      internal: 500,
      unavailable: 503,
      deadline_exceeded: 504,
    };
    expect(httpStatusByCategory).toEqual(expected);
  });

  it('carries the stable code, the violations and the request id', () => {
    const err = new ValidationError([{ field: 'title', message: 'required' }]);
    expect(toProblem(err, 'req-1')).toEqual({
      logAs: 'none',
      problem: {
        type: 'urn:gov-office:problem:validation-failed',
        title: 'Invalid request',
        status: 400,
        detail: 'title: required',
        code: 'VALIDATION_FAILED',
        violations: [{ field: 'title', message: 'required' }],
        requestId: 'req-1',
      },
    });
  });

  it('leaves violations out when there are none', () => {
    const { problem } = toProblem(new NotFoundError('document', 'd-1'), 'r');
    expect(problem).not.toHaveProperty('violations');
    expect(problem).toMatchObject({ status: 404, code: 'NOT_FOUND', detail: 'document d-1 does not exist' });
  });

  it('passes a service code through with the status of its gRPC category', () => {
    const err = new RemoteError(status.FAILED_PRECONDITION, 'ALREADY_ARCHIVED', 'document is archived', []);
    expect(toProblem(err, 'r').problem).toMatchObject({
      status: 409,
      code: 'ALREADY_ARCHIVED',
      detail: 'document is archived',
    });
  });

  it('hides transport detail of an unreachable or slow service and asks for a warning log', () => {
    const down = toProblem(
      new RemoteError(status.UNAVAILABLE, 'SERVICE_UNAVAILABLE', 'connect ECONNREFUSED 10.1.2.3:50051', []),
      'r',
    );
    expect(down).toMatchObject({ logAs: 'warn', problem: { status: 503, code: 'SERVICE_UNAVAILABLE' } });
    expect(down.problem.detail).not.toContain('10.1.2.3');
    const slow = toProblem(
      new RemoteError(status.DEADLINE_EXCEEDED, 'DEADLINE_EXCEEDED', 'Deadline exceeded after 5s', []),
      'r',
    );
    expect(slow.problem).toMatchObject({
      status: 504,
      code: 'DEADLINE_EXCEEDED',
      detail: 'an upstream service did not answer in time',
    });
  });

  it('keeps the words of a service that chose to report itself unavailable with its own code', () => {
    const err = new RemoteError(status.UNAVAILABLE, 'CALENDAR_NOT_LOADED', 'holiday calendar is loading', []);
    expect(toProblem(err, 'r').problem).toMatchObject({
      status: 503,
      code: 'CALENDAR_NOT_LOADED',
      detail: 'holiday calendar is loading',
    });
  });

  it('reports a service INTERNAL as 500 without its message', () => {
    const err = new RemoteError(status.INTERNAL, 'INTERNAL', 'TypeError at repo.ts:12', []);
    expect(toProblem(err, 'r')).toMatchObject({ logAs: 'warn', problem: { status: 500, detail: 'internal error' } });
  });

  it('turns anything that is not an AppError into INTERNAL, logged as an error, with no internals', () => {
    const { problem, logAs } = toProblem(new Error('pool exhausted at 10.0.0.5'), 'r');
    expect(logAs).toBe('error');
    expect(problem).toMatchObject({ status: 500, code: 'INTERNAL', detail: 'internal error' });
  });

  it('uses the explicit status of an edge HttpError', () => {
    const err = new HttpError(415, 'Unsupported media type', 'UNSUPPORTED_MEDIA_TYPE', 'send JSON');
    expect(toProblem(err, 'r').problem).toMatchObject({ status: 415, title: 'Unsupported media type' });
  });

  it('maps an AppError raised at the edge by its category', () => {
    const err = new AppError('RATE_LIMITED', 'resource_exhausted', 'slow down');
    expect(toProblem(err, 'r').problem).toMatchObject({
      status: 429,
      code: 'RATE_LIMITED',
      type: 'urn:gov-office:problem:rate-limited',
    });
  });
});
