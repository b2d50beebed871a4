import type { RequestHandler } from 'express';
import { Counter, Histogram, type Registry } from 'prom-client';
import type { Logger } from '@gov/platform';
import { locals } from './locals';

/** HTTP RED metrics; the names match the gateway panels and alerts in deploy/helm. */
export function createHttpMetrics(registry: Registry) {
  return {
    requests: new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests completed, by route template, method and status',
      labelNames: ['route', 'method', 'status'] as const,
      registers: [registry],
    }),
    duration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration from arrival to the last byte written',
      labelNames: ['route', 'method'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
  };
}
export type HttpMetrics = ReturnType<typeof createHttpMetrics>;

/** Counts and times every request and writes one access-log line carrying its request id. */
export function observe(metrics: HttpMetrics, logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const state = locals(res);
      // unmatched paths share one label so scanners cannot grow the series count
      const route = state.route ?? 'unmatched';
      metrics.requests.inc({ route, method: req.method, status: String(res.statusCode) });
      metrics.duration.observe({ route, method: req.method }, seconds);
      logger.info(
        {
          requestId: state.requestId,
          method: req.method,
          route,
          status: res.statusCode,
          ms: Math.round(seconds * 1000),
          userId: state.actor?.userId,
        },
        'request',
      );
    });
    next();
  };
}
