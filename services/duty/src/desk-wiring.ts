import type { Model } from 'mongoose';
import { dutyDeskV1 } from '@gov/contracts';
import { z, type ServiceRuntime } from '@gov/platform';
import { defaultCalendar } from '@gov/platform/calendar';
import { createCallHandling } from './app/call-handling';
import { createDeskDocuments } from './app/desk-documents';
import { createDeskSweep } from './app/desk-sweep';
import { createDriverPlan } from './app/driver-plan';
import { createSecurityDesk } from './app/security-desk';
import { deskGrpcHandlers } from './adapters/grpc/desk.grpc';
import {
  createCallRepository,
  createDeskDocumentRepository,
  createPetitionVisitRepository,
  createPostLeaveRepository,
  createVisitorRepository,
} from './adapters/mongo/desk.repository';
import { createDeskModels } from './adapters/mongo/desk.schema';
import type { Clock } from './domain/clock';
import { defaultDeskPolicy, type DeskCalendar, type DeskPolicy } from './domain/desk-policy';
import { defaultDriverShiftPolicy, type DriverShiftPolicy } from './domain/driver-shifts';
import { defaultShiftPolicy, type ShiftPolicy } from './domain/roster';

/** Everything configurable about the desk; each part has its spec default (see desk-policy.ts, driver-shifts.ts). */
export interface DeskSettings {
  policy: DeskPolicy;
  drivers: DriverShiftPolicy;
  /** The office duty windows shown beside the driver shifts (the service's SHIFT_* settings). */
  office: ShiftPolicy;
  /** How often the urgent-document sweep runs; alerts fire at most this late [inferred: 15 s]. */
  sweepIntervalMs: number;
  calendar: DeskCalendar;
}

export const defaultDeskSettings: DeskSettings = {
  policy: defaultDeskPolicy,
  drivers: defaultDriverShiftPolicy,
  office: defaultShiftPolicy,
  sweepIntervalMs: 15_000,
  calendar: defaultCalendar,
};

const hhmm = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM')
  .transform((v) => Number(v.slice(0, 2)) * 60 + Number(v.slice(3)));
const count = (fallback: number) => z.coerce.number().int().min(1).default(fallback);
const p = defaultDeskPolicy;
const dr = defaultDriverShiftPolicy;

/**
 * The desk's environment variables, for config.ts to spread into its schema (`...deskConfigShape`); every one
 * defaults to the spec value, so an unset variable changes nothing.
 */
export const deskConfigShape = {
  /** DK-5: minutes an urgent document may take to reach a leader (004 L88). */
  DESK_URGENT_FORWARD_LIMIT_MIN: count(p.urgentForwardLimitMin),
  /** DK-5: minutes after receipt when the not-yet-forwarded alert fires [inferred]. */
  DESK_URGENT_FORWARD_WARN_MIN: count(p.urgentForwardWarnMin),
  /** DK-4: time of the next working day by which the 综合股 registers an off-hours document [inferred]. */
  DESK_REGISTER_BY: hhmm.default(p.registerByMinute),
  /** §12.5: group size treated as a collective petition [standard]. */
  DESK_COLLECTIVE_PETITION_SIZE: count(p.collectivePetitionSize),
  /** §12.5 step 7: group size that brings in the petition bureau and public security [inferred]. */
  DESK_LARGE_PETITION_SIZE: count(p.largePetitionSize),
  /** How often the urgent-document sweep runs. */
  DESK_SWEEP_INTERVAL_MS: z.coerce.number().int().min(50).default(defaultDeskSettings.sweepIntervalMs),
  /** §4.1 driver shifts (003 L990). */
  DRIVER_WEEKDAY_NIGHT_START: hhmm.default(dr.weekdayNightStartMinute),
  DRIVER_DAY_START: hhmm.default(dr.dayStartMinute),
  DRIVER_HOLIDAY_NIGHT_START: hhmm.default(dr.holidayNightStartMinute),
};

type DeskConfig = { [K in keyof typeof deskConfigShape]: z.output<(typeof deskConfigShape)[K]> };

/** The settings wireDesk takes, from the parsed configuration. */
export function deskSettingsFrom(c: DeskConfig): Omit<DeskSettings, 'office' | 'calendar'> {
  return {
    policy: {
      urgentForwardLimitMin: c.DESK_URGENT_FORWARD_LIMIT_MIN,
      urgentForwardWarnMin: c.DESK_URGENT_FORWARD_WARN_MIN,
      registerByMinute: c.DESK_REGISTER_BY,
      collectivePetitionSize: c.DESK_COLLECTIVE_PETITION_SIZE,
      largePetitionSize: c.DESK_LARGE_PETITION_SIZE,
    },
    drivers: {
      weekdayNightStartMinute: c.DRIVER_WEEKDAY_NIGHT_START,
      dayStartMinute: c.DRIVER_DAY_START,
      holidayNightStartMinute: c.DRIVER_HOLIDAY_NIGHT_START,
    },
    sweepIntervalMs: c.DESK_SWEEP_INTERVAL_MS,
  };
}

type Runtime = Pick<ServiceRuntime, 'mongo' | 'grpc' | 'idempotency' | 'handoff' | 'shutdown' | 'logger'>;

/**
 * Wires the duty desk (spec duty §7, §8, §12, §13) into a running duty service: repositories, use cases, the
 * urgent-document sweep (started here, stopped on shutdown) and DutyDeskService on rt.grpc. Call it before
 * rt.serve() (indexes are created there) and add the returned `models` to the ONE rt.startRelay([...]) call:
 * the runtime keeps a single relay, and a second startRelay would orphan the first.
 */
export function wireDesk(rt: Runtime, clock: Clock, settings: Partial<DeskSettings> = {}) {
  const s: DeskSettings = { ...defaultDeskSettings, ...settings };
  const models = createDeskModels(rt.mongo);
  const documents = createDeskDocumentRepository(models, rt.handoff);
  const calls = createCallRepository(models, rt.handoff);
  const log = rt.logger.child({ component: 'desk-sweep' });
  const sweep = createDeskSweep({
    documents,
    clock,
    onError: (err) => log.warn({ err }, 'urgent-document sweep failed; the next pass retries'),
  });
  const useCases = {
    documents: createDeskDocuments({
      documents,
      clock,
      idempotency: rt.idempotency,
      calendar: s.calendar,
      policy: s.policy,
    }),
    calls: createCallHandling({ calls, clock, idempotency: rt.idempotency }),
    security: createSecurityDesk({
      visitors: createVisitorRepository(models, rt.handoff),
      leaves: createPostLeaveRepository(models, rt.handoff),
      petitions: createPetitionVisitRepository(models, rt.handoff),
      clock,
      idempotency: rt.idempotency,
      policy: s.policy,
    }),
    planShifts: createDriverPlan({ calendar: s.calendar, drivers: s.drivers, office: s.office }),
  };
  rt.grpc.add(dutyDeskV1.DutyDeskServiceService, deskGrpcHandlers(useCases));
  sweep.start(s.sweepIntervalMs);
  rt.shutdown.add('desk sweep', () => sweep.stop());
  return {
    /** Aggregate models with outboxes, for rt.startRelay. */
    models: Object.values(models) as unknown as Model<never>[],
    sweep,
    useCases,
    /** The public-call store, for supervision's verdicts on transferred calls (supervision-wiring.ts). */
    calls,
  };
}
