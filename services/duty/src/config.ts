import { baseConfigSchema, loadConfig, z } from '@gov/platform';

const schema = baseConfigSchema.extend({
  SERVICE_NAME: z.string().default('duty'),
  MONGO_DB: z.string().default('duty'),
});

export type DutyConfig = z.infer<typeof schema>;

export const readConfig = (env: Record<string, string | undefined> = process.env): DutyConfig =>
  loadConfig(schema, env);
