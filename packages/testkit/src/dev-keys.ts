import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { randomUUID } from 'node:crypto';

/** A throw-away signing key pair for tests and the dev stack; the private half is never committed. */
export async function createDevKeys(opts: { issuer?: string; audience?: string } = {}) {
  const issuer = opts.issuer ?? 'gov-office-dev';
  const audience = opts.audience ?? 'gov-office';
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = randomUUID();
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  return {
    issuer,
    audience,
    jwks: { keys: [jwk] },
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: 'ES256' },
    /** Signs a token for a user with the platform's claims. */
    sign(
      claims: { sub: string; name?: string; org?: string; roles?: string[]; clearance?: string },
      ttlSeconds = 3600,
    ): Promise<string> {
      return new SignJWT({ ...claims })
        .setProtectedHeader({ alg: 'ES256', kid })
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime(`${ttlSeconds}s`)
        .sign(privateKey);
    },
  };
}
