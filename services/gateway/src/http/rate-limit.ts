import type { RequestHandler } from 'express';
import { AppError } from '@gov/platform';
import { locals } from './locals';
import type { TokenBuckets } from './token-bucket';

export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('RATE_LIMITED', 'resource_exhausted', `too many requests; retry in ${retryAfterSeconds}s`);
  }
}

/**
 * Spends one token per request: per user once identify() has verified a token, per client address
 * otherwise, so a whole office behind one NAT address does not share a single budget.
 */
export function rateLimit(buckets: TokenBuckets): RequestHandler {
  return (req, res, next) => {
    const actor = locals(res).actor;
    const key = actor ? `user:${actor.userId}` : `ip:${req.ip ?? 'unknown'}`;
    const { allowed, retryAfterSeconds } = buckets.take(key);
    next(allowed ? undefined : new RateLimitedError(retryAfterSeconds));
  };
}
