import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpNotifier } from '../src/adapters/notify/http-notifier';
import type { AlertMessage } from '../src/app/ports';

// the SMS/voice adapter against a real HTTP server on loopback (spec duty §9.5: provider-agnostic HTTP gateway)
let server: Server;
let base: string;
let handler: (req: IncomingMessage, body: string, res: ServerResponse) => void;
const connections: unknown[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => handler(req, body, res));
  });
  server.on('connection', (s) => connections.push(s));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const message = (messageId: string, channel: AlertMessage['channel'] = 'SMS') =>
  ({
    messageId,
    channel,
    to: { personId: 'p1', name: '张三', phone: '13900000001' },
    text: '【值班】突发事件，请立即确认',
    incidentId: 'inc-1',
    dueAt: new Date('2026-11-21T10:00:00Z'),
  }) as unknown as AlertMessage;

it('posts the message with its ledger id as the idempotency key, on one kept-alive connection', async () => {
  const seen: { path?: string; key?: string; body: Record<string, unknown> }[] = [];
  handler = (req, body, res) => {
    seen.push({ path: req.url, key: req.headers['idempotency-key'] as string, body: JSON.parse(body) });
    res.writeHead(202).end('{"accepted":true}');
  };
  connections.length = 0;
  const notifier = createHttpNotifier({ smsBaseUrl: base, timeoutMs: 2000, push: () => undefined });
  await notifier.send(message('m-1'));
  await notifier.send(message('m-2', 'VOICE'));
  expect(seen.map((s) => [s.path, s.key])).toEqual([
    ['/sms', 'm-1'],
    ['/voice', 'm-2'],
  ]);
  expect(seen[0]!.body).toMatchObject({ messageId: 'm-1', to: '13900000001', text: '【值班】突发事件，请立即确认' });
  expect(connections).toHaveLength(1);
});

it('fails the send when the provider answers with an error status', async () => {
  handler = (_req, _body, res) => res.writeHead(503).end('busy');
  const notifier = createHttpNotifier({ smsBaseUrl: base, timeoutMs: 2000, push: () => undefined });
  await expect(notifier.send(message('m-3'))).rejects.toThrow('sms gateway answered 503');
});

it('gives up on a provider that does not answer within the timeout', async () => {
  handler = () => undefined; // never answers
  const notifier = createHttpNotifier({ smsBaseUrl: base, timeoutMs: 200, push: () => undefined });
  await expect(notifier.send(message('m-4'))).rejects.toThrow('did not answer within 200 ms');
});

it('hands push messages to the console hub without any request', async () => {
  const pushed: string[] = [];
  handler = () => {
    throw new Error('no request expected');
  };
  const notifier = createHttpNotifier({ smsBaseUrl: base, timeoutMs: 2000, push: (m) => pushed.push(m.messageId) });
  await notifier.send(message('m-5', 'PUSH'));
  expect(pushed).toEqual(['m-5']);
});
