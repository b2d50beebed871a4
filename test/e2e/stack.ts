import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createDevKeys,
  createTestTopics,
  freePort,
  startService,
  testEnv,
  waitReady,
  type ServiceProcess,
} from '@gov/testkit';

/** The slice's processes (document, supervision, gateway) on free ports, sharing one test env. */
export async function startSliceStack(name: string) {
  const env = testEnv(name);
  await createTestTopics(env);
  const dir = mkdtempSync(join(tmpdir(), `gov-${name}-`));
  const keys = await createDevKeys();
  const jwksFile = join(dir, 'jwks.json');
  writeFileSync(jwksFile, JSON.stringify(keys.jwks));
  const tracesFile = join(dir, 'spans.jsonl');
  writeFileSync(tracesFile, '');
  const common = {
    JWKS_FILE: jwksFile,
    JWT_ISSUER: keys.issuer,
    JWT_AUDIENCE: keys.audience,
    OTEL_TRACES_FILE: tracesFile,
    OUTBOX_POLL_MS: '500',
  };
  const ports = {
    docGrpc: await freePort(),
    docAdmin: await freePort(),
    supGrpc: await freePort(),
    supAdmin: await freePort(),
    http: await freePort(),
    gwAdmin: await freePort(),
  };
  const procs: ServiceProcess[] = [];
  const start = async (svc: string, extra: Record<string, string>, admin: number) => {
    const p = startService(svc, env.serviceEnv({ ...common, ...extra, ADMIN_PORT: String(admin) }));
    procs.push(p);
    await waitReady(`http://127.0.0.1:${admin}/readyz`, p);
    return p;
  };
  await start('document', { GRPC_PORT: String(ports.docGrpc), MONGO_DB: `${env.dbName}_document` }, ports.docAdmin);
  await start(
    'supervision',
    { GRPC_PORT: String(ports.supGrpc), MONGO_DB: `${env.dbName}_supervision` },
    ports.supAdmin,
  );
  await start(
    'gateway',
    {
      HTTP_PORT: String(ports.http),
      DOCUMENT_GRPC_ADDR: `127.0.0.1:${ports.docGrpc}`,
      SUPERVISION_GRPC_ADDR: `127.0.0.1:${ports.supGrpc}`,
      DUTY_GRPC_ADDR: '127.0.0.1:1',
      CREDIT_GRPC_ADDR: '127.0.0.1:1',
      FINANCE_GRPC_ADDR: '127.0.0.1:1',
    },
    ports.gwAdmin,
  );
  return {
    baseUrl: `http://127.0.0.1:${ports.http}`,
    keys,
    tracesFile,
    procs,
    /** The tail of every process's output, for a failing test's message. */
    outputs: () => procs.map((p) => `--- ${p.name}\n${p.output().slice(-3000)}`).join('\n'),
    stop: () => Promise.all(procs.map((p) => p.stop())),
  };
}
