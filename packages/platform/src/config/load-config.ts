import { z } from 'zod';

/** Raised at start-up when the environment does not satisfy a service's schema; lists every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once with a zod schema. The only place process.env is read (STYLE §8). */
export function loadConfig<S extends z.ZodType>(
  schema: S,
  env: Record<string, string | undefined> = process.env,
): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  return parsed.data;
}

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'])
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1');

/** Variables every service reads. Services extend this with `.extend({...})`. */
export const baseConfigSchema = z.object({
  SERVICE_NAME: z.string().min(1),
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  GRPC_PORT: port(50051),
  ADMIN_PORT: port(9100),
  MONGO_URL: z.string().startsWith('mongodb'),
  MONGO_DB: z.string().min(1),
  KAFKA_BROKERS: z
    .string()
    .min(1)
    .transform((s) => s.split(',').map((b) => b.trim())),
  KAFKA_CLIENT_ID: z.string().optional(),
  /** Prepended to every topic name; lets tests run isolated copies of the topics on one broker. */
  TOPIC_PREFIX: z.string().default(''),
  OUTBOX_POLL_MS: z.coerce.number().int().positive().default(1000),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10000),
  /** Where the keys that sign callers' tokens are published (production) or stored (dev: written by `up`). */
  JWKS_URL: z.string().url().optional(),
  JWKS_FILE: z.string().optional(),
  JWT_ISSUER: z.string().default('gov-office-dev'),
  JWT_AUDIENCE: z.string().default('gov-office'),
  /** How long a verified token is reused without a new signature check (never past its exp); 0: off. [config] */
  AUTH_TOKEN_CACHE_MS: z.coerce.number().int().min(0).default(60_000),
  /** Accept the caller identity from gRPC metadata without a signed token (dev and tests only). */
  ALLOW_UNSIGNED_ACTOR: bool(false),
});
export type BaseConfig = z.infer<typeof baseConfigSchema>;

export { z };
