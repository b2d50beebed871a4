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
import { startSmsSimulator } from '../../bench/duty/sms-simulator';

/** Duty and the gateway as built processes on free ports, with the SMS simulator as the provider. */
export async function startDutyStack(name: string, dutyEnv: Record<string, string> = {}) {
  const env = testEnv(name);
  await createTestTopics(env);
  const dir = mkdtempSync(join(tmpdir(), `gov-${name}-`));
  const keys = await createDevKeys();
  const jwksFile = join(dir, 'jwks.json');
  writeFileSync(jwksFile, JSON.stringify(keys.jwks));
  const sms = await startSmsSimulator();
  const common = { JWKS_FILE: jwksFile, JWT_ISSUER: keys.issuer, JWT_AUDIENCE: keys.audience, OUTBOX_POLL_MS: '500' };
  const ports = {
    dutyGrpc: await freePort(),
    dutyAdmin: await freePort(),
    http: await freePort(),
    gwAdmin: await freePort(),
  };
  const procs: ServiceProcess[] = [];
  const start = async (svc: string, extra: Record<string, string>, admin: number) => {
    const p = startService(svc, env.serviceEnv({ ...common, ...extra, ADMIN_PORT: String(admin) }));
    procs.push(p);
    await waitReady(`http://127.0.0.1:${admin}/readyz`, p);
  };
  await start(
    'duty',
    {
      GRPC_PORT: String(ports.dutyGrpc),
      SMS_GATEWAY_URL: sms.url,
      INSTANCE_ID: 'duty-e2e',
      // message counts in these tests leave out the AK-2 voice fallback; a test may turn it on
      VOICE_FALLBACK_SEC: '0',
      ...dutyEnv,
    },
    ports.dutyAdmin,
  );
  await start(
    'gateway',
    {
      HTTP_PORT: String(ports.http),
      DOCUMENT_GRPC_ADDR: '127.0.0.1:1',
      SUPERVISION_GRPC_ADDR: '127.0.0.1:1',
      DUTY_GRPC_ADDR: `127.0.0.1:${ports.dutyGrpc}`,
      RATE_LIMIT_PER_MINUTE: '100000',
      RATE_LIMIT_BURST: '10000',
    },
    ports.gwAdmin,
  );
  return {
    env,
    baseUrl: `http://127.0.0.1:${ports.http}`,
    dutyGrpc: `127.0.0.1:${ports.dutyGrpc}`,
    dutyAdmin: `http://127.0.0.1:${ports.dutyAdmin}`,
    keys,
    sms,
    procs,
    outputs: () => procs.map((p) => `--- ${p.name}\n${p.output()}`).join('\n'),
    stop: async () => {
      await Promise.all(procs.map((p) => p.stop()));
      await sms.stop();
    },
  };
}
