import { Metadata } from '@grpc/grpc-js';
import { randomUUID } from 'node:crypto';
import type { Actor } from '../auth';
import { AuthError, type TokenVerifier } from '../auth';
import type { Logger } from '../observability';

/** What a use case learns about the call: who asks, until when, and a request id for the logs. */
export interface CallContext {
  actor: Actor;
  requestId: string;
  deadline?: Date;
  logger: Logger;
}

/** Metadata keys shared by the gateway (client) and the services (server). */
export const metadataKeys = {
  authorization: 'authorization',
  requestId: 'x-request-id',
  /** base64url JSON Actor; honoured only where unsigned actors are allowed (dev, tests) */
  actor: 'x-gov-actor',
  errorCode: 'x-error-code',
  errorViolations: 'x-error-violations-bin',
} as const;

export type Authenticate = (md: Metadata) => Promise<Actor>;

/**
 * Resolves the caller from metadata: a bearer token checked against the JWKS, or, only when explicitly
 * allowed, an unsigned actor header.
 */
export function createAuthenticate(opts: { verify?: TokenVerifier; allowUnsignedActor: boolean }): Authenticate {
  return async (md) => {
    const auth = md.get(metadataKeys.authorization)[0];
    if (typeof auth === 'string' && auth.startsWith('Bearer ') && opts.verify) return opts.verify(auth.slice(7));
    const raw = md.get(metadataKeys.actor)[0];
    if (opts.allowUnsignedActor && typeof raw === 'string') return decodeActor(raw);
    throw new AuthError('UNAUTHENTICATED', 'no valid caller identity in the request');
  };
}

export const encodeActor = (a: Actor): string => Buffer.from(JSON.stringify(a)).toString('base64url');
export const decodeActor = (s: string): Actor => JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Actor;

export function requestIdOf(md: Metadata): string {
  const v = md.get(metadataKeys.requestId)[0];
  return typeof v === 'string' && v.length > 0 && v.length <= 128 ? v : randomUUID();
}
