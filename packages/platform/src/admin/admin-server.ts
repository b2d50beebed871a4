import express from 'express';
import type { Server } from 'node:http';
import type { Registry } from 'prom-client';

/** A readiness check: resolves true when the dependency can serve traffic now. */
export type ReadinessCheck = () => boolean | Promise<boolean>;

/**
 * Admin HTTP server: /healthz (the process runs; Kubernetes restarts it otherwise), /readyz (every
 * dependency answers; Kubernetes stops routing traffic otherwise) and /metrics for Prometheus.
 */
export async function startAdminServer(opts: {
  port: number;
  registry: Registry;
  checks: Record<string, ReadinessCheck>;
  host?: string;
}): Promise<{ server: Server; port: number; close(): Promise<void> }> {
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const results: Record<string, boolean> = {};
    await Promise.all(
      Object.entries(opts.checks).map(async ([name, check]) => {
        results[name] = await Promise.resolve()
          .then(check)
          .catch(() => false);
      }),
    );
    const ready = Object.values(results).every(Boolean);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', checks: results });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(opts.registry.contentType).send(await opts.registry.metrics());
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(opts.port, opts.host ?? '0.0.0.0', () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  return {
    server,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
