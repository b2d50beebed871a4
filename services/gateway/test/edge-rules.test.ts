import { status } from '@grpc/grpc-js';
import { RemoteError } from '@gov/platform';
import { problemJson } from '../src/openapi/schemas';
import { aRegisterBody } from './factories';
import { aSigner, asCaller, startGateway, type Gateway } from './harness';

let signer: Awaited<ReturnType<typeof aSigner>>;
beforeAll(async () => {
  signer = await aSigner();
});

const post = (gw: Gateway, headers: Record<string, string>, body: unknown = aRegisterBody()) =>
  gw.fetch('/v1/documents/incoming', { method: 'POST', headers, body: JSON.stringify(body) });

describe('request ids', () => {
  let gw: Gateway;
  beforeAll(async () => void (gw = await startGateway({ jwks: signer.jwks })));
  afterAll(() => gw.close());

  it('keeps a sane incoming X-Request-Id: echoed, forwarded to the service and logged', async () => {
    const res = await gw.fetch('/v1/documents/incoming/doc-1', {
      headers: asCaller(await signer.sign(), { 'x-request-id': 'portal-7f3a.42' }),
    });
    expect(res.headers.get('x-request-id')).toBe('portal-7f3a.42');
    expect(gw.seen.at(-1)?.call.requestId).toBe('portal-7f3a.42');
    expect(gw.logs).toContainEqual(expect.objectContaining({ requestId: 'portal-7f3a.42', status: 200 }));
  });

  it('replaces an id that could forge log lines with a generated one, and puts it in problem bodies', async () => {
    const res = await gw.fetch('/v1/nowhere', { headers: { 'x-request-id': 'x"; drop table' } });
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await res.json()).toMatchObject({ requestId: id });
  });
});

describe('Idempotency-Key on mutating routes', () => {
  let gw: Gateway;
  beforeAll(async () => void (gw = await startGateway({ jwks: signer.jwks })));
  afterAll(() => gw.close());
  beforeEach(() => void (gw.seen.length = 0));

  it('refuses a POST without the header as IDEMPOTENCY_KEY_MISSING and calls no service', async () => {
    const res = await post(gw, asCaller(await signer.sign()));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_MISSING' });
    expect(gw.seen).toHaveLength(0);
  });

  it('refuses a key with spaces or control characters', async () => {
    const res = await post(gw, asCaller(await signer.sign(), { 'idempotency-key': 'two words' }));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      code: 'IDEMPOTENCY_KEY_INVALID',
      violations: [{ field: 'Idempotency-Key' }],
    });
  });

  it('passes the key to the service in the request message, which owns replay', async () => {
    const res = await post(gw, asCaller(await signer.sign(), { 'idempotency-key': '01JH6Z0V6M3N4P5Q6R7S8T9V0W' }));
    expect(res.status).toBe(201);
    expect(gw.seen[0]?.req).toMatchObject({ idempotencyKey: '01JH6Z0V6M3N4P5Q6R7S8T9V0W' });
  });
});

describe('rate limiting', () => {
  it('answers 429 RATE_LIMITED with Retry-After once a user spends the burst, without touching others', async () => {
    const gw = await startGateway({ jwks: signer.jwks, perMinute: 60, burst: 2 });
    try {
      const alice = asCaller(await signer.sign({ sub: 'alice' }));
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await gw.fetch('/v1/supervision/items', { headers: alice })).status);
      expect(statuses).toEqual([200, 200, 429]);
      const limited = await gw.fetch('/v1/supervision/items', { headers: alice });
      expect(limited.headers.get('retry-after')).toBe('1');
      expect(await limited.json()).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
      const bob = await gw.fetch('/v1/supervision/items', { headers: asCaller(await signer.sign({ sub: 'bob' })) });
      expect(bob.status).toBe(200);
    } finally {
      await gw.close();
    }
  });

  it('limits callers without a valid token by address, so token guessing is throttled too', async () => {
    const gw = await startGateway({ jwks: signer.jwks, perMinute: 60, burst: 2 });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await gw.fetch('/v1/supervision/items')).status);
      expect(statuses).toEqual([401, 401, 429]);
    } finally {
      await gw.close();
    }
  });
});

describe('problem+json', () => {
  const failing = (err: unknown) => ({
    documents: {
      getIncoming: () => Promise.reject(err),
    },
  });

  it.each([
    [
      'NOT_FOUND',
      new RemoteError(status.NOT_FOUND, 'DOCUMENT_NOT_FOUND', 'document doc-9 does not exist', []),
      404,
      'DOCUMENT_NOT_FOUND',
    ],
    [
      'PERMISSION_DENIED',
      new RemoteError(status.PERMISSION_DENIED, 'CLEARANCE_TOO_LOW', 'needs SECRET clearance', []),
      403,
      'CLEARANCE_TOO_LOW',
    ],
    [
      'UNAVAILABLE',
      new RemoteError(status.UNAVAILABLE, 'SERVICE_UNAVAILABLE', 'connect ECONNREFUSED 10.0.3.7:50051', []),
      503,
      'SERVICE_UNAVAILABLE',
    ],
    [
      'DEADLINE_EXCEEDED',
      new RemoteError(status.DEADLINE_EXCEEDED, 'DEADLINE_EXCEEDED', 'Deadline exceeded after 5.001s', []),
      504,
      'DEADLINE_EXCEEDED',
    ],
  ])('maps gRPC %s from a service to HTTP, keeping the service code', async (_name, err, httpStatus, code) => {
    const gw = await startGateway({ jwks: signer.jwks, ports: failing(err) });
    try {
      const res = await gw.fetch('/v1/documents/incoming/doc-9', { headers: asCaller(await signer.sign()) });
      const body = await res.json();
      expect(res.status).toBe(httpStatus);
      expect(problemJson.parse(body)).toMatchObject({
        status: httpStatus,
        code,
        requestId: res.headers.get('x-request-id'),
      });
      // internal addresses from grpc-js never reach the caller
      expect(JSON.stringify(body)).not.toContain('10.0.3.7');
    } finally {
      await gw.close();
    }
  });

  it('turns an unknown failure into 500 INTERNAL without internals, logged once with the request id', async () => {
    const gw = await startGateway({
      jwks: signer.jwks,
      ports: failing(new TypeError('cannot read secretThing of undefined')),
    });
    try {
      const res = await gw.fetch('/v1/documents/incoming/doc-1', { headers: asCaller(await signer.sign()) });
      const body = (await res.json()) as { detail: string; code: string; requestId: string };
      expect(res.status).toBe(500);
      expect(body).toMatchObject({ code: 'INTERNAL', detail: 'internal error' });
      expect(JSON.stringify(body)).not.toContain('secretThing');
      expect(gw.logs.filter((l) => l.level === 50 && l.requestId === body.requestId)).toHaveLength(1);
    } finally {
      await gw.close();
    }
  });

  it('answers NOT_FOUND for a route that does not exist', async () => {
    const gw = await startGateway({ jwks: signer.jwks });
    try {
      const res = await gw.fetch('/v1/no-such-thing', { headers: asCaller(await signer.sign()) });
      expect(res.status).toBe(404);
      expect(problemJson.parse(await res.json())).toMatchObject({ code: 'NOT_FOUND' });
    } finally {
      await gw.close();
    }
  });
});

describe('RED metrics', () => {
  it('labels requests by route template, never by raw path', async () => {
    const gw = await startGateway({ jwks: signer.jwks });
    try {
      const headers = asCaller(await signer.sign());
      await gw.fetch('/v1/documents/incoming/doc-1', { headers });
      await gw.fetch('/v1/documents/incoming/doc-2', { headers });
      await gw.fetch('/v1/documents/incoming/doc-3', { method: 'POST', headers, body: '{}' });
      const text = await gw.registry.metrics();
      expect(text).toContain('http_requests_total{route="/v1/documents/incoming/:id",method="GET",status="200"} 2');
      expect(text).toContain('http_requests_total{route="unmatched",method="POST",status="404"} 1');
      expect(text).toContain('http_request_duration_seconds_count{route="/v1/documents/incoming/:id",method="GET"} 2');
      expect(text).not.toContain('doc-1');
    } finally {
      await gw.close();
    }
  });
});

describe('API docs', () => {
  it('serves a Swagger UI page with its assets from the installed package, and nothing else from it', async () => {
    const gw = await startGateway({ jwks: signer.jwks });
    try {
      const page = await gw.fetch('/docs');
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await page.text()).toContain('docs/assets/swagger-ui-bundle.js');
      const css = await gw.fetch('/docs/assets/swagger-ui.css');
      expect(css.status).toBe(200);
      expect(await css.text()).toContain('.swagger-ui');
      const init = await gw.fetch('/docs/init.js');
      expect(await init.text()).toContain("url: 'openapi.json'");
      const demo = await gw.fetch('/docs/assets/index.html');
      expect(demo.status).toBe(404);
      await demo.body?.cancel();
    } finally {
      await gw.close();
    }
  });
});
