// Dev-only signing keys for the local stack: writes .run/dev/jwks.json (public, read by the gateway and
// services) and .run/dev/private.jwk.json (used by dev-token.mjs). Generated on first `up`, never committed.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair } from 'jose';

const dir = new URL('../.run/dev/', import.meta.url).pathname;
if (!existsSync(`${dir}private.jwk.json`)) {
  mkdirSync(dir, { recursive: true });
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = randomUUID();
  writeFileSync(
    `${dir}jwks.json`,
    JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' }] }, null, 2),
  );
  writeFileSync(`${dir}private.jwk.json`, JSON.stringify({ ...(await exportJWK(privateKey)), kid, alg: 'ES256' }), {
    mode: 0o600,
  });
  console.error('[up] generated a dev signing key pair in .run/dev/');
}
