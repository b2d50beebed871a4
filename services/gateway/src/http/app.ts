import express, { type Express, type RequestHandler } from 'express';
import type { Logger, TokenVerifier } from '@gov/platform';
import type { GatewayPorts } from '../clients';
import { mountDocs } from '../openapi/docs';
import { allRoutes } from '../routes';
import { identify, requireActor } from './authenticate';
import { errorHandler, notFound } from './error-handler';
import { observe, type HttpMetrics } from './http-metrics';
import { mountRoutes } from './mount-routes';
import { rateLimit } from './rate-limit';
import { requestId } from './request-id';
import type { TokenBuckets } from './token-bucket';

export interface AppDeps {
  ports: GatewayPorts;
  verifyToken: TokenVerifier;
  buckets: TokenBuckets;
  metrics: HttpMetrics;
  logger: Logger;
  /** Proxy hops whose X-Forwarded-For entries are trusted; 0 = use the socket address. */
  trustProxyHops?: number;
}

const noSniff: RequestHandler = (_req, res, next) => {
  res.set('X-Content-Type-Options', 'nosniff');
  next();
};

/**
 * The edge, in the order a request meets it: request id → metrics and access log → caller identity →
 * rate limit → public docs, or /v1 (caller required) → problem+json for anything that failed.
 */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.trustProxyHops ?? 0);
  app.use(requestId, observe(deps.metrics, deps.logger), noSniff, identify(deps.verifyToken), rateLimit(deps.buckets));
  mountDocs(app);
  app.use('/v1', requireActor);
  mountRoutes(app, allRoutes(deps.ports));
  app.use(notFound);
  app.use(errorHandler(deps.logger));
  return app;
}
