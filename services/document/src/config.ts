import { baseConfigSchema, loadConfig, z } from '@gov/platform';
import { defaultRegistrationPolicy as d, type RegistrationPolicy } from './domain/registration-policy';

const schema = baseConfigSchema.extend({
  SERVICE_NAME: z.string().default('document'),
  MONGO_DB: z.string().default('document'),
  // registration and handling limits (spec document §5.2 R-REG-4 [config], §5.12)
  REGISTRATION_URGENT_MINUTES: z.coerce.number().int().positive().default(d.urgentMinutes),
  REGISTRATION_GENERAL_MINUTES: z.coerce.number().int().positive().default(d.generalMinutes),
  REGISTRATION_READING_WORKING_DAYS: z.coerce.number().int().positive().default(d.readingWorkingDays),
  REGISTRATION_NEXT_MORNING_CAP: z.enum(['true', 'false']).default('true'),
  REGISTRATION_NEXT_MORNING_HOUR: z.coerce.number().int().min(0).max(23).default(d.nextMorningHour),
  DEFAULT_HANDLING_WORKING_DAYS: z.coerce.number().int().positive().default(d.defaultHandlingWorkingDays),
  // org unit ids for off-hours handovers (spec document R-IN-5): the 综合股 registers them; the duty room hands over
  GENERAL_SECTION_UNIT_ID: z.string().min(1).default('gov-office/general-section'),
  DUTY_ROOM_UNIT_ID: z.string().min(1).default('gov-office/duty-room'),
});

export type DocumentConfig = z.infer<typeof schema> & { policy: RegistrationPolicy };

export function readConfig(env: Record<string, string | undefined> = process.env): DocumentConfig {
  const c = loadConfig(schema, env);
  return {
    ...c,
    policy: {
      ...d,
      urgentMinutes: c.REGISTRATION_URGENT_MINUTES,
      generalMinutes: c.REGISTRATION_GENERAL_MINUTES,
      readingWorkingDays: c.REGISTRATION_READING_WORKING_DAYS,
      nextMorningCap: c.REGISTRATION_NEXT_MORNING_CAP === 'true',
      nextMorningHour: c.REGISTRATION_NEXT_MORNING_HOUR,
      defaultHandlingWorkingDays: c.DEFAULT_HANDLING_WORKING_DAYS,
    },
  };
}
