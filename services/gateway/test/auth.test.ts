import { aSigner, asCaller, startGateway, type Gateway } from './harness';

describe('bearer authentication at the edge', () => {
  let signer: Awaited<ReturnType<typeof aSigner>>;
  let gw: Gateway;
  beforeAll(async () => {
    signer = await aSigner();
    gw = await startGateway({ jwks: signer.jwks });
  });
  afterAll(() => gw.close());
  beforeEach(() => void (gw.seen.length = 0));

  it('refuses a /v1 call without a token as UNAUTHENTICATED, before any service is called', async () => {
    const res = await gw.fetch('/v1/documents/incoming/doc-1');
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect(await res.json()).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(gw.seen).toHaveLength(0);
  });

  it('rejects a token signed by a key outside the JWKS as TOKEN_INVALID', async () => {
    const stranger = await aSigner(false);
    const res = await gw.fetch('/v1/documents/incoming/doc-1', { headers: asCaller(await stranger.sign()) });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    expect(await res.json()).toMatchObject({ code: 'TOKEN_INVALID' });
  });

  it('rejects an expired token and one minted for another audience', async () => {
    for (const token of [
      await signer.sign({}, { expiresIn: '-1m' }),
      await signer.sign({}, { audience: 'some-other-api' }),
    ]) {
      const res = await gw.fetch('/v1/documents/incoming/doc-1', { headers: asCaller(token) });
      expect({ status: res.status, code: ((await res.json()) as { code: string }).code }).toEqual({
        status: 401,
        code: 'TOKEN_INVALID',
      });
    }
  });

  it('rejects a token whose clearance is not a known 密级', async () => {
    const res = await gw.fetch('/v1/documents/incoming/doc-1', {
      headers: asCaller(await signer.sign({ clearance: 'ULTRA' })),
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 'TOKEN_INVALID' });
  });

  it('rejects an Authorization header that is not a bearer JWT', async () => {
    const res = await gw.fetch('/v1/documents/incoming/doc-1', { headers: { authorization: 'Basic dXNlcjpwdw==' } });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 'TOKEN_INVALID' });
  });

  it('forwards the very same bearer token to the service, which verifies the caller again', async () => {
    const token = await signer.sign({ sub: 'u-director', roles: ['DIRECTOR'] });
    const res = await gw.fetch('/v1/documents/incoming/doc-1', { headers: { authorization: `bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(gw.seen).toEqual([
      expect.objectContaining({
        method: 'getIncoming',
        call: expect.objectContaining({ authorization: `Bearer ${token}` }),
      }),
    ]);
  });

  it('serves the API description without a token', async () => {
    const res = await gw.fetch('/openapi.json');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ openapi: '3.1.0' });
  });
});
