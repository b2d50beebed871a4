import { readFileSync } from 'node:fs';
import { defaultCalendar } from '@gov/platform/calendar';
import { waitFor } from '@gov/testkit';
import { startSliceStack } from './stack';

interface Span {
  service: string;
  name: string;
  kind: number;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
}

const clerk = {
  sub: 'u-clerk-1',
  name: '王文书',
  org: 'gov-office/secretariat',
  roles: ['CLERK'],
  clearance: 'INTERNAL',
};

const incoming = {
  title: '关于做好2026年度金融扶贫工作的通知',
  sender: { id: 'city-finance-office', name: '市金融办' },
  senderDocNo: '市金办〔2026〕12号',
  urgency: 'NORMAL',
  classification: 'PUBLIC',
  nature: 'FOR_ACTION',
  channel: 'ELECTRONIC_GOV_NET',
  ccOnly: false,
  fromSuperior: true,
  handlingLimitWorkingDays: 0,
};

describe('收文登记 → supervision item, through the gateway', () => {
  let stack: Awaited<ReturnType<typeof startSliceStack>>;
  let token: string;

  beforeAll(async () => {
    stack = await startSliceStack('slice');
    token = await stack.keys.sign(clerk);
  }, 120000);
  afterAll(async () => {
    // a failed expectation is easier to read with what the services said
    if (process.env.E2E_DEBUG) console.log(stack?.outputs());
    await stack?.stop();
  }, 30000);

  const post = (body: unknown, key: string) =>
    fetch(`${stack.baseUrl}/v1/documents/incoming`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(body),
    });

  it('opens one supervision item due 10 working days after registration when the sender set no limit (spec supervision §6.1, document §5.12)', async () => {
    const body = { ...incoming, receivedAt: new Date().toISOString() };
    const res = await post(body, 'slice-1');
    expect(res.status).toBe(201);
    const doc = (await res.json()) as { id: string; receiptNo: string; registeredAt: string; handlingDueAt: string };
    expect(doc.receiptNo).toMatch(/^SW-\d{4}-\d{5}$/);
    const expectedDue = defaultCalendar.addWorkingDays(new Date(doc.registeredAt), 10).due.toISOString();
    expect(doc.handlingDueAt).toBe(expectedDue);

    const items = await waitFor(
      async () => {
        const r = await fetch(`${stack.baseUrl}/v1/supervision/items?sourceId=${doc.id}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        const body = (await r.json()) as {
          items: { ledgerNo: string; dueAt: string; deadlineRule: string; sourceType: string }[];
        };
        return body.items.length > 0 ? body.items : undefined;
      },
      { what: 'the supervision item', timeoutMs: 20000 },
    );
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      sourceType: 'DOCUMENT',
      deadlineRule: 'DEFAULT_WORKING_DAYS',
      dueAt: expectedDue,
    });
    expect(items[0]!.ledgerNo).toMatch(/^DC-\d{4}-\d{5}$/);

    // a retry with the same key returns the same document and opens nothing new
    const again = await post(body, 'slice-1');
    expect(again.status).toBe(201);
    expect(((await again.json()) as { id: string }).id).toBe(doc.id);
    // the same key with a different request is refused, not silently treated as a retry
    const reused = await post({ ...body, title: '另一份文件' }, 'slice-1');
    expect(reused.status).toBe(400);
    expect(((await reused.json()) as { code: string }).code).toBe('IDEMPOTENCY_KEY_REUSED');
    const r2 = await fetch(`${stack.baseUrl}/v1/supervision/items?sourceId=${doc.id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(((await r2.json()) as { items: unknown[] }).items).toHaveLength(1);
  });

  it('records one trace across gateway → document (gRPC) → Mongo → Kafka → supervision', async () => {
    const res = await post({ ...incoming, title: '追踪测试', receivedAt: new Date().toISOString() }, 'slice-trace');
    expect(res.status).toBe(201);
    const doc = (await res.json()) as { id: string };
    await waitFor(async () => {
      const r = await fetch(`${stack.baseUrl}/v1/supervision/items?sourceId=${doc.id}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      return ((await r.json()) as { items: unknown[] }).items.length > 0;
    });
    const spans = await waitFor(
      () => {
        const all = readFileSync(stack.tracesFile, 'utf8')
          .trim()
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as Span);
        const root = all.find((s) => s.service === 'gateway' && /POST/.test(s.name) && !s.parentSpanId);
        if (!root) return undefined;
        const trace = all.filter((s) => s.traceId === root.traceId);
        const has = (svc: string, re: RegExp) => trace.some((s) => s.service === svc && re.test(s.name));
        return has('supervision', /^save supervision_items$/) ? trace : undefined;
      },
      { what: 'the spans of one trace from all three processes', timeoutMs: 20000 },
    );
    const has = (service: string, kind: number, name: RegExp) =>
      spans.some((s) => s.service === service && s.kind === kind && name.test(s.name));
    // span kinds: 1 server, 2 client, 3 producer, 4 consumer
    expect(has('gateway', 1, /^POST \/v1\/documents\/incoming$/)).toBe(true);
    expect(has('gateway', 2, /DocumentService\/RegisterIncoming$/)).toBe(true);
    expect(has('document', 1, /DocumentService\/RegisterIncoming$/)).toBe(true);
    expect(has('document', 2, /^save incoming_documents$/)).toBe(true);
    expect(has('document', 3, /gov\.document\.events\.v1$/)).toBe(true);
    expect(has('supervision', 4, /gov\.document\.events\.v1$/)).toBe(true);
    expect(has('supervision', 2, /^save supervision_items$/)).toBe(true);
    // every span but the root has its parent inside the same trace: one tree, no orphans
    const ids = new Set(spans.map((s) => s.spanId));
    const orphans = spans.filter((s) => s.parentSpanId && !ids.has(s.parentSpanId));
    expect(orphans.map((s) => `${s.service}:${s.name}`)).toEqual([]);
  });
});
