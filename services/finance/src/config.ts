import { baseConfigSchema, loadConfig, z } from '@gov/platform';

const schema = baseConfigSchema.extend({
  SERVICE_NAME: z.string().default('finance'),
  MONGO_DB: z.string().default('finance'),
});

export type FinanceConfig = z.infer<typeof schema>;

export const readConfig = (env: Record<string, string | undefined> = process.env): FinanceConfig =>
  loadConfig(schema, env);
