import { readFileSync } from 'node:fs';
import type { Connection, Model } from 'mongoose';
import { startAdminServer, type ReadinessCheck } from '../admin';
import { createTokenVerifier } from '../auth';
import { createIdempotencyStore } from '../commands';
import type { BaseConfig } from '../config';
import {
  createEventConsumer,
  createEventPublisher,
  createInbox,
  createKafka,
  createOutboxRelay,
  createParking,
  type EventHandler,
  type OutboxHandoff,
  type OutboxRelay,
} from '../events';
import { createAuthenticate, createGrpcServer } from '../grpc';
import { connectMongo, ensureIndexes, mongoReady } from '../mongo';
import { createLogger, createMetrics } from '../observability';
import { createShutdown } from './shutdown';

/**
 * The pieces every service starts the same way, so a service's main.ts only wires its own adapters and
 * use cases (the "service defaults" idea). Returned parts are plain objects; nothing is hidden in a container.
 */
export async function startServiceRuntime(config: BaseConfig) {
  const logger = createLogger({ service: config.SERVICE_NAME, level: config.LOG_LEVEL });
  const metrics = createMetrics(config.SERVICE_NAME);
  const shutdown = createShutdown({ logger, timeoutMs: config.SHUTDOWN_TIMEOUT_MS });
  shutdown.listen();

  const mongo: Connection = await connectMongo({
    url: config.MONGO_URL,
    dbName: config.MONGO_DB,
    nodeEnv: config.NODE_ENV,
    logger,
  });
  shutdown.add('mongo', () => mongo.close());
  const kafka = createKafka({
    brokers: config.KAFKA_BROKERS,
    clientId: config.KAFKA_CLIENT_ID ?? config.SERVICE_NAME,
    logger,
  });
  const publisher = createEventPublisher({
    kafka,
    source: `/gov/${config.SERVICE_NAME}`,
    topicPrefix: config.TOPIC_PREFIX,
  });
  await publisher.connect();
  shutdown.add('producer', () => publisher.disconnect());

  const jwks = config.JWKS_FILE ? JSON.parse(readFileSync(config.JWKS_FILE, 'utf8')) : undefined;
  const verify =
    config.JWKS_URL || jwks
      ? createTokenVerifier({
          jwksUrl: config.JWKS_URL,
          jwks,
          issuer: config.JWT_ISSUER,
          audience: config.JWT_AUDIENCE,
          cacheTtlMs: config.AUTH_TOKEN_CACHE_MS,
        })
      : undefined;
  if (!verify && !config.ALLOW_UNSIGNED_ACTOR)
    logger.warn('no JWKS configured: every call will be refused as unauthenticated');
  const grpc = createGrpcServer({
    logger,
    metrics,
    authenticate: createAuthenticate({ verify, allowUnsignedActor: config.ALLOW_UNSIGNED_ACTOR }),
  });
  const idempotency = createIdempotencyStore(mongo);
  const inbox = createInbox(mongo);
  const parking = createParking(mongo);
  const checks: Record<string, ReadinessCheck> = { mongo: mongoReady(mongo), kafka: () => publisher.isConnected() };
  let relay: OutboxRelay | undefined;

  return {
    config,
    logger,
    metrics,
    shutdown,
    mongo,
    kafka,
    publisher,
    grpc,
    idempotency,
    /**
     * For repositories: hands just-written events to the relay. Safe before startRelay — the events stay in
     * their outboxes and the relay's first pass sends them.
     */
    handoff: ((model, h) => relay?.handoff(model, h)) as OutboxHandoff,
    /** Starts the outbox relay over these aggregate models; returns its nudge for repositories. */
    startRelay(models: Model<never>[]): OutboxRelay {
      relay = createOutboxRelay({ models, publisher, logger, metrics, pollMs: config.OUTBOX_POLL_MS });
      relay.start();
      shutdown.add('outbox relay', () => relay?.stop());
      return relay;
    },
    /** Subscribes a consumer group to other services' topics. */
    async startConsumer(groupId: string, topics: string[], handlers: Record<string, EventHandler>): Promise<void> {
      const consumer = createEventConsumer({
        kafka,
        groupId,
        topics,
        topicPrefix: config.TOPIC_PREFIX,
        handlers,
        inbox,
        parking,
        logger,
        metrics,
      });
      await consumer.start();
      checks[`consumer:${groupId}`] = () => consumer.isHealthy();
      shutdown.add(`consumer ${groupId}`, () => consumer.stop());
    },
    /** Creates indexes, then opens the gRPC and admin ports; the last step of main.ts. */
    async serve(): Promise<{ grpcPort: number; adminPort: number }> {
      await ensureIndexes(mongo);
      const grpcPort = await grpc.start(config.GRPC_PORT);
      shutdown.add('grpc', () => grpc.shutdown());
      const admin = await startAdminServer({ port: config.ADMIN_PORT, registry: metrics.registry, checks });
      shutdown.add('admin', () => admin.close());
      logger.info({ grpcPort, adminPort: admin.port }, 'service started');
      return { grpcPort, adminPort: admin.port };
    },
  };
}
export type ServiceRuntime = Awaited<ReturnType<typeof startServiceRuntime>>;
