import { baseConfigSchema, loadConfig, z } from '@gov/platform';

const schema = baseConfigSchema.extend({
  SERVICE_NAME: z.string().default('credit'),
  MONGO_DB: z.string().default('credit'),
});

export type CreditConfig = z.infer<typeof schema>;

export const readConfig = (env: Record<string, string | undefined> = process.env): CreditConfig =>
  loadConfig(schema, env);
