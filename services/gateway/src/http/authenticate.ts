import type { RequestHandler } from 'express';
import { AuthError, isAppError, type TokenVerifier } from '@gov/platform';
import { locals } from './locals';

/** A compact JWS: three base64url parts. Anything else is rejected before any crypto runs. */
const bearer = /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/i;

/**
 * Resolves the caller when a bearer token is present, without yet refusing anyone: the rate limiter that
 * runs next keys authenticated callers by user and everyone else by address, and only the /v1 routes
 * insist on a caller (see requireActor).
 */
export function identify(verify: TokenVerifier): RequestHandler {
  return async (req, res, next) => {
    const header = req.get('authorization');
    if (header === undefined) return next();
    const match = bearer.exec(header.trim());
    const state = locals(res);
    if (!match?.[1]) {
      state.authError = new AuthError('TOKEN_INVALID', 'Authorization must be "Bearer <JWT>"');
      return next();
    }
    try {
      state.actor = await verify(match[1]);
      state.authorization = `Bearer ${match[1]}`;
    } catch (err) {
      if (!isAppError(err)) return next(err);
      state.authError = err;
    }
    next();
  };
}

/** Refuses a request that carries no verified caller, with the reason identify() found. */
export const requireActor: RequestHandler = (_req, res, next) => {
  const state = locals(res);
  if (state.actor) return next();
  next(state.authError ?? new AuthError('UNAUTHENTICATED', 'this route needs "Authorization: Bearer <JWT>"'));
};
