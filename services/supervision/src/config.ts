import { baseConfigSchema, loadConfig, z } from '@gov/platform';
import { defaultDeadlinePolicy as d, type DeadlinePolicy } from './domain/deadline-policy';

const schema = baseConfigSchema.extend({
  SERVICE_NAME: z.string().default('supervision'),
  MONGO_DB: z.string().default('supervision'),
  // deadline rules (spec supervision §6.1, §6.2)
  DEFAULT_WORKING_DAYS: z.coerce.number().int().positive().default(d.defaultWorkingDays),
  EXTRA_URGENT_WITHIN_DAYS: z.coerce.number().positive().default(d.extraUrgentWithinDays),
  URGENT_WITHIN_DAYS: z.coerce.number().positive().default(d.urgentWithinDays),
  URGENT_WITH_CONSULTATION_WITHIN_DAYS: z.coerce.number().positive().default(d.urgentWithConsultationWithinDays),
});

export type SupervisionConfig = z.infer<typeof schema> & { policy: DeadlinePolicy };

export function readConfig(env: Record<string, string | undefined> = process.env): SupervisionConfig {
  const c = loadConfig(schema, env);
  return {
    ...c,
    policy: {
      defaultWorkingDays: c.DEFAULT_WORKING_DAYS,
      extraUrgentWithinDays: c.EXTRA_URGENT_WITHIN_DAYS,
      urgentWithinDays: c.URGENT_WITHIN_DAYS,
      urgentWithConsultationWithinDays: c.URGENT_WITH_CONSULTATION_WITHIN_DAYS,
    },
  };
}
