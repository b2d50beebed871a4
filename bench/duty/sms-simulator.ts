import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One message the simulated provider accepted, with the instant it arrived (ms, wall clock). */
export interface SimulatedMessage {
  channel: 'sms' | 'voice' | 'alertmanager';
  messageId: string;
  to: string;
  recipientId: string;
  incidentId: string;
  text: string;
  dueAt?: string;
  receivedAt: number;
}

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

/**
 * A local SMS/voice provider for dev, tests and the benchmark. It accepts POST /sms and /voice with
 * {messageId, to, text, ...}, drops a message whose id it has already accepted (as a provider honouring a
 * client message id does) and counts those resends. POST /alertmanager takes Alertmanager webhooks, so both
 * alert paths are timed at the same receiver.
 */
export async function startSmsSimulator(port = 0): Promise<{
  url: string;
  messages: SimulatedMessage[];
  resends: number;
  failNext(n: number): void;
  stop(): Promise<void>;
}> {
  const messages: SimulatedMessage[] = [];
  const seen = new Set<string>();
  let resends = 0;
  let failures = 0;
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const path = req.url ?? '';
      // what was accepted so far, for a benchmark that runs this provider in a process of its own
      if (req.method === 'GET' && path === '/messages') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ messages, resends }));
        return;
      }
      if (req.method !== 'POST') {
        res.writeHead(404).end();
        return;
      }
      if (failures > 0) {
        failures--;
        res.writeHead(503).end();
        return;
      }
      const receivedAt = performance.timeOrigin + performance.now();
      if (path === '/alertmanager') {
        const hook = JSON.parse(body) as { alerts: { labels: Record<string, string>; startsAt: string }[] };
        for (const a of hook.alerts)
          messages.push({
            channel: 'alertmanager',
            messageId: `${a.labels.incident}|${a.labels.recipient}`,
            to: a.labels.recipient ?? '',
            recipientId: a.labels.recipient ?? '',
            incidentId: a.labels.incident ?? '',
            text: a.labels.alertname ?? '',
            receivedAt,
          });
        res.writeHead(200).end();
        return;
      }
      if (path !== '/sms' && path !== '/voice') {
        res.writeHead(404).end();
        return;
      }
      const m = JSON.parse(body) as Omit<SimulatedMessage, 'channel' | 'receivedAt'>;
      if (!m.messageId || !m.text) {
        res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"messageId and text are required"}');
        return;
      }
      if (seen.has(m.messageId)) {
        resends++;
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"duplicate":true}');
        return;
      }
      seen.add(m.messageId);
      messages.push({ ...m, channel: path === '/sms' ? 'sms' : 'voice', receivedAt });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"accepted":true}');
    })().catch(() => res.writeHead(500).end());
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}`,
    messages,
    get resends() {
      return resends;
    },
    failNext: (n) => void (failures = n),
    stop: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
