import { loadConfig, z } from '@gov/platform';

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
/** host:port of a gRPC service inside the cluster; IPv6 hosts in brackets. */
const grpcAddress = z.string().regex(/^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):\d{1,5}$/, 'expected host:port');

/**
 * The gateway's environment. It owns no Mongo or Kafka, so it does not extend baseConfigSchema; the
 * shared variables (SERVICE_NAME, NODE_ENV, LOG_LEVEL, ADMIN_PORT) keep the same names and defaults.
 */
export const configSchema = z
  .object({
    SERVICE_NAME: z.string().min(1).default('gateway'),
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    HTTP_PORT: port(8080),
    ADMIN_PORT: port(9100),
    /** Where the token-signing public keys come from: a JWKS endpoint (production) or a file (dev `up`). */
    JWKS_URL: z.url({ protocol: /^https?$/ }).optional(),
    JWKS_FILE: z.string().min(1).optional(),
    JWT_ISSUER: z.string().min(1),
    JWT_AUDIENCE: z.string().min(1),
    /** How long a verified token is reused without a new signature check (never past its exp); 0: off. */
    AUTH_TOKEN_CACHE_MS: z.coerce.number().int().min(0).default(60_000),
    DOCUMENT_GRPC_ADDR: grpcAddress,
    SUPERVISION_GRPC_ADDR: grpcAddress,
    // No routes call these yet; each becomes required when its route file lands.
    DUTY_GRPC_ADDR: grpcAddress.optional(),
    CREDIT_GRPC_ADDR: grpcAddress.optional(),
    FINANCE_GRPC_ADDR: grpcAddress.optional(),
    GRPC_TIMEOUT_MS: positiveInt(5000),
    RATE_LIMIT_PER_MINUTE: positiveInt(600),
    RATE_LIMIT_BURST: positiveInt(100),
    /** Proxy hops in front of the gateway (ingress = 1); decides which X-Forwarded-For entry is the client IP. */
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    SHUTDOWN_TIMEOUT_MS: positiveInt(10000),
  })
  // `when` makes this run even if other variables failed, so one start-up lists every problem
  .check(
    z.refine((env) => !env.JWKS_URL !== !env.JWKS_FILE, {
      message: 'set exactly one of JWKS_URL and JWKS_FILE',
      path: ['JWKS_URL'],
      when: () => true,
    }),
  );

export type GatewayConfig = z.infer<typeof configSchema>;

export const readConfig = (env: Record<string, string | undefined> = process.env): GatewayConfig =>
  loadConfig(configSchema, env);
