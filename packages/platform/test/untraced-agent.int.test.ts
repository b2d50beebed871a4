import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '@gov/testkit';

// The telemetry preload as the services run it (node --require @gov/platform/otel), with a traces file: a request
// on an agent marked untraced leaves no span and carries no trace headers; any other request does both.
let server: Server;
let url: string;
const seen: { path?: string; traceparent?: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ path: req.url, traceparent: req.headers.traceparent as string | undefined });
    res.end('ok');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => server.close(r)));

it('keeps trace headers and spans off requests made on an untraced agent', async () => {
  const traces = join(mkdtempSync(join(tmpdir(), 'untraced-')), 'spans.jsonl');
  const script = `
    const http = require('node:http');
    const { trace } = require('@opentelemetry/api');
    const { untracedAgent } = require('@gov/platform');
    const get = (path, agent) => new Promise((ok, no) =>
      http.get(${JSON.stringify(url)} + path, { agent }, (r) => { r.resume(); r.on('end', ok); }).on('error', no));
    trace.getTracer('t').startActiveSpan('work', async (span) => {
      await get('/outside', untracedAgent(new http.Agent()));
      await get('/inside', new http.Agent());
      span.end();
      setTimeout(() => process.exit(0), 200);
    });`;
  await new Promise<void>((resolve, reject) =>
    execFile(
      process.execPath,
      ['--require', '@gov/platform/otel', '-e', script],
      { cwd: repoRoot, env: { ...process.env, OTEL_TRACES_FILE: traces, OTEL_SERVICE_NAME: 'probe' } },
      (err) => (err ? reject(err) : resolve()),
    ),
  );
  expect(seen.find((s) => s.path === '/outside')?.traceparent).toBeUndefined();
  expect(seen.find((s) => s.path === '/inside')?.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$/);
  const spans = readFileSync(traces, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { name: string; attributes: Record<string, unknown> });
  const clientSpans = spans.filter((s) => s.name === 'GET');
  expect(clientSpans).toHaveLength(1);
  expect(JSON.stringify(clientSpans[0]!.attributes)).toContain('/inside');
});
