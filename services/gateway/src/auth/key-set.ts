import { readFile } from 'node:fs/promises';
import type { JSONWebKeySet } from 'jose';
import { AppError, createTokenVerifier, type Logger, type TokenVerifier } from '@gov/platform';

export type JwksSource = { file: string } | { url: string };

/** Checks the shape of a JWKS document; jose judges the keys themselves. */
export function parseJwks(text: string): JSONWebKeySet {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new Error('JWKS is not valid JSON');
  }
  const keys = (doc as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys) || keys.length === 0 || !keys.every((k) => typeof k === 'object' && k !== null))
    throw new Error('JWKS has no "keys" array of keys');
  return doc as JSONWebKeySet;
}

interface VerifierSettings {
  issuer: string;
  audience: string;
  cacheTtlMs?: number;
}

async function loadVerifier(source: JwksSource, settings: VerifierSettings): Promise<TokenVerifier> {
  if ('file' in source) {
    const jwks = parseJwks(await readFile(source.file, 'utf8'));
    return createTokenVerifier({ jwks, ...settings });
  }
  // Fetched once only to prove the endpoint answers with keys; jose keeps its own cache and refetches
  // when a token names an unknown kid, which is how key rotation reaches the gateway.
  const res = await fetch(source.url, { signal: AbortSignal.timeout(3000) });
  if (!res.ok) throw new Error(`JWKS endpoint answered ${res.status}`);
  parseJwks(await res.text());
  return createTokenVerifier({ jwksUrl: source.url, ...settings });
}

/**
 * The token-signing public keys. Loading is retried, never fatal: in the dev `up` the key file may be
 * written moments after the gateway starts, and in production the identity provider may be briefly away.
 * Until keys are loaded /readyz says no and requests get 503 AUTH_KEYS_UNAVAILABLE.
 */
export function createKeySet(opts: {
  source: JwksSource;
  issuer: string;
  audience: string;
  cacheTtlMs?: number;
  logger: Logger;
}) {
  let verifier: TokenVerifier | undefined;
  let loading: Promise<boolean> | undefined;

  function ensureLoaded(): Promise<boolean> {
    if (verifier) return Promise.resolve(true);
    // concurrent callers share one attempt; a failed attempt is forgotten so the next call retries
    loading ??= loadVerifier(opts.source, {
      issuer: opts.issuer,
      audience: opts.audience,
      cacheTtlMs: opts.cacheTtlMs,
    })
      .then(
        (v) => {
          verifier = v;
          opts.logger.info('token keys loaded');
          return true;
        },
        (err: unknown) => {
          opts.logger.warn({ err }, 'token keys not loaded yet');
          return false;
        },
      )
      .finally(() => {
        loading = undefined;
      });
    return loading;
  }

  const verify: TokenVerifier = async (token) => {
    if (!verifier) await ensureLoaded();
    if (!verifier)
      throw new AppError('AUTH_KEYS_UNAVAILABLE', 'unavailable', 'token keys are not loaded yet; retry shortly');
    return verifier(token);
  };

  return { ensureLoaded, verify, loaded: (): boolean => verifier !== undefined };
}
