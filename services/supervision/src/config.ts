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
  // feedback on transferred calls and petitions, calendar days (§6.1, RV-9)
  FEEDBACK_GENERAL_DAYS: z.coerce.number().int().positive().default(d.feedbackGeneralDays),
  FEEDBACK_IMPORTANT_DAYS: z.coerce.number().int().positive().default(d.feedbackImportantDays),
  // org unit id of the 督查室, the supervising unit of the items registered from events (§4.1)
  SUPERVISION_OFFICE_UNIT_ID: z.string().min(1).default('gov-office/supervision'),
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
      feedbackGeneralDays: c.FEEDBACK_GENERAL_DAYS,
      feedbackImportantDays: c.FEEDBACK_IMPORTANT_DAYS,
    },
  };
}
