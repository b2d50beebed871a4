import type { Model } from 'mongoose';
import { dutyRostersV1 } from '@gov/contracts';
import { z, type ServiceRuntime } from '@gov/platform';
import { defaultCalendar, publishedYears } from '@gov/platform/calendar';
import { createDraftHolidayRoster } from './app/holiday-roster';
import { createRosterReview } from './app/roster-review';
import { createRosterLockSweep } from './app/roster-lock-sweep';
import type { HolidayCalendar, PublishedRosterCache } from './app/roster-review-ports';
import { rosterReviewGrpcHandlers } from './adapters/grpc/roster-review.grpc';
import { createRosterDraftRepository } from './adapters/mongo/roster-review.repository';
import { createRosterDraftModel } from './adapters/mongo/roster-review.schema';
import { createRosterRepository } from './adapters/mongo/roster.repository';
import type { Clock } from './domain/clock';
import { defaultShiftPolicy, type ShiftPolicy } from './domain/roster';

/** Everything configurable about roster review; each part has its spec default. */
export interface RosterSettings {
  /** RS-5: a holiday roster is published this many working days before the holiday [inferred: 3]. */
  holidayLeadWorkingDays: number;
  /** The office duty windows the coverage check uses (the service's SHIFT_* settings). */
  office: ShiftPolicy;
  /**
   * §4.3 period end → LOCKED: how often the lock sweep looks for ended rosters [inferred: 60 s]. Swaps check the
   * period end themselves, so a later sweep only delays the LOCKED record, never lets an amendment through.
   */
  lockSweepMs: number;
}

export const defaultRosterSettings: RosterSettings = {
  holidayLeadWorkingDays: 3,
  office: defaultShiftPolicy,
  lockSweepMs: 60_000,
};

/** Roster review's environment variables, for config.ts to spread into its schema (`...rosterConfigShape`). */
export const rosterConfigShape = {
  /** RS-5 (spec duty §4.2 [inferred]): working days between publishing a holiday roster and the holiday. */
  ROSTER_HOLIDAY_LEAD_WORKING_DAYS: z.coerce
    .number()
    .int()
    .min(0)
    .max(30)
    .default(defaultRosterSettings.holidayLeadWorkingDays),
  /** §4.3 (spec duty [inferred]): milliseconds between passes of the sweep that locks rosters whose period ended. */
  ROSTER_LOCK_SWEEP_MS: z.coerce.number().int().min(100).default(defaultRosterSettings.lockSweepMs),
};

type RosterConfig = { [K in keyof typeof rosterConfigShape]: z.output<(typeof rosterConfigShape)[K]> };

/** The settings wireRosters takes, from the parsed configuration. */
export function rosterSettingsFrom(c: RosterConfig): Omit<RosterSettings, 'office'> {
  return { holidayLeadWorkingDays: c.ROSTER_HOLIDAY_LEAD_WORKING_DAYS, lockSweepMs: c.ROSTER_LOCK_SWEEP_MS };
}

/** The platform's working-day calendar (2024-2026 State Council notices) as roster review reads it. */
export const platformHolidayCalendar: HolidayCalendar = {
  workingDaysBetween: (a, b) => defaultCalendar.workingDaysBetween(a, b),
  holidays: (year) => publishedYears.find((y) => y.year === year)?.holidays ?? [],
};

type Runtime = Pick<ServiceRuntime, 'mongo' | 'grpc' | 'idempotency' | 'handoff' | 'logger' | 'shutdown'>;

/**
 * Wires roster review (spec duty §4.3) and holiday rosters (§4.2 RS-2..RS-5) into a running duty service:
 * repositories, use cases, the lock sweep (§4.3 period end) and DutyRosterService on rt.grpc. Call it before rt.serve() and add the returned
 * `models` to the ONE rt.startRelay([...]) call. `cache` gets each roster as it is published (the 5-second reload
 * would find it anyway); pass `review` to createPublishRoster so the one-step command is audited and announced too.
 */
export function wireRosters(
  rt: Runtime,
  clock: Clock,
  settings: Partial<RosterSettings> & { cache?: PublishedRosterCache; calendar?: HolidayCalendar } = {},
) {
  const { cache, calendar = platformHolidayCalendar, ...rest } = settings;
  const s: RosterSettings = { ...defaultRosterSettings, ...rest };
  const model = createRosterDraftModel(rt.mongo);
  const deps = {
    drafts: createRosterDraftRepository(model, rt.handoff),
    published: createRosterRepository(rt.mongo, clock).published,
    ...(cache ? { cache } : {}),
    clock,
    idempotency: rt.idempotency,
    calendar,
    policy: { office: s.office, holidayLeadWorkingDays: s.holidayLeadWorkingDays },
  };
  const review = createRosterReview(deps);
  // §4.3 PUBLISHED → LOCKED once the period ended; started here, stopped on shutdown
  const lockSweep = createRosterLockSweep({
    drafts: deps.drafts,
    published: deps.published,
    clock,
    onError: (err) => rt.logger.warn({ err }, 'roster lock sweep failed; the next pass retries'),
  });
  lockSweep.start(s.lockSweepMs);
  rt.shutdown.add('roster lock sweep', () => lockSweep.stop());
  const draftHoliday = createDraftHolidayRoster(deps);
  rt.grpc.add(dutyRostersV1.DutyRosterServiceService, rosterReviewGrpcHandlers({ review, draftHoliday }));
  // a crash between publishing and writing the roster the cache reads leaves it unwritten: write it now
  const log = rt.logger.child({ component: 'roster-review' });
  void review.reproject().catch((err: unknown) => log.warn({ err }, 'roster re-projection failed; next start retries'));
  return {
    /** The roster aggregate model with its outbox, for rt.startRelay. */
    models: [model as unknown as Model<never>],
    /** For createPublishRoster({ …, review }): the one-step command recorded as a publication. */
    review,
    lockSweep,
    useCases: { review, draftHoliday },
  };
}
