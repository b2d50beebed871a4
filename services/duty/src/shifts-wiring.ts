import type { Model } from 'mongoose';
import { dutyShiftsV1 } from '@gov/contracts';
import { z, type ServiceRuntime } from '@gov/platform';
import { createHandovers } from './app/handover-commands';
import { createHandoverSweep } from './app/handover-sweep';
import { createShiftSwaps } from './app/swap-commands';
import { createViolations } from './app/violation-commands';
import { shiftGrpcHandlers } from './adapters/grpc/shift.grpc';
import { createDutyLogRepository } from './adapters/mongo/duty-log.repository';
import { createHandoverLog } from './adapters/mongo/handover-log.repository';
import { createRosterRepository } from './adapters/mongo/roster.repository';
import {
  createHandoverRepository,
  createSwapRepository,
  createViolationRepository,
} from './adapters/mongo/shift.repository';
import { createShiftModels } from './adapters/mongo/shift.schema';
import type { Clock } from './domain/clock';
import { defaultHandoverPolicy, type HandoverPolicy } from './domain/handover';
import { defaultShiftPolicy, type Roster, type ShiftPolicy } from './domain/roster';

/** Everything configurable about shifts; each part has its spec default. */
export interface ShiftSettings {
  handover: HandoverPolicy;
  /** The office duty windows the coverage check of an approved swap uses (the service's SHIFT_* settings). */
  office: ShiftPolicy;
  /** How often the handover sweep runs; alerts fire at most this late [inferred: 15 s]. */
  sweepIntervalMs: number;
}

export const defaultShiftSettings: ShiftSettings = {
  handover: defaultHandoverPolicy,
  office: defaultShiftPolicy,
  sweepIntervalMs: 15_000,
};

/**
 * The shifts' environment variables, for config.ts to spread into its schema (`...shiftConfigShape`); every one
 * defaults to the spec value, so an unset variable changes nothing.
 */
export const shiftConfigShape = {
  /** HO-1: minutes before the shift the incoming officer is due (003 L398). */
  HANDOVER_EARLY_ARRIVAL_MIN: z.coerce.number().int().min(0).max(120).default(defaultHandoverPolicy.earlyArrivalMin),
  /** §11.1 LATE_CHECKIN: minutes past the HO-1 arrival time before a late check-in becomes a candidate [inferred: 0]. */
  HANDOVER_LATE_CHECKIN_TOLERANCE_MIN: z.coerce
    .number()
    .min(0)
    .max(240)
    .default(defaultHandoverPolicy.lateCheckinToleranceMin ?? 0),
  /** How often the handover sweep (late alert, AT_RISK) runs. */
  HANDOVER_SWEEP_INTERVAL_MS: z.coerce.number().int().min(50).default(defaultShiftSettings.sweepIntervalMs),
};

type ShiftConfig = { [K in keyof typeof shiftConfigShape]: z.output<(typeof shiftConfigShape)[K]> };

/** The settings wireShifts takes, from the parsed configuration. */
export function shiftSettingsFrom(c: ShiftConfig): Omit<ShiftSettings, 'office'> {
  return {
    handover: {
      earlyArrivalMin: c.HANDOVER_EARLY_ARRIVAL_MIN,
      lateCheckinToleranceMin: c.HANDOVER_LATE_CHECKIN_TOLERANCE_MIN,
    },
    sweepIntervalMs: c.HANDOVER_SWEEP_INTERVAL_MS,
  };
}

type Runtime = Pick<ServiceRuntime, 'mongo' | 'grpc' | 'idempotency' | 'handoff' | 'shutdown' | 'logger'>;

/**
 * Wires duty shifts (spec duty §4.3 swaps, §5 handover, §11 violations) into a running duty service:
 * repositories, use cases, the handover sweep (started here, stopped on shutdown) and DutyShiftService on
 * rt.grpc. Call it before rt.serve() (indexes are created there) and add the returned `models` to the ONE
 * rt.startRelay([...]) call: the runtime keeps a single relay, and a second startRelay would orphan the first.
 */
export function wireShifts(
  rt: Runtime,
  clock: Clock,
  settings: Partial<ShiftSettings> & { cache?: { put(roster: Roster): void } } = {},
) {
  const { cache, ...rest } = settings;
  const s: ShiftSettings = { ...defaultShiftSettings, ...rest };
  const models = createShiftModels(rt.mongo);
  const handovers = createHandoverRepository(models, rt.handoff);
  const log = rt.logger.child({ component: 'handover-sweep' });
  const sweep = createHandoverSweep({
    handovers,
    clock,
    policy: s.handover,
    onError: (err) => log.warn({ err }, 'handover sweep failed; the next pass retries'),
  });
  const violations = createViolationRepository(models, rt.mongo, rt.handoff);
  const useCases = {
    handovers: createHandovers({
      handovers,
      log: createHandoverLog(createDutyLogRepository(rt.mongo)),
      clock,
      idempotency: rt.idempotency,
      policy: s.handover,
      violations,
    }),
    swaps: createShiftSwaps({
      swaps: createSwapRepository(models, rt.handoff),
      rosters: createRosterRepository(rt.mongo, clock).amendments,
      clock,
      idempotency: rt.idempotency,
      policy: s.office,
      // the alert path reads the amended roster at once, not at the cache's next reload
      ...(cache ? { amended: (r: Roster) => cache.put(r) } : {}),
    }),
    violations: createViolations({
      violations,
      clock,
      idempotency: rt.idempotency,
    }),
  };
  rt.grpc.add(dutyShiftsV1.DutyShiftServiceService, shiftGrpcHandlers(useCases));
  sweep.start(s.sweepIntervalMs);
  rt.shutdown.add('handover sweep', () => sweep.stop());
  return {
    /** Aggregate models with outboxes, for rt.startRelay. */
    models: Object.values(models) as unknown as Model<never>[],
    sweep,
    useCases,
  };
}
