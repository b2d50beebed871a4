import { createLocalJWKSet, createRemoteJWKSet, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';
import { AppError } from '../errors';
import { clearanceLevels, type Actor, type Clearance } from './actor';

export class AuthError extends AppError {
  constructor(code: 'UNAUTHENTICATED' | 'TOKEN_INVALID' | 'PERMISSION_DENIED', message: string) {
    super(code, code === 'PERMISSION_DENIED' ? 'permission_denied' : 'unauthenticated', message);
  }
}

export interface TokenVerifierOptions {
  /** Either a JWKS URL (production) or a key set already loaded (dev key pair, tests). */
  jwksUrl?: string;
  jwks?: JSONWebKeySet;
  issuer: string;
  audience: string;
  /**
   * How long a token already verified is trusted without checking its signature again (never past its own
   * `exp`), in ms; 0 turns the cache off. A portal sends the same token on every call, and the signature check
   * was the largest single CPU cost of the duty service's alert path. Bounds how long a key withdrawn from the
   * JWKS keeps working for tokens seen before. [config]
   */
  cacheTtlMs?: number;
  /** Most tokens held in the cache; the oldest go first. */
  cacheMax?: number;
  now?: () => number;
}

export type TokenVerifier = (token: string) => Promise<Actor>;

/**
 * Verifies a bearer JWT against the JWKS and maps its claims to an Actor. The gateway and every service
 * run the same check, so a service never trusts identity only because the call came through the edge.
 */
export function createTokenVerifier(opts: TokenVerifierOptions): TokenVerifier {
  const keys = opts.jwksUrl
    ? createRemoteJWKSet(new URL(opts.jwksUrl))
    : opts.jwks
      ? createLocalJWKSet(opts.jwks)
      : undefined;
  if (!keys) throw new Error('createTokenVerifier needs jwksUrl or jwks');
  const ttl = opts.cacheTtlMs ?? 60_000;
  const max = opts.cacheMax ?? 10_000;
  const now = opts.now ?? Date.now;
  // token → the actor it carries and until when that answer may be reused; only successes are kept
  const verified = new Map<string, { actor: Actor; until: number }>();
  return async (token) => {
    const hit = ttl > 0 ? verified.get(token) : undefined;
    if (hit && hit.until > now()) return { ...hit.actor, roles: [...hit.actor.roles] };
    if (hit) verified.delete(token);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: opts.issuer,
        audience: opts.audience,
        currentDate: new Date(now()),
      }));
    } catch (e) {
      throw new AuthError('TOKEN_INVALID', `token rejected: ${(e as Error).message}`);
    }
    const actor = actorFromClaims(payload);
    if (ttl > 0) {
      // jose has just checked exp and nbf against the same clock; a token without exp is kept for ttl only
      const until = Math.min(now() + ttl, typeof payload.exp === 'number' ? payload.exp * 1000 : Infinity);
      if (verified.size >= max) verified.delete(verified.keys().next().value!);
      verified.set(token, { actor: { ...actor, roles: [...actor.roles] }, until });
    }
    return actor;
  };
}

export function actorFromClaims(p: JWTPayload): Actor {
  const clearance = (p.clearance ?? 'PUBLIC') as Clearance;
  if (typeof p.sub !== 'string' || !p.sub) throw new AuthError('TOKEN_INVALID', 'token has no subject');
  if (!clearanceLevels.includes(clearance))
    throw new AuthError('TOKEN_INVALID', `unknown clearance ${String(clearance)}`);
  return {
    userId: p.sub,
    name: typeof p.name === 'string' ? p.name : p.sub,
    orgUnitId: typeof p.org === 'string' ? p.org : '',
    roles: Array.isArray(p.roles) ? p.roles.filter((r): r is string => typeof r === 'string') : [],
    clearance,
  };
}
