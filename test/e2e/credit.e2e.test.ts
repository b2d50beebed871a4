import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs';
import { creditEventsV1 as ev, creditEventTypes as t, topics } from '@gov/contracts';
import { fromKafkaHeaders, toKafkaHeaders } from '@gov/platform';
import {
  createDevKeys,
  createTestTopics,
  freePort,
  startService,
  testEnv,
  waitFor,
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
    env,
    baseUrl: `http://127.0.0.1:${http}`,
    keys,
    outputs: () => procs.map((p) => `--- ${p.name}\n${p.output().slice(-3000)}`).join('\n'),
    stop: () => Promise.all(procs.map((p) => p.stop())),
  };
}

const person = (sub: string, role: string, org = 'district/finance-office') => ({
  sub,
  name: sub,
  org,
  roles: [role],
  clearance: 'INTERNAL',
});

describe('金融扶贫 through the gateway: register, rate, notice, objection (spec credit §2.4, §7, §9)', () => {
  let stack: Awaited<ReturnType<typeof startCreditStack>>;
  const tokens: Record<string, string> = {};
  const unitRoles: Record<string, string> = {};
  // what the credit service publishes (read as a bank would), and the host bank's own producer
  const published: { type: string; key: string; payload: Buffer }[] = [];
  let reader: Consumer | undefined;
  let bank: Producer | undefined;

  beforeAll(async () => {
    stack = await startCreditStack();
    const roles = {
      center: 'CENTER_STAFF',
      panel: 'VILLAGE_PANEL',
      villager: 'HOUSEHOLD',
      poverty: 'POVERTY_OFFICE',
      lg: 'LG_OFFICE',
      bank: 'BANK_OFFICER',
      station: 'STATION_STAFF',
      insurer: 'INSURER_OFFICER',
    };
    for (const [k, role] of Object.entries(roles)) tokens[k] = await stack.keys.sign(person(`u-${k}`, role));
    // village and township roles act only in their own unit (spec credit §2.4): 'panel@vg-1' is vg-1's panel, and
    // 'villager@hh-1' is household hh-1's own self-service login
    for (const [k, role] of Object.entries(roles).filter(([, r]) =>
      ['VILLAGE_PANEL', 'STATION_STAFF', 'HOUSEHOLD'].includes(r),
    ))
      unitRoles[k] = role;
    const kafka = new Kafka({ clientId: 'credit-e2e', brokers: stack.env.kafkaBrokers, logLevel: logLevel.NOTHING });
    reader = kafka.consumer({ groupId: `credit-e2e-${randomUUID()}`, maxWaitTimeInMs: 100 });
    await reader.connect();
    await reader.subscribe({ topic: stack.env.topicPrefix + topics.credit, fromBeginning: true });
    await reader.run({
      eachMessage: async ({ message }) => {
        const { headers } = fromKafkaHeaders(message.headers);
        published.push({ type: headers?.type ?? '', key: message.key?.toString() ?? '', payload: message.value! });
      },
    });
    bank = kafka.producer();
    await bank.connect();
  }, 120000);
  afterAll(async () => {
    if (process.env.E2E_DEBUG) console.log(stack?.outputs());
    await reader?.disconnect();
    await bank?.disconnect();
    await stack?.stop();
  }, 30000);

  const call = async (who: string, method: string, path: string, body?: unknown, key?: string) => {
    const [role, unit] = who.split('@') as [string, string | undefined];
    if (unit && !tokens[who]) tokens[who] = await stack.keys.sign(person(`u-${role}-${unit}`, unitRoles[role]!, unit));
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

    const seenByPanel = await call('panel@vg-e2e', 'GET', `/v1/credit/households/${id}`);
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
    const short = await call('panel@vg-e2e', 'POST', '/v1/credit/notices', notice(6), 'e2e-notice-short');
    expect(short.status).toBe(400);
    expect(short.body.code).toBe('NOTICE_TOO_SHORT');
    const opened = await call('panel@vg-e2e', 'POST', '/v1/credit/notices', notice(7), 'e2e-notice-1');
    expect(opened.status).toBe(201);
    expect((opened.body.entries as { maskedIdNumber: string }[])[0]!.maskedIdNumber).toBe('110105********002X');
    expect(JSON.stringify(opened.body)).not.toContain('19491231');

    const objection = await call(
      `villager@${id}`,
      'POST',
      `/v1/credit/notices/${opened.body.id as string}/objections`,
      { householdId: id, content: '收入情况与实际不符' },
      'e2e-obj-1',
    );
    expect(objection.status).toBe(201);
    expect(objection.body.objections).toHaveLength(1);

    const objectionId = (objection.body.objections as { id: string }[])[0]!.id;
    const resolved = await call(
      'panel@vg-e2e',
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
    const tooEarly = await call(
      'panel@vg-e2e',
      'POST',
      `/v1/credit/notices/${noticeId}/close`,
      undefined,
      'e2e-close-1',
    );
    expect(tooEarly.body.code).toBe('NOTICE_STILL_RUNNING');

    const noLine = await call('panel@vg-e2e', 'GET', `/v1/credit/households/${id}/credit-line`);
    expect([noLine.status, noLine.body.code]).toEqual([404, 'CREDIT_LINE_NOT_FOUND']);
    const forbidden = await call('villager', 'POST', '/v1/credit/households', household, 'e2e-reg-2');
    expect(forbidden.body.code).toBe('NOT_PERMITTED');
  }, 60000);

  // ---- helpers for the flows below: a fresh valid identity number, a household rated A, a certified line ----
  let idSeq = 0;
  /** GB 11643 check digit, so every household gets its own valid identity number. */
  const idNumber = () => {
    const body = `41120219800101${String(++idSeq).padStart(3, '0')}`;
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const sum = [...body].reduce((acc, d, i) => acc + Number(d) * weights[i]!, 0);
    return body + '10X98765432'[sum % 11]!;
  };
  const ok = (res: { status: number; body: Record<string, unknown> }, status: number) => {
    if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  };

  /** Registers and rates a household (an income project: 83 non-poor, 86 poor → grade A, 50,000 yuan). */
  async function ratedHousehold(h: { township: string; village: string; group?: string; poor: boolean }) {
    const tag = randomUUID();
    const reg = ok(
      await call(
        'center',
        'POST',
        '/v1/credit/households',
        {
          townshipId: h.township,
          villageId: h.village,
          villagerGroupId: h.group ?? `${h.village}-g1`,
          headName: '王五',
          headIdNumber: idNumber(),
          phone: '13800001111',
          povertyStatus: h.poor ? 'REGISTERED_POOR' : 'NONE',
        },
        `reg-${tag}`,
      ),
      201,
    );
    const id = reg.id as string;
    const rating = ok(
      await call('center', 'POST', `/v1/credit/households/${id}/ratings`, { hasIncomeProject: true }, `rate-${tag}`),
      201,
    );
    expect(rating.grade).toBe('A');
    return id;
  }

  /**
   * A household with a certified A line and one loan drawn on it: the notice ran its 7 days in the past (the
   * service's clock is real time), closes at once, and the bank approves 50,000 yuan.
   */
  async function lineWithLoan(h: { township: string; village: string; poor: boolean; loanNo: string; fen: number }) {
    const id = await ratedHousehold(h);
    const tag = randomUUID();
    const now = Date.now();
    const notice = ok(
      await call(
        `panel@${h.village}`,
        'POST',
        '/v1/credit/notices',
        {
          villageId: h.village,
          householdIds: [id],
          startAt: new Date(now - 8 * 864e5).toISOString(),
          endAt: new Date(now - 864e5).toISOString(),
          postedLocation: '村委会公示栏',
        },
        `notice-${tag}`,
      ),
      201,
    );
    ok(
      await call(
        `panel@${h.village}`,
        'POST',
        `/v1/credit/notices/${notice.id as string}/close`,
        undefined,
        `close-${tag}`,
      ),
      200,
    );
    const decision = ok(
      await call(
        'bank',
        'POST',
        `/v1/credit/notices/${notice.id as string}/decisions`,
        { householdId: id, approve: true, grade: 'A', limitFen: '5000000' },
        `decide-${tag}`,
      ),
      201,
    );
    const lineId = (decision.creditLine as { id: string }).id;
    const drawn = ok(
      await call(
        'bank',
        'POST',
        `/v1/credit/credit-lines/${lineId}/loans`,
        { bankLoanNo: h.loanNo, principalFen: String(h.fen), termMonths: 36, rateBp: 475, contractDate: '2026-11-10' },
        `draw-${tag}`,
      ),
      201,
    );
    return { id, lineId, loanId: drawn.loanId as string };
  }

  /** The host bank reports a loan non-performing on gov.credit.bank-events.v1 (spec credit §19.3). */
  async function reportNonPerforming(householdId: string, bankLoanNo: string) {
    await bank!.send({
      topic: stack.env.topicPrefix + topics.creditBankEvents,
      messages: [
        {
          key: householdId,
          value: Buffer.from(
            ev.BankLoanOverdue.encode({
              bankLoanNo,
              householdId,
              overdueSince: '2027-01-12',
              nonPerforming: true,
            }).finish(),
          ),
          headers: toKafkaHeaders({
            id: randomUUID(),
            type: t.bankLoanOverdue,
            source: '/bank/hubin-rcb',
            time: new Date().toISOString(),
          }),
        },
      ],
    });
    await waitFor(
      async () => {
        const line = await call('center', 'GET', `/v1/credit/households/${householdId}/credit-line`);
        return (line.body.loans as { status: string }[] | undefined)?.[0]?.status === 'NON_PERFORMING';
      },
      { what: `${bankLoanNo} non-performing`, timeoutMs: 30000 },
    );
  }
  const ofType = (type: string, key?: string) => published.filter((e) => e.type === type && (!key || e.key === key));
  const lineStatus = async (householdId: string) =>
    (await call('center', 'GET', `/v1/credit/households/${householdId}/credit-line`)).body.status;

  it('§22-9: a group review of 23 households with 4 representatives is GROUP_REPRESENTATIVES_INSUFFICIENT; with 5 the application goes on, screening only warns on S-3Y3 (§4 R4.3), the rating moves it to SCORED, and the village assessment, both notices and the bank take it to CERTIFIED (§5.1 steps 4-8)', async () => {
    // the station sees a village through the geography registry (spec credit §2.4, §3.1)
    ok(
      await call(
        'center',
        'POST',
        '/v1/credit/townships',
        { id: 'tw-apply', districtId: 'district', name: '申请乡', type: 'TOWNSHIP' },
        'geo-tw-apply',
      ),
      201,
    );
    ok(
      await call(
        'center',
        'POST',
        '/v1/credit/villages',
        { id: 'vg-apply', townshipId: 'tw-apply', name: '申请村', isPoorVillage: true },
        'geo-vg-apply',
      ),
      201,
    );
    const id = ok(
      await call(
        'center',
        'POST',
        '/v1/credit/households',
        {
          townshipId: 'tw-apply',
          villageId: 'vg-apply',
          villagerGroupId: 'vg-apply-g3',
          headName: '赵六',
          headIdNumber: idNumber(),
          phone: '13700002222',
          povertyStatus: 'REGISTERED_POOR',
        },
        'apply-reg-1',
      ),
      201,
    ).id as string;
    const submitted = await call(
      `villager@${id}`,
      'POST',
      '/v1/credit/applications',
      { householdId: id, channel: 'VILLAGER_GROUP' },
      'apply-1',
    );
    expect(submitted.status).toBe(201);
    expect(submitted.body).toMatchObject({ householdId: id, state: 'SUBMITTED', priority: true });
    const applicationId = submitted.body.id as string;
    const dup = await call(
      `villager@${id}`,
      'POST',
      '/v1/credit/applications',
      { householdId: id, channel: 'SERVICE_CENTER' },
      'apply-2',
    );
    expect([dup.status, dup.body.code]).toEqual([409, 'DUPLICATE_APPLICATION']);
    // the household's own login lists its applications; another household's login is refused them (spec §2.4)
    const mine = await call(`villager@${id}`, 'GET', `/v1/credit/households/${id}/applications`);
    expect(mine.status).toBe(200);
    expect((mine.body.applications as { id: string }[]).map((a) => a.id)).toEqual([applicationId]);
    const stranger = await call('villager@hh-someone-else', 'GET', `/v1/credit/households/${id}/applications`);
    expect([stranger.status, stranger.body.code]).toEqual([403, 'OUTSIDE_JURISDICTION']);
    await waitFor(() => ofType(t.ratingApplicationSubmitted, id).length > 0, { what: 'rating-application.submitted' });

    const review = (reps: number) => ({
      householdsInGroup: 23,
      representatives: Array.from({ length: reps }, (_, i) => `代表${i + 1}`),
      decisions: [{ applicationId, approve: true }],
    });
    const four = await call(
      'panel@vg-apply',
      'POST',
      '/v1/credit/villager-groups/vg-apply-g3/reviews',
      review(4),
      'review-1',
    );
    expect([four.status, four.body.code]).toEqual([409, 'GROUP_REPRESENTATIVES_INSUFFICIENT']);
    const five = await call(
      'panel@vg-apply',
      'POST',
      '/v1/credit/villager-groups/vg-apply-g3/reviews',
      review(5),
      'review-2',
    );
    expect(five.status).toBe(200);
    expect((five.body.applications as { state: string }[])[0]!.state).toBe('INFO_COLLECTION');
    // a retry under the same key answers the same, it does not review twice
    const retry = await call(
      'panel@vg-apply',
      'POST',
      '/v1/credit/villager-groups/vg-apply-g3/reviews',
      review(5),
      'review-2',
    );
    expect(retry.body).toEqual(five.body);

    // 对象筛选 (spec credit §4): no income project only warns (R4.3); the household passes
    const checks = [
      ...['S-3G1', 'S-3G2', 'S-3G3', 'S-3S1', 'S-3S2', 'S-3S3', 'S-3Y1', 'S-3Y2', 'S-3W1', 'S-3W2', 'S-3W3'].map(
        (code) => ({ code, satisfied: true, evidenceRef: `panel-minute-7:${code}` }),
      ),
      { code: 'S-3Y3', satisfied: false, evidenceRef: 'declaration-7' },
    ];
    const screened = await call(
      'panel@vg-apply',
      'POST',
      `/v1/credit/households/${id}/screenings`,
      { checks },
      'screen-1',
    );
    expect(screened.status).toBe(201);
    expect(screened.body).toMatchObject({ outcome: 'PASSED', failed: [], warnings: ['S-3Y3'] });
    const missing = await call(
      'panel@vg-apply',
      'POST',
      `/v1/credit/households/${id}/screenings`,
      { checks: checks.slice(1) },
      'screen-2',
    );
    expect([missing.status, missing.body.code]).toEqual([400, 'CREDIT_INPUT_INVALID']);

    ok(
      await call('center', 'POST', `/v1/credit/households/${id}/ratings`, { hasIncomeProject: true }, 'apply-rate'),
      201,
    );
    const read = await call('panel@vg-apply', 'GET', `/v1/credit/applications/${applicationId}`);
    expect(read.body.state).toBe('SCORED');
    expect((read.body.history as { toState: string }[]).map((x) => x.toState)).toEqual(['INFO_COLLECTION', 'SCORED']);

    // 村级评定 → village notice → bank → township grade notice → certificate (spec credit §5.1 steps 4-8)
    const past = (days: number) => ({
      startAt: new Date(Date.now() - (days + 1) * 864e5).toISOString(),
      endAt: new Date(Date.now() - 864e5).toISOString(),
      postedLocation: '村委会公开栏',
    });
    const assessment = {
      meeting: {
        participantRoles: [
          'PARTY_SECRETARY',
          'TWO_COMMITTEES',
          'FIRST_SECRETARY',
          'WORK_TEAM',
          'TOWNSHIP_CONTACT_LEADER',
        ],
        partyMembers: 9,
        partyReps: 2,
        households: 60,
        villagerReps: 5,
      },
      decisions: [{ applicationId, approve: true }],
      ...past(7),
    };
    const noRoles = await call(
      'panel@vg-apply',
      'POST',
      '/v1/credit/villages/vg-apply/assessments',
      { ...assessment, meeting: { ...assessment.meeting, participantRoles: ['WORK_TEAM'] } },
      'assess-0',
    );
    expect([noRoles.status, noRoles.body.code]).toEqual([409, 'ASSESSMENT_PARTICIPANTS_MISSING']);
    const assessed = await call(
      'panel@vg-apply',
      'POST',
      '/v1/credit/villages/vg-apply/assessments',
      assessment,
      'assess-1',
    );
    expect(assessed.status).toBe(201);
    expect(assessed.body).toMatchObject({ warnings: [], applications: [{ state: 'VILLAGE_NOTICE' }] });
    const village = assessed.body.notice as { id: string; kind: string };
    expect(village.kind).toBe('CREDIT_HOUSEHOLD_LIST');
    ok(
      await call('panel@vg-apply', 'POST', `/v1/credit/notices/${village.id}/close`, undefined, 'assess-close-1'),
      200,
    );
    expect((await call('panel@vg-apply', 'GET', `/v1/credit/applications/${applicationId}`)).body.state).toBe(
      'BANK_ASSESSMENT',
    );
    const approved = await call(
      'bank',
      'POST',
      `/v1/credit/notices/${village.id}/decisions`,
      { householdId: id, approve: true, grade: 'A', limitFen: '3000000' },
      'assess-decide-1',
    );
    expect(approved.status).toBe(201);
    expect((await call('panel@vg-apply', 'GET', `/v1/credit/applications/${applicationId}`)).body.state).toBe(
      'GRADE_NOTICE',
    );
    const byPanel = await call(
      'panel@vg-apply',
      'POST',
      `/v1/credit/notices/${village.id}/grade-notices`,
      past(7),
      'grade-0',
    );
    expect([byPanel.status, byPanel.body.code]).toEqual([403, 'NOT_PERMITTED']);
    const graded = await call(
      'station@tw-apply',
      'POST',
      `/v1/credit/notices/${village.id}/grade-notices`,
      past(7),
      'grade-1',
    );
    expect(graded.status).toBe(201);
    expect(graded.body).toMatchObject({ kind: 'GRADE_LIST', sourceNoticeId: village.id });
    expect(graded.body.entries).toMatchObject([{ householdId: id, grade: 'A', limitFen: '3000000' }]);
    ok(
      await call(
        'station@tw-apply',
        'POST',
        `/v1/credit/notices/${graded.body.id as string}/close`,
        undefined,
        'grade-close',
      ),
      200,
    );
    expect((await call('panel@vg-apply', 'GET', `/v1/credit/applications/${applicationId}`)).body.state).toBe(
      'CERTIFIED',
    );
    const line = await call('bank', 'GET', `/v1/credit/households/${id}/credit-line`);
    expect(line.body).toMatchObject({ grade: 'A', limitFen: '3000000', status: 'ACTIVE' });
    await waitFor(() => ofType(t.certificateIssued, id).length === 1, { what: 'certificate.issued' });
  }, 60000);

  it('§22-16 and §22-17: an entity loan at 523 bp is RATE_ABOVE_CAP; 800,000 yuan without 80,000 in the mutual fund is MUTUAL_FUND_CONTRIBUTION_MISSING with contribution-required published once', async () => {
    const entity = await call(
      'poverty',
      'POST',
      '/v1/credit/entities',
      {
        name: '湖滨食用菌专业合作社',
        kind: 'COOPERATIVE',
        registrationNo: `93411202MA${randomUUID().slice(0, 8)}`,
        townshipId: 'tw-entity',
        inGovBankInsurerAgreement: true,
      },
      'entity-1',
    );
    expect(entity.status).toBe(201);
    expect(entity.body).toMatchObject({ kind: 'COOPERATIVE', mutualFundPaidFen: '0', loans: [] });
    const entityId = entity.body.id as string;
    const loan = {
      bankLoanNo: 'ENT-001',
      principalFen: '80000000',
      rateBp: 522,
      termMonths: 36,
      contractDate: '2026-11-10',
    };
    const report = (body: object, k: string) => call('bank', 'POST', `/v1/credit/entities/${entityId}/loans`, body, k);

    const aboveCap = await report({ ...loan, rateBp: 523 }, 'ent-loan-1');
    expect([aboveCap.status, aboveCap.body.code]).toEqual([409, 'RATE_ABOVE_CAP']);
    const unfunded = await report(loan, 'ent-loan-2');
    expect([unfunded.status, unfunded.body.code]).toEqual([409, 'MUTUAL_FUND_CONTRIBUTION_MISSING']);
    const again = await report(loan, 'ent-loan-2');
    expect(again.body.code).toBe('MUTUAL_FUND_CONTRIBUTION_MISSING');
    const required = await waitFor(() => ofType(t.mutualFundContributionRequired, entityId)[0], {
      what: 'mutual-fund.contribution-required',
    });
    expect(ev.MutualFundContributionRequired.decode(required.payload)).toMatchObject({
      entityId,
      bankLoanNo: 'ENT-001',
      requiredFen: '8000000',
    });

    const paid = await call(
      'center',
      'POST',
      `/v1/credit/entities/${entityId}/contributions`,
      { receiptNo: 'RC-2026-001', amountFen: '8000000' },
      'contrib-1',
    );
    expect(paid.body.mutualFundPaidFen).toBe('8000000');
    // the same payment retried is counted once
    const paidAgain = await call(
      'center',
      'POST',
      `/v1/credit/entities/${entityId}/contributions`,
      { receiptNo: 'RC-2026-001', amountFen: '8000000' },
      'contrib-1',
    );
    expect(paidAgain.body.mutualFundPaidFen).toBe('8000000');
    const recorded = await report(loan, 'ent-loan-3');
    expect(recorded.status).toBe(201);
    expect(recorded.body.loans).toEqual([
      expect.objectContaining({ bankLoanNo: 'ENT-001', maturityDate: '2029-11-10' }),
    ]);
    expect(ofType(t.mutualFundContributionRequired, entityId)).toHaveLength(1);
  }, 60000);

  it('§22-18, §22-19, §22-21, §22-22 (2 of 10 only) and §22-23: a poor household’s loss splits to the fen, a non-poor one is not shared, breaker and 信用村 at the exact 3.00% / 3.01% edges; lift and subsidy (§13.4, §12) apply once', async () => {
    const tw = 'tw-risk';
    // vr-a: a poor household's 50,000 yuan and a non-poor one's 10,000 go bad; a third line stays healthy
    const h1 = await lineWithLoan({ township: tw, village: 'vr-a', poor: true, loanNo: 'RISK-H1', fen: 5_000_000 });
    const h2 = await lineWithLoan({ township: tw, village: 'vr-a', poor: false, loanNo: 'RISK-H2', fen: 1_000_000 });
    const h3 = await lineWithLoan({ township: tw, village: 'vr-a', poor: true, loanNo: 'RISK-H3', fen: 1_000_000 });
    // vr-b: exactly 3.00% NPL (150,000 of 5,000,000 fen); vr-c: 3.01% (150,500 of 5,000,000)
    const h4 = await lineWithLoan({ township: tw, village: 'vr-b', poor: true, loanNo: 'RISK-H4', fen: 150_000 });
    const h5 = await lineWithLoan({ township: tw, village: 'vr-b', poor: true, loanNo: 'RISK-H5', fen: 4_850_000 });
    const h6 = await lineWithLoan({ township: tw, village: 'vr-c', poor: true, loanNo: 'RISK-H6', fen: 150_500 });
    const h7 = await lineWithLoan({ township: tw, village: 'vr-c', poor: true, loanNo: 'RISK-H7', fen: 4_849_500 });
    for (const [h, no] of [
      [h1, 'RISK-H1'],
      [h2, 'RISK-H2'],
      [h4, 'RISK-H4'],
      [h6, 'RISK-H6'],
    ] as const)
      await reportNonPerforming(h.id, no);

    // §22-18: 5,000,000 fen unrecovered + 1 fen interest = 5,000,001 → 1,500,000 / 1,000,000 / 2,500,001
    const loss = await call(
      'center',
      'POST',
      '/v1/credit/loss-cases',
      { bankLoanNo: 'RISK-H1', accruedInterestFen: '1' },
      'loss-1',
    );
    expect(loss.status).toBe(201);
    expect(loss.body).toMatchObject({
      loanId: h1.loanId,
      lossBaseFen: '5000001',
      govShareFen: '1500000',
      bankShareFen: '1000000',
      insurerShareFen: '2500001',
    });
    const lossRetry = await call(
      'center',
      'POST',
      '/v1/credit/loss-cases',
      { bankLoanNo: 'RISK-H1', accruedInterestFen: '1' },
      'loss-1',
    );
    expect(lossRetry.body).toEqual(loss.body);
    const allocated = await waitFor(
      () => ofType(t.lossAllocated).find((e) => ev.LossAllocated.decode(e.payload).loanId === h1.loanId),
      {
        what: 'loss.allocated',
      },
    );
    expect(ev.LossAllocated.decode(allocated.payload)).toMatchObject({
      lossBaseFen: '5000001',
      insurerShareFen: '2500001',
    });
    // §22-19: a non-poor household is outside the scheme
    const notShared = await call('center', 'POST', '/v1/credit/loss-cases', { bankLoanNo: 'RISK-H2' }, 'loss-2');
    expect([notShared.status, notShared.body.code]).toEqual([409, 'NOT_RISK_SHARED']);

    // §22-21 / §22-22: 2 of 10 villages above 3% (vr-a, vr-c) freeze only their lines; vr-b at exactly 3.00% does not trip
    const villages = ['vr-a', 'vr-b', 'vr-c', ...Array.from({ length: 7 }, (_, i) => `vr-empty-${i}`)];
    const evaluated = await call(
      'center',
      'POST',
      `/v1/credit/townships/${tw}/breaker-evaluations`,
      { villageIds: villages },
      'breakers-1',
    );
    expect(evaluated.status).toBe(200);
    // no village of this township is in the geography registry: the share is over the villages named here
    expect(evaluated.body).toEqual({
      breachedVillageIds: ['vr-a', 'vr-c'],
      shareBp: 2000,
      townshipTripped: false,
      villageCount: 10,
      registryUsed: false,
    });
    expect([await lineStatus(h3.id), await lineStatus(h7.id), await lineStatus(h5.id)]).toEqual([
      'FROZEN',
      'FROZEN',
      'ACTIVE',
    ]);
    await waitFor(() => ofType(t.villageBreakerTripped, 'vr-c').length > 0, { what: 'village-tripped vr-c' });
    expect(ofType(t.villageBreakerTripped, 'vr-b')).toEqual([]);
    expect(ofType(t.townshipBreakerTripped, tw)).toEqual([]);
    // lifting is the leading-group office's, and only once the NPL is back within 3% (spec credit §13.4 [inferred])
    const lift = { unitType: 'VILLAGE', townshipId: tw, reason: '已清收' };
    const byCenter = await call('center', 'POST', '/v1/credit/breakers/vr-c/lift', lift, 'lift-1');
    expect([byCenter.status, byCenter.body.code]).toEqual([403, 'NOT_PERMITTED']);
    const stillBad = await call('lg', 'POST', '/v1/credit/breakers/vr-c/lift', lift, 'lift-2');
    expect([stillBad.status, stillBad.body.code]).toEqual([409, 'BREAKER_STILL_BREACHED']);

    // §22-23: 信用村 for vr-b at exactly 3.00%, not for vr-c at 3.01%; the township as a whole is far above
    const honors = await call(
      'center',
      'POST',
      `/v1/credit/townships/${tw}/honor-evaluations`,
      { year: 2026 },
      'honors-1',
    );
    expect(honors.body).toEqual({ awardedSubjectIds: ['vr-b'] });
    const award = await waitFor(() => ofType(t.honorAwarded, 'vr-b')[0], { what: 'honor.awarded' });
    expect(ev.HonorAwarded.decode(award.payload)).toMatchObject({ title: '信用村', year: 2026, basisNplBp: 300 });
    expect(
      await call('center', 'POST', `/v1/credit/townships/${tw}/honor-evaluations`, { year: 2026 }, 'honors-1'),
    ).toEqual(honors);

    // §12 (and §22-15's full subsidy): 4,850,000 fen × 475 bp × 30 / 360 days = 19,197.92 → 19,198 fen, once per period
    const period = { loanId: h5.loanId, periodStart: '2026-11-10', periodEnd: '2026-12-10', interestPaidFen: '20000' };
    const accrued = await call('center', 'POST', `/v1/credit/credit-lines/${h5.lineId}/subsidies`, period, 'subsidy-1');
    expect(accrued.status).toBe(201);
    expect(accrued.body).toMatchObject({ eligiblePrincipalFen: '4850000', amountFen: '19198' });
    const otherKey = await call(
      'center',
      'POST',
      `/v1/credit/credit-lines/${h5.lineId}/subsidies`,
      period,
      'subsidy-2',
    );
    expect(otherKey.body).toEqual(accrued.body);
    await waitFor(() => ofType(t.subsidyAccrued, h5.id).length > 0, { what: 'subsidy.accrued' });
    await new Promise((r) => setTimeout(r, 1000));
    expect(ofType(t.subsidyAccrued, h5.id)).toHaveLength(1);
    expect(ofType(t.lossAllocated).filter((e) => ev.LossAllocated.decode(e.payload).loanId === h1.loanId)).toHaveLength(
      1,
    );

    // vr-c recovers: the bad loan is repaid in full, so the office lifts its breaker and the village line revives;
    // a retry of the lift under its key answers the same, a second lift is refused (spec credit §13.4 [inferred])
    ok(
      await call(
        'bank',
        'POST',
        `/v1/credit/credit-lines/${h6.lineId}/repayments`,
        { loanId: h6.loanId, principalFen: '150500', paidAt: new Date().toISOString(), late: true },
        'repay-h6',
      ),
      201,
    );
    const lifted = await call('lg', 'POST', '/v1/credit/breakers/vr-c/lift', lift, 'lift-3');
    expect(lifted.status).toBe(200);
    expect(lifted.body).toMatchObject({ unitId: 'vr-c', unitType: 'VILLAGE', tripped: false });
    expect(await call('lg', 'POST', '/v1/credit/breakers/vr-c/lift', lift, 'lift-3')).toEqual(lifted);
    const twice = await call('lg', 'POST', '/v1/credit/breakers/vr-c/lift', lift, 'lift-4');
    expect([twice.status, twice.body.code]).toEqual([409, 'BREAKER_NOT_TRIPPED']);
    expect([await lineStatus(h7.id), await lineStatus(h3.id)]).toEqual(['ACTIVE', 'FROZEN']);
    await waitFor(() => ofType(t.breakerLifted, 'vr-c').length > 0, { what: 'circuit-breaker.lifted' });
  }, 180000);

  it('§22-18 settled and §22-26: bank and insurer confirm their shares, the fund pays the government share, a recovery splits back to the fen; a claim payout without the household card is PAYOUT_MUST_BE_TO_HOUSEHOLD_CARD, with one it is answered masked (spec credit §13.2-13.3, R14.3, R15.4)', async () => {
    const h = await lineWithLoan({
      township: 'tw-settle',
      village: 'vs-a',
      poor: true,
      loanNo: 'SETTLE-H1',
      fen: 5_000_000,
    });
    await reportNonPerforming(h.id, 'SETTLE-H1');
    // 5,000,000 fen + 1 fen interest: government 1,500,000 / bank 1,000,000 / insurer 2,500,001
    const allocated = ok(
      await call(
        'center',
        'POST',
        '/v1/credit/loss-cases',
        { bankLoanNo: 'SETTLE-H1', accruedInterestFen: '1' },
        'settle-loss-1',
      ),
      201,
    );
    const id = allocated.id as string;
    const path = `/v1/credit/loss-cases/${id}`;
    expect(allocated).toMatchObject({
      status: 'ALLOCATED',
      bankConfirmation: null,
      compensation: null,
      recoveries: [],
    });

    // R15.4 order: no payout before both confirmations; each party confirms only its own share, to the fen
    const early = await call('center', 'POST', `${path}/compensation`, undefined, 'settle-pay-early');
    expect([early.status, early.body.code]).toEqual([409, 'LOSS_CASE_WRONG_STATE']);
    const insurerShare = { party: 'INSURER', amountFen: '2500001', reference: 'PICC-S-1' };
    const byBank = await call('bank', 'POST', `${path}/confirmations`, insurerShare, 'settle-confirm-0');
    expect([byBank.status, byBank.body.code]).toEqual([403, 'NOT_PERMITTED']);
    const short = await call(
      'insurer',
      'POST',
      `${path}/confirmations`,
      { ...insurerShare, amountFen: '2500000' },
      'settle-confirm-1',
    );
    expect([short.status, short.body.code]).toEqual([409, 'LOSS_SHARE_MISMATCH']);
    ok(await call('insurer', 'POST', `${path}/confirmations`, insurerShare, 'settle-confirm-1b'), 200);
    const confirmed = ok(
      await call(
        'bank',
        'POST',
        `${path}/confirmations`,
        { party: 'BANK', amountFen: '1000000', reference: 'RCB-S-1' },
        'settle-confirm-2',
      ),
      200,
    );
    expect(confirmed).toMatchObject({
      status: 'ALLOCATED',
      bankConfirmation: { amountFen: '1000000', reference: 'RCB-S-1', confirmedBy: 'u-bank' },
      insurerConfirmation: { amountFen: '2500001', reference: 'PICC-S-1', confirmedBy: 'u-insurer' },
    });

    // interest the pool earned goes on the ledger by hand, once per key (R13.7)
    const interest = { type: 'INTEREST_IN', amountFen: '100', approvedBy: 'district-finance' };
    const entry = ok(await call('center', 'POST', '/v1/credit/risk-fund/transactions', interest, 'settle-int-1'), 201);
    expect(entry).toMatchObject({ type: 'INTEREST_IN', amountFen: '100', lossCaseId: null, recordedBy: 'u-center' });
    expect(await call('center', 'POST', '/v1/credit/risk-fund/transactions', interest, 'settle-int-1')).toEqual({
      status: 201,
      body: entry,
    });

    // the government share leaves the fund once; a retry under its key answers the same
    const before = ok(await call('center', 'GET', '/v1/credit/risk-fund'), 200);
    expect((await call('villager', 'GET', '/v1/credit/risk-fund')).status).toBe(403);
    expect(before.balanceFen).toBe(entry.balanceAfterFen);
    const balance = Number(before.balanceFen);
    const paid = ok(await call('center', 'POST', `${path}/compensation`, undefined, 'settle-pay-1'), 200);
    expect(paid).toMatchObject({
      status: 'PAID',
      compensation: { amountFen: '1500000', fundBalanceAfterFen: String(balance - 1_500_000), approvedBy: 'u-center' },
    });
    expect(await call('center', 'POST', `${path}/compensation`, undefined, 'settle-pay-1')).toEqual({
      status: 200,
      body: paid,
    });
    const afterPay = ok(await call('center', 'GET', '/v1/credit/risk-fund'), 200);
    expect(afterPay).toMatchObject({
      balanceFen: String(balance - 1_500_000),
      ceilingFen: String((balance - 1_500_000) * 10),
      entryCount: (before.entryCount as number) + 1,
    });

    // 100,001 fen recovered: 30,000 back to the fund, 20,000 to the bank, 50,001 to the insurer, summing to the fen
    const recovered = ok(
      await call('bank', 'POST', `${path}/recoveries`, { reference: 'RCPT-77', amountFen: '100001' }, 'settle-rec-1'),
      201,
    );
    const recovery = recovered.recovery as Record<string, string>;
    expect(recovery).toMatchObject({ amountFen: '100001', govFen: '30000', bankFen: '20000', insurerFen: '50001' });
    expect(Number(recovery.govFen) + Number(recovery.bankFen) + Number(recovery.insurerFen)).toBe(100_001);
    expect(recovered.lossCase).toMatchObject({ status: 'PAID', recoveriesFen: '100001' });
    expect((await call('center', 'GET', '/v1/credit/risk-fund')).body.balanceFen).toBe(
      String(balance - 1_500_000 + 30_000),
    );
    const read = ok(await call('center', 'GET', path), 200);
    expect((read.history as { step: string; actorId: string }[]).map((s) => [s.step, s.actorId])).toEqual([
      ['ALLOCATED', 'u-center'],
      ['INSURER_CONFIRMED', 'u-insurer'],
      ['BANK_CONFIRMED', 'u-bank'],
      ['COMPENSATION_PAID', 'u-center'],
      ['RECOVERED', 'u-bank'],
    ]);
    const paidEvent = await waitFor(() => ofType(t.fundCompensationPaid, h.loanId)[0], { what: 'compensation-paid' });
    expect(ev.FundCompensationPaid.decode(paidEvent.payload)).toMatchObject({ lossCaseId: id, amountFen: '1500000' });

    // §22-26: the payout goes to the household's card or not at all; the card comes back masked only
    const payout = {
      insurerId: 'picc-huibin',
      claimNo: 'CLM-SETTLE-1',
      policyNo: 'POL-LIVESTOCK-7',
      householdId: h.id,
      amountFen: '320000',
      payeeType: 'HOUSEHOLD',
      paidAt: new Date().toISOString(),
    };
    const noCard = await call('insurer', 'POST', '/v1/credit/claim-payouts', payout, 'settle-claim-1');
    expect([noCard.status, noCard.body.code]).toEqual([400, 'PAYOUT_MUST_BE_TO_HOUSEHOLD_CARD']);
    const withCard = { ...payout, bankCardNo: '6228 4800 1234 5678 901' };
    const recorded = await call('insurer', 'POST', '/v1/credit/claim-payouts', withCard, 'settle-claim-1');
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({
      householdId: h.id,
      amountFen: '320000',
      payeeType: 'HOUSEHOLD',
      bankCardNoMasked: '***************8901',
    });
    expect(JSON.stringify(recorded.body)).not.toMatch(/62284800|6228 4800/);
    const claim = await waitFor(() => ofType(t.claimPaid, h.id)[0], { what: 'claim-paid' });
    expect(ev.ClaimPaid.decode(claim.payload)).toMatchObject({ bankCardNoMasked: '***************8901' });
    expect(claim.payload.toString('latin1')).not.toContain('62284800');
  }, 180000);

  it('R17.3, R16.2 and §12 R12.3-R12.5: a re-score to AA waits for the bank’s confirmation; an entity’s 3% subsidy is verified, paid once and published as credit.subsidy.disbursed', async () => {
    const h = await lineWithLoan({ township: 'tw-up', village: 'vg-up', poor: true, loanNo: 'UP-1', fen: 1_000_000 });
    const rescored = ok(
      await call(
        'center',
        'POST',
        `/v1/credit/households/${h.id}/ratings`,
        { hasIncomeProject: true, headIsPartyMember: true },
        `rate-up-${h.id}`,
      ),
      201,
    );
    expect(rescored.grade).toBe('AA');
    const pending = ok(await call('center', 'GET', `/v1/credit/households/${h.id}/credit-line`), 200);
    expect(pending).toMatchObject({
      grade: 'A',
      limitFen: '5000000',
      overLimit: false,
      pendingUpgrade: { grade: 'AA', capFen: '10000000' },
    });
    const byCenter = await call(
      'center',
      'POST',
      `/v1/credit/credit-lines/${h.lineId}/upgrade-confirmation`,
      {},
      'up-0',
    );
    expect([byCenter.status, byCenter.body.code]).toEqual([403, 'NOT_PERMITTED']);
    const confirmed = await call(
      'bank',
      'POST',
      `/v1/credit/credit-lines/${h.lineId}/upgrade-confirmation`,
      { limitFen: '8000000' },
      'up-1',
    );
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ grade: 'AA', limitFen: '8000000', pendingUpgrade: null });
    const again = await call('bank', 'POST', `/v1/credit/credit-lines/${h.lineId}/upgrade-confirmation`, {}, 'up-2');
    expect([again.status, again.body.code]).toEqual([409, 'NO_PENDING_UPGRADE']);
    const regraded = await waitFor(() => ofType(t.certificateRegraded, h.id)[0], { what: 'certificate.regraded' });
    expect(ev.CertificateRegraded.decode(regraded.payload)).toMatchObject({
      reason: 'RESCORE',
      newLimitFen: '8000000',
    });

    const entity = ok(
      await call(
        'poverty',
        'POST',
        '/v1/credit/entities',
        {
          name: '湖滨茶叶专业合作社',
          kind: 'COOPERATIVE',
          registrationNo: `93411202MB${randomUUID().slice(0, 8)}`,
          townshipId: 'tw-up',
          inGovBankInsurerAgreement: true,
        },
        'sub-entity',
      ),
      201,
    );
    const entityId = entity.id as string;
    ok(
      await call(
        'center',
        'POST',
        `/v1/credit/entities/${entityId}/contributions`,
        { receiptNo: 'RC-SUB-1', amountFen: '10000000' },
        'sub-contrib',
      ),
      201,
    );
    const reported = ok(
      await call(
        'bank',
        'POST',
        `/v1/credit/entities/${entityId}/loans`,
        { bankLoanNo: 'ENT-SUB-1', principalFen: '100000000', rateBp: 522, termMonths: 36, contractDate: '2026-01-01' },
        'sub-loan',
      ),
      201,
    );
    const loanId = (reported.loans as { id: string }[])[0]!.id;
    const repaid = ok(
      await call(
        'bank',
        'POST',
        `/v1/credit/entities/${entityId}/repayments`,
        { loanId, principalFen: '40000000', paidAt: '2026-02-15T02:00:00+08:00' },
        'sub-repay',
      ),
      200,
    );
    expect((repaid.loans as { outstandingPrincipalFen: string }[])[0]!.outstandingPrincipalFen).toBe('60000000');
    // 45 days at 1,000,000 yuan and 45 at 600,000 yuan, 3% a year, actual/360: 6,000 yuan
    const period = ok(
      await call(
        'center',
        'POST',
        `/v1/credit/entities/${entityId}/subsidies`,
        { loanId, periodStart: '2026-01-01', periodEnd: '2026-04-01', interestPaidFen: '1300000' },
        'sub-accrue',
      ),
      201,
    );
    expect(period).toMatchObject({ amountFen: '600000', eligiblePrincipalFen: '100000000' });
    const paymentId = period.subsidyPaymentId as string;
    const byBank = await call('bank', 'POST', `/v1/credit/subsidy-payments/${paymentId}/approval`, {}, 'sub-ap-0');
    expect([byBank.status, byBank.body.code]).toEqual([403, 'NOT_PERMITTED']);
    const early = await call(
      'center',
      'POST',
      `/v1/credit/subsidy-payments/${paymentId}/payment`,
      { paymentRef: 'GK-9' },
      'sub-pay-0',
    );
    expect([early.status, early.body.code]).toEqual([409, 'SUBSIDY_PAYMENT_NOT_APPROVED']);
    const approved = ok(
      await call(
        'center',
        'POST',
        `/v1/credit/subsidy-payments/${paymentId}/approval`,
        { note: '与银行对账一致' },
        'sub-ap-1',
      ),
      200,
    );
    expect(approved).toMatchObject({ status: 'APPROVED', payee: 'BORROWER', amountFen: '600000', paidAt: null });
    const paid = ok(
      await call(
        'center',
        'POST',
        `/v1/credit/subsidy-payments/${paymentId}/payment`,
        { paymentRef: 'GK-9' },
        'sub-pay-1',
      ),
      200,
    );
    expect(paid).toMatchObject({ status: 'PAID', paymentRef: 'GK-9' });
    const other = await call(
      'center',
      'POST',
      `/v1/credit/subsidy-payments/${paymentId}/payment`,
      { paymentRef: 'GK-10' },
      'sub-pay-2',
    );
    expect([other.status, other.body.code]).toEqual([409, 'SUBSIDY_ALREADY_PAID']);
    expect(ok(await call('lg', 'GET', `/v1/credit/subsidy-payments/${paymentId}`), 200)).toEqual(paid);
    const late = ok(await call('lg', 'GET', '/v1/credit/subsidy-payments/late'), 200);
    expect((late.payments as { id: string }[]).map((x) => x.id)).not.toContain(paymentId);
    const disbursed = await waitFor(() => ofType(t.subsidyDisbursed, entityId)[0], { what: 'subsidy.disbursed' });
    expect(ev.SubsidyDisbursed.decode(disbursed.payload)).toMatchObject({
      subsidyPaymentId: paymentId,
      loanId,
      periodStart: '2026-01-01',
      periodEnd: '2026-04-01',
      eligiblePrincipalFen: '100000000',
      amountFen: '600000',
      payee: 'BORROWER',
    });
  }, 120000);
});
