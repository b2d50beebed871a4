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

/** Credit and the gateway as built processes on free ports (run `npm run build` first). */
async function startCreditStack() {
  const env = testEnv('credit-e2e');
  await createTestTopics(env);
  const dir = mkdtempSync(join(tmpdir(), 'gov-credit-'));
  const keys = await createDevKeys();
  const jwksFile = join(dir, 'jwks.json');
  writeFileSync(jwksFile, JSON.stringify(keys.jwks));
  const common = { JWKS_FILE: jwksFile, JWT_ISSUER: keys.issuer, JWT_AUDIENCE: keys.audience, OUTBOX_POLL_MS: '500' };
  const [grpc, admin, http, gwAdmin] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const procs: ServiceProcess[] = [];
  const start = async (svc: string, extra: Record<string, string>, adminPort: number) => {
    const p = startService(svc, env.serviceEnv({ ...common, ...extra, ADMIN_PORT: String(adminPort) }));
    procs.push(p);
    await waitReady(`http://127.0.0.1:${adminPort}/readyz`, p);
  };
  await start('credit', { GRPC_PORT: String(grpc), MONGO_DB: `${env.dbName}_credit` }, admin);
  await start(
    'gateway',
    {
      HTTP_PORT: String(http),
      CREDIT_GRPC_ADDR: `127.0.0.1:${grpc}`,
      DOCUMENT_GRPC_ADDR: '127.0.0.1:1',
      SUPERVISION_GRPC_ADDR: '127.0.0.1:1',
    },
    gwAdmin,
  );
  return {
    baseUrl: `http://127.0.0.1:${http}`,
    keys,
    outputs: () => procs.map((p) => `--- ${p.name}\n${p.output().slice(-3000)}`).join('\n'),
    stop: () => Promise.all(procs.map((p) => p.stop())),
  };
}

const person = (sub: string, role: string) => ({
  sub,
  name: sub,
  org: 'district/finance-office',
  roles: [role],
  clearance: 'INTERNAL',
});

describe('金融扶贫 through the gateway: register, rate, notice, objection (spec credit §2.4, §7, §9)', () => {
  let stack: Awaited<ReturnType<typeof startCreditStack>>;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    stack = await startCreditStack();
    for (const [k, role] of Object.entries({ center: 'CENTER_STAFF', panel: 'VILLAGE_PANEL', villager: 'HOUSEHOLD' }))
      tokens[k] = await stack.keys.sign(person(`u-${k}`, role));
  }, 120000);
  afterAll(async () => {
    if (process.env.E2E_DEBUG) console.log(stack?.outputs());
    await stack?.stop();
  }, 30000);

  const call = async (who: string, method: string, path: string, body?: unknown, key?: string) => {
    const res = await fetch(`${stack.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${tokens[who]}`,
        'content-type': 'application/json',
        ...(key ? { 'idempotency-key': key } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('registers, rates 87 → AA with an explanation, masks personal data, and guards the notice window', async () => {
    const household = {
      townshipId: 'tw-e2e',
      villageId: 'vg-e2e',
      villagerGroupId: 'grp-1',
      headName: '刘七',
      headIdNumber: '11010519491231002X',
      phone: '13912345678',
      povertyStatus: 'REGISTERED_POOR',
    };
    const reg = await call('center', 'POST', '/v1/credit/households', household, 'e2e-reg-1');
    expect(reg.status).toBe(201);
    expect(reg.body).toMatchObject({ headIdNumber: '11010519491231002X', piiMasked: false });
    const again = await call('center', 'POST', '/v1/credit/households', household, 'e2e-reg-1');
    expect(again.body.id).toBe(reg.body.id);
    const id = reg.body.id as string;

    const seenByPanel = await call('panel', 'GET', `/v1/credit/households/${id}`);
    expect(seenByPanel.body.household).toMatchObject({
      headIdNumber: '110105********002X',
      phone: '139****5678',
      piiMasked: true,
    });

    const rating = await call(
      'center',
      'POST',
      `/v1/credit/households/${id}/ratings`,
      { headIsPartyMember: true, hasIncomeProject: true },
      'e2e-rate-1',
    );
    expect(rating.status).toBe(201);
    expect(rating.body).toMatchObject({ total: 87, grade: 'AA', limitFen: '10000000', policyVersion: '2017-33-v1' });
    expect((rating.body.items as { code: string }[]).map((i) => i.code)).toEqual(['BASE', 'P1', 'P3', 'POVERTY_BONUS']);

    const start = new Date();
    const notice = (days: number) => ({
      villageId: 'vg-e2e',
      householdIds: [id],
      startAt: start.toISOString(),
      endAt: new Date(start.getTime() + days * 864e5).toISOString(),
      postedLocation: '村委会公示栏',
    });
    const short = await call('panel', 'POST', '/v1/credit/notices', notice(6), 'e2e-notice-short');
    expect(short.status).toBe(400);
    expect(short.body.code).toBe('NOTICE_TOO_SHORT');
    const opened = await call('panel', 'POST', '/v1/credit/notices', notice(7), 'e2e-notice-1');
    expect(opened.status).toBe(201);
    expect((opened.body.entries as { maskedIdNumber: string }[])[0]!.maskedIdNumber).toBe('110105********002X');
    expect(JSON.stringify(opened.body)).not.toContain('19491231');

    const objection = await call(
      'villager',
      'POST',
      `/v1/credit/notices/${opened.body.id as string}/objections`,
      { householdId: id, content: '收入情况与实际不符' },
      'e2e-obj-1',
    );
    expect(objection.status).toBe(201);
    expect(objection.body.objections).toHaveLength(1);

    const objectionId = (objection.body.objections as { id: string }[])[0]!.id;
    const resolved = await call(
      'panel',
      'POST',
      `/v1/credit/notices/${objection.body.id as string}/objections/${objectionId}/resolution`,
      { outcome: 'DISMISSED', resolution: '经核实收入属实' },
      'e2e-res-1',
    );
    expect(resolved.status).toBe(200);
    expect((resolved.body.objections as { status: string }[])[0]!.status).toBe('DISMISSED');

    // the bank cannot decide while the notice still runs (certificates only after it, spec credit §9.1 N5)
    tokens.bank = await stack.keys.sign(person('u-bank', 'BANK_OFFICER'));
    const noticeId = opened.body.id as string;
    const early = await call(
      'bank',
      'POST',
      `/v1/credit/notices/${noticeId}/decisions`,
      { householdId: id, approve: true, grade: 'AA', limitFen: '10000000' },
      'e2e-dec-1',
    );
    expect(early.body.code).toBe('NOT_CERTIFIABLE');
    const noEvidence = await call(
      'bank',
      'POST',
      `/v1/credit/notices/${noticeId}/decisions`,
      { householdId: id, approve: false, rejectionReason: '不足', rejectionCause: '无收入', evidenceRefs: [] },
      'e2e-dec-2',
    );
    expect(noEvidence.status).toBe(400);
    const tooEarly = await call('panel', 'POST', `/v1/credit/notices/${noticeId}/close`, undefined, 'e2e-close-1');
    expect(tooEarly.body.code).toBe('NOTICE_STILL_RUNNING');

    const noLine = await call('panel', 'GET', `/v1/credit/households/${id}/credit-line`);
    expect([noLine.status, noLine.body.code]).toEqual([404, 'CREDIT_LINE_NOT_FOUND']);
    const forbidden = await call('villager', 'POST', '/v1/credit/households', household, 'e2e-reg-2');
    expect(forbidden.body.code).toBe('NOT_PERMITTED');
  }, 60000);
});
