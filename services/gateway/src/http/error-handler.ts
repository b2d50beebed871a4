import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, RemoteError, type Logger } from '@gov/platform';
import { locals } from './locals';
import { HttpError, toProblem } from './problem';
import { RateLimitedError } from './rate-limit';

/** body-parser's errors carry a `type`; these are the ones a client can cause. */
function fromBodyParser(err: unknown): AppError | undefined {
  const type = (err as { type?: unknown } | null)?.type;
  if (type === 'entity.parse.failed')
    return new AppError('MALFORMED_JSON', 'invalid_argument', 'the body is not valid JSON');
  if (type === 'entity.too.large')
    return new HttpError(413, 'Payload too large', 'PAYLOAD_TOO_LARGE', 'the body is too large');
  if (type === 'encoding.unsupported' || type === 'charset.unsupported')
    return new HttpError(415, 'Unsupported media type', 'UNSUPPORTED_MEDIA_TYPE', 'unsupported body encoding');
  return undefined;
}

export const notFound: RequestHandler = (req, _res, next) => {
  next(new AppError('NOT_FOUND', 'not_found', `no route for ${req.method} ${req.path}`));
};

/** The single exit for failures: problem+json, the request id in body and header, logged once. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, _req, res, next) => {
    if (res.headersSent) return next(err);
    const requestId = locals(res).requestId;
    const { problem, logAs } = toProblem(fromBodyParser(err) ?? err, requestId);
    if (logAs === 'error') logger.error({ err, requestId }, 'unhandled error');
    if (logAs === 'warn' && err instanceof RemoteError)
      logger.warn({ requestId, code: err.code, grpcCode: err.grpcCode, detail: err.message }, 'upstream call failed');
    if (err instanceof RateLimitedError) res.set('Retry-After', String(err.retryAfterSeconds));
    if (problem.status === 401)
      res.set('WWW-Authenticate', problem.code === 'TOKEN_INVALID' ? 'Bearer error="invalid_token"' : 'Bearer');
    res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  };
}
