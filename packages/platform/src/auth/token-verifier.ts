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
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, { issuer: opts.issuer, audience: opts.audience }));
    } catch (e) {
      throw new AuthError('TOKEN_INVALID', `token rejected: ${(e as Error).message}`);
    }
    return actorFromClaims(payload);
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
