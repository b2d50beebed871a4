import { createLogger, createMetrics, createShutdown, startAdminServer } from '@gov/platform';
import { createKeySet } from './auth/key-set';
import { createGrpcPorts } from './clients';
import { readConfig } from './config';
import { createApp } from './http/app';
import { createHttpMetrics } from './http/http-metrics';
import { listen } from './http/server';
import { createTokenBuckets } from './http/token-bucket';

/** Composition root: config → logger and metrics → keys and clients → app → servers → shutdown. */
async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger({ service: config.SERVICE_NAME, level: config.LOG_LEVEL });
  const metrics = createMetrics(config.SERVICE_NAME);

  const keys = createKeySet({
    source: config.JWKS_FILE ? { file: config.JWKS_FILE } : { url: config.JWKS_URL ?? '' },
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    cacheTtlMs: config.AUTH_TOKEN_CACHE_MS,
    logger: logger.child({ component: 'keys' }),
  });
  const grpc = createGrpcPorts(config);

  const app = createApp({
    ports: grpc.ports,
    verifyToken: keys.verify,
    buckets: createTokenBuckets({ perMinute: config.RATE_LIMIT_PER_MINUTE, burst: config.RATE_LIMIT_BURST }),
    metrics: createHttpMetrics(metrics.registry),
    logger: logger.child({ component: 'http' }),
    trustProxyHops: config.TRUST_PROXY_HOPS,
  });

  void keys.ensureLoaded();
  const http = await listen(app, config.HTTP_PORT);
  const admin = await startAdminServer({
    port: config.ADMIN_PORT,
    registry: metrics.registry,
    checks: { http: () => http.listening(), jwks: () => keys.ensureLoaded() },
  });

  // steps run in reverse: stop taking requests, then drop the channels, and answer probes until the end
  const shutdown = createShutdown({ logger, timeoutMs: config.SHUTDOWN_TIMEOUT_MS });
  shutdown.add('admin server', () => admin.close());
  shutdown.add('grpc clients', () => grpc.close());
  shutdown.add('http server', () => http.close());
  shutdown.listen();
  logger.info({ httpPort: http.port, adminPort: admin.port }, 'gateway listening');
}

main().catch((err: unknown) => {
  // the logger may not exist yet (bad configuration), so write the reason plainly and exit
  process.stderr.write(`gateway failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
