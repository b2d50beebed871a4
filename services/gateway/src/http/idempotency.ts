import type { RequestHandler } from 'express';
import { AppError, ValidationError } from '@gov/platform';

/** Printable ASCII without spaces: UUIDs, ULIDs and similar client-made keys all fit. */
const saneKey = /^[\x21-\x7e]{1,128}$/;

export const mutatingMethods: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Every mutating call must name an Idempotency-Key (ARCHITECTURE §6). The gateway keeps no state: the key
 * travels in the request message and the service returns its first result to any retry.
 */
export const requireIdempotencyKey: RequestHandler = (req, _res, next) => {
  const key = req.get('idempotency-key');
  if (key === undefined || key === '')
    return next(
      new AppError('IDEMPOTENCY_KEY_MISSING', 'invalid_argument', 'this route needs an Idempotency-Key header'),
    );
  if (!saneKey.test(key))
    return next(
      new ValidationError(
        [{ field: 'Idempotency-Key', message: 'must be 1-128 printable ASCII characters without spaces' }],
        'IDEMPOTENCY_KEY_INVALID',
      ),
    );
  next();
};
