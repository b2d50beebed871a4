import { Writable } from 'node:stream';
import { documentV1 } from '@gov/contracts';
import { SignJWT, exportJWK, generateKeyPair, type JSONWebKeySet, type KeyLike } from 'jose';
import { Registry } from 'prom-client';
import { createLogger, createTokenVerifier } from '@gov/platform';
import type { CallCredentials, DocumentsPort, GatewayPorts, SupervisionPort } from '../src/clients';
import { createApp } from '../src/http/app';
import { createHttpMetrics } from '../src/http/http-metrics';
import { listen } from '../src/http/server';
import { createTokenBuckets } from '../src/http/token-bucket';
import { anIncomingDocument, aSignedInDocument, aSupervisionItem } from './factories';

const issuer = 'https://idp.test';
const audience = 'gov-gateway';

export interface Claims {
  sub?: string;
  name?: string;
  org?: string;
  roles?: string[];
  clearance?: string;
}

/** A signing key the gateway trusts (or, with trusted=false, one it has never seen). */
export async function aSigner(trusted = true) {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: trusted ? 'test-key' : 'stranger', alg: 'ES256', use: 'sig' };
  return {
    jwks: { keys: [jwk] },
    sign: (claims: Claims = {}, opts: { expiresIn?: string; audience?: string; key?: KeyLike } = {}) =>
      new SignJWT({
        name: claims.name ?? '王文书',
        org: claims.org ?? 'gov-office/secretariat',
        roles: claims.roles ?? ['CLERK'],
        clearance: claims.clearance ?? 'SECRET',
      })
        .setProtectedHeader({ alg: 'ES256', kid: jwk.kid })
        .setSubject(claims.sub ?? 'u-clerk')
        .setIssuer(issuer)
        .setAudience(opts.audience ?? audience)
        .setIssuedAt()
        .setExpirationTime(opts.expiresIn ?? '5m')
        .sign(opts.key ?? privateKey),
  };
}

/** What a fake port saw: the request message and the credentials the gateway forwarded. */
export interface Seen {
  method: string;
  req: unknown;
  call: CallCredentials;
}

/** Ports answering from factories and recording every call; a test overrides single methods. */
export function fakePorts(
  seen: Seen[],
  overrides: { documents?: Partial<DocumentsPort>; supervision?: Partial<SupervisionPort> } = {},
): GatewayPorts {
  const record = (method: string, req: unknown, call: CallCredentials) => seen.push({ method, req, call });
  return {
    documents: {
      async registerIncoming(req, call) {
        record('registerIncoming', req, call);
        return { document: anIncomingDocument({ title: req.title }) };
      },
      async getIncoming(req, call) {
        record('getIncoming', req, call);
        return { document: anIncomingDocument({ id: req.id }), audit: [] };
      },
      async listAwaitingRegistration(req, call) {
        record('listAwaitingRegistration', req, call);
        return { documents: [aSignedInDocument()], page: { nextPageToken: '' } };
      },
      async registerSignedIn(req, call) {
        record('registerSignedIn', req, call);
        return {
          document: anIncomingDocument({
            id: req.id,
            channel: documentV1.Channel.CHANNEL_DUTY_HANDOVER,
            dutyHandover: { deskDocumentId: 'desk-1', kind: 'FAX' },
          }),
        };
      },
      ...overrides.documents,
    },
    supervision: {
      async getItem(req, call) {
        record('getItem', req, call);
        return { item: aSupervisionItem({ id: req.id }), audit: [] };
      },
      async listItems(req, call) {
        record('listItems', req, call);
        return { items: [aSupervisionItem()], page: { nextPageToken: '' } };
      },
      ...overrides.supervision,
      // the feedback commands are faked by the tests that call them; the others never reach them
    } as SupervisionPort,
    duty: notFaked('duty'),
    dutyDesk: notFaked('dutyDesk'),
    dutyShifts: notFaked('dutyShifts'),
    dutyRosters: notFaked('dutyRosters'),
    credit: notFaked('credit'),
  };
}

/** A port the tests through this harness never call: any of its methods fails, naming itself. */
function notFaked<P extends object>(port: string): P {
  return new Proxy({} as P, {
    get: (_target, method) =>
      method === 'then'
        ? undefined
        : () => Promise.reject(new Error(`the gateway test harness fakes no ${port}.${String(method)}`)),
  });
}

/** The real app factory on an ephemeral port, with fake ports, a fresh registry and captured logs. */
export async function startGateway(opts: {
  jwks: JSONWebKeySet;
  ports?: Parameters<typeof fakePorts>[1];
  perMinute?: number;
  burst?: number;
}) {
  const seen: Seen[] = [];
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) logs.push(JSON.parse(line));
      done();
    },
  });
  const registry = new Registry();
  const app = createApp({
    ports: fakePorts(seen, opts.ports),
    verifyToken: createTokenVerifier({ jwks: opts.jwks, issuer, audience }),
    buckets: createTokenBuckets({ perMinute: opts.perMinute ?? 6000, burst: opts.burst ?? 1000 }),
    metrics: createHttpMetrics(registry),
    logger: createLogger({ service: 'gateway-test', level: 'info', destination: sink }),
  });
  const server = await listen(app, 0, '127.0.0.1');
  const base = `http://127.0.0.1:${server.port}`;
  return {
    seen,
    logs,
    registry,
    close: () => server.close(),
    fetch: (path: string, init: RequestInit = {}) => fetch(base + path, init),
  };
}
export type Gateway = Awaited<ReturnType<typeof startGateway>>;

/** Headers for an authenticated JSON call. */
export const asCaller = (token: string, extra: Record<string, string> = {}): Record<string, string> => ({
  authorization: `Bearer ${token}`,
  'content-type': 'application/json',
  ...extra,
});
