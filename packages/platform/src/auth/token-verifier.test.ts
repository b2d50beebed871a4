import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { createTokenVerifier } from './token-verifier';

async function keyPair() {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' };
  const sign = (sub: string, expSeconds: number, roles: string[] = ['DUTY_OFFICER']) =>
    new SignJWT({ roles, clearance: 'INTERNAL' })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setSubject(sub)
      .setIssuer('iss')
      .setAudience('aud')
      .setIssuedAt(1_000)
      .setExpirationTime(expSeconds)
      .sign(privateKey);
  return { jwks: { keys: [jwk] }, sign };
}

describe('token verifier cache', () => {
  it('reuses a verified token, and a caller changing its copy of the actor changes nothing for the next', async () => {
    const { jwks, sign } = await keyPair();
    let now = 2_000_000;
    const verify = createTokenVerifier({ jwks, issuer: 'iss', audience: 'aud', now: () => now });
    const token = await sign('u1', 3_000);
    const first = await verify(token);
    (first.roles as string[]).push('OFFICE_LEADER');
    now += 1000;
    const second = await verify(token);
    expect(second).toEqual({ userId: 'u1', name: 'u1', orgUnitId: '', roles: ['DUTY_OFFICER'], clearance: 'INTERNAL' });
  });

  it('refuses a cached token once it has expired, even inside the cache period', async () => {
    const { jwks, sign } = await keyPair();
    let now = 2_000_000; // ms; the token expires at 2_005_000 ms
    const verify = createTokenVerifier({ jwks, issuer: 'iss', audience: 'aud', cacheTtlMs: 60_000, now: () => now });
    const token = await sign('u1', 2_005);
    await expect(verify(token)).resolves.toMatchObject({ userId: 'u1' });
    now = 2_006_000;
    await expect(verify(token)).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
  });

  it('checks the signature of a token that differs from a cached one by one character', async () => {
    const { jwks, sign } = await keyPair();
    const verify = createTokenVerifier({ jwks, issuer: 'iss', audience: 'aud', now: () => 2_000_000 });
    const token = await sign('u1', 3_000);
    await verify(token);
    const [h, p, s] = token.split('.');
    const forged = `${h}.${p}.${s!.slice(0, -2)}${s!.endsWith('AA') ? 'BB' : 'AA'}`;
    await expect(verify(forged)).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
  });

  it('holds at most cacheMax tokens and still answers for the ones it let go', async () => {
    const { jwks, sign } = await keyPair();
    const verify = createTokenVerifier({ jwks, issuer: 'iss', audience: 'aud', cacheMax: 2, now: () => 2_000_000 });
    const tokens = await Promise.all(['a', 'b', 'c'].map((u) => sign(u, 3_000)));
    for (const t of tokens) await verify(t);
    for (const [i, t] of tokens.entries()) await expect(verify(t)).resolves.toMatchObject({ userId: 'abc'[i] });
  });
});
