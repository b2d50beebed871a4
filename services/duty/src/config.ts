import { hostname } from 'node:os';
import { baseConfigSchema, loadConfig, z } from '@gov/platform';
import { defaultEscalationPolicy as e, type EscalationPolicy } from './domain/escalation-policy';
import { defaultReportingPolicy as r, type ReportingPolicy, type ReportTarget } from './domain/reporting-policy';
import { defaultShiftPolicy as s, type ShiftPolicy } from './domain/roster';
import { defaultSigningPolicy as sp, type SigningPolicy } from './domain/written-report';
import { deskConfigShape, deskSettingsFrom, type DeskSettings } from './desk-wiring';
import { shiftConfigShape, shiftSettingsFrom, type ShiftSettings } from './shifts-wiring';
import { rosterConfigShape, rosterSettingsFrom, type RosterSettings } from './rosters-wiring';

const hhmm = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM')
  .transform((v) => Number(v.slice(0, 2)) * 60 + Number(v.slice(3)));
const seconds = (fallback: number) => z.coerce.number().positive().default(fallback);

const schema = baseConfigSchema.extend({
  SERVICE_NAME: z.string().default('duty'),
  MONGO_DB: z.string().default('duty'),
  /** Lease owner id of this replica; stable across restarts (pod name), so a restarted replica re-arms its own timers at once. */
  INSTANCE_ID: z.string().min(1).default(hostname()),
  LEASE_MS: z.coerce.number().int().min(500).default(10_000),
  /**
   * Hand each write's events to the outbox relay at once (sent from memory, off the alert path). Off leaves
   * publishing to the relay's recovery poll, for stores where its per-document trims are costly (FerretDB v1).
   */
  OUTBOX_NUDGE: z.enum(['true', 'false']).default('true'),
  /**
   * Send an incident's first alerts while its insert is on the way instead of after it (ADR 0004): the store
   * leaves the intake → first-delivery path. The intake response still waits for the durable insert.
   */
  DISPATCH_BEFORE_INSERT: z.enum(['true', 'false']).default('true'),
  /** Connections of the alert path's own pool (inserts and reads by id only). */
  ALERT_POOL_SIZE: z.coerce.number().int().min(1).max(64).default(8),
  /** Provider-agnostic SMS/voice gateway (POST /sms, /voice); the local simulator in dev and tests. */
  SMS_GATEWAY_URL: z.url().default('http://127.0.0.1:8925'),
  SMS_TIMEOUT_MS: z.coerce.number().int().positive().default(3000),
  /** How long the ledger's record of alerts already sent may wait to share an insert (ms; 0: at once). */
  DELIVERY_LEDGER_LINGER_MS: z.coerce.number().int().min(0).max(1000).default(10),
  // shift windows (spec duty §4.1, 003 L388)
  SHIFT_DAY_START: hhmm.default(s.dayStartMinute),
  SHIFT_NIGHT_START: hhmm.default(s.nightStartMinute),
  // acknowledgement budgets (spec duty §9.4 [inferred])
  ACK_MAJOR_S2_SEC: seconds(e.majorS2AckSec),
  ACK_MAJOR_S3_SEC: seconds(e.majorS3AckSec),
  ACK_OTHER_S2_SEC: seconds(e.otherS2AckSec),
  ACK_OTHER_S3_SEC: seconds(e.otherS3AckSec),
  ACK_REPEATS: z.coerce.number().int().min(0).max(5).default(e.repeats),
  /** AK-2: seconds without an SMS delivery receipt before the voice call; 0 turns the fallback off. */
  VOICE_FALLBACK_SEC: z.coerce
    .number()
    .min(0)
    .default(e.voiceFallbackSec ?? 30),
  /**
   * Upward report targets as JSON ReportTarget[] (spec duty §9.3 TL-1), each with its PO-1 mode (SELF or
   * VIA_PARTY_OFFICE, default SELF); the 州/省 defaults, both SELF, when unset.
   */
  REPORT_TARGETS_JSON: z.string().optional(),
  REPORT_GUARD_SHORT_MIN: z.coerce.number().int().min(0).default(r.guardShortMin),
  REPORT_GUARD_LONG_MIN: z.coerce.number().int().min(0).default(r.guardLongMin),
  /** FR-2 / §9.4 S9 follow-up cadence in minutes, I/II and others [inferred]. */
  REPORT_FOLLOWUP_MAJOR_MIN: z.coerce.number().int().positive().default(r.followUpMajorMin),
  REPORT_FOLLOWUP_OTHER_MIN: z.coerce.number().int().positive().default(r.followUpOtherMin),
  /** §9.10 void: minutes to make each CORRECTION report, and its mode [inferred: 60, PHONE]. */
  REPORT_CORRECTION_MIN: z.coerce.number().int().positive().default(r.correctionMin),
  REPORT_CORRECTION_MODE: z.enum(['PHONE', 'WRITTEN']).default(r.correctionMode),
  /** WR-1: minutes each reviewer or signer has, I/II and classified vs others [inferred]. */
  SIGN_STEP_MAJOR_MIN: z.coerce.number().positive().default(sp.majorStepMin),
  SIGN_STEP_OTHER_MIN: z.coerce.number().positive().default(sp.otherStepMin),
  /**
   * Safety-net sweep for guard times and deadlines no replica holds (NF-3). Restarts and takeovers arm their
   * report clocks directly; on FerretDB the sweep's range query scans every incident, which showed as alert
   * latency at 5 s (bench/duty/README.md), so it runs every 10 minutes unless set lower.
   */
  OBLIGATION_SWEEP_MS: z.coerce.number().int().min(100).default(600_000),
  /** A sweep leaves an obligation this long to the replica whose own timer holds it. */
  OBLIGATION_GRACE_MS: z.coerce.number().int().min(0).default(3000),
  ...deskConfigShape,
  ...shiftConfigShape,
  ...rosterConfigShape,
});

export type DutyConfig = z.infer<typeof schema> & {
  shifts: ShiftPolicy;
  escalation: EscalationPolicy;
  reporting: ReportingPolicy;
  signing: SigningPolicy;
  desk: Omit<DeskSettings, 'office' | 'calendar'>;
  shiftDuty: Omit<ShiftSettings, 'office'>;
  rosterReview: Omit<RosterSettings, 'office'>;
};

const targetSchema = z.array(
  z.object({
    id: z.string().min(1),
    name: z.string().min(1),
    level: z.enum(['SAME_LEVEL_PARTY_OFFICE', 'FIRST_SUPERIOR', 'PROVINCE', 'CUSTOM']),
    /**
     * PO-1 [inferred]: SELF — the duty desk reports and records it; VIA_PARTY_OFFICE — the same-level party office
     * reports, and the desk records the report with the office's confirmation. SELF when omitted.
     */
    mode: z.enum(['SELF', 'VIA_PARTY_OFFICE']).default('SELF'),
    rules: z.array(
      z.object({
        severities: z.array(z.enum(['I', 'II', 'III', 'IV', 'UNKNOWN', 'UNKNOWN_MAJOR'])).min(1),
        phoneLimitMin: z.number().int().positive(),
        writtenLimitMin: z.number().int().positive(),
      }),
    ),
    /** The target duty office's phone numbers in calling order, and fax (spec duty §14; NF-8 sheet). */
    phones: z.array(z.string().min(1)).optional(),
    fax: z.string().optional(),
  }),
);

export function readConfig(env: Record<string, string | undefined> = process.env): DutyConfig {
  const c = loadConfig(schema, env);
  const targets: ReportTarget[] = c.REPORT_TARGETS_JSON
    ? loadConfig(z.object({ t: z.string().transform((v) => targetSchema.parse(JSON.parse(v))) }), {
        t: c.REPORT_TARGETS_JSON,
      }).t
    : r.targets;
  return {
    ...c,
    shifts: { dayStartMinute: c.SHIFT_DAY_START, nightStartMinute: c.SHIFT_NIGHT_START },
    escalation: {
      majorS2AckSec: c.ACK_MAJOR_S2_SEC,
      majorS3AckSec: c.ACK_MAJOR_S3_SEC,
      otherS2AckSec: c.ACK_OTHER_S2_SEC,
      otherS3AckSec: c.ACK_OTHER_S3_SEC,
      repeats: c.ACK_REPEATS,
      voiceFallbackSec: c.VOICE_FALLBACK_SEC,
    },
    signing: { majorStepMin: c.SIGN_STEP_MAJOR_MIN, otherStepMin: c.SIGN_STEP_OTHER_MIN },
    desk: deskSettingsFrom(c),
    shiftDuty: shiftSettingsFrom(c),
    rosterReview: rosterSettingsFrom(c),
    reporting: {
      ...r,
      targets,
      guardShortMin: c.REPORT_GUARD_SHORT_MIN,
      guardLongMin: c.REPORT_GUARD_LONG_MIN,
      followUpMajorMin: c.REPORT_FOLLOWUP_MAJOR_MIN,
      followUpOtherMin: c.REPORT_FOLLOWUP_OTHER_MIN,
      correctionMin: c.REPORT_CORRECTION_MIN,
      correctionMode: c.REPORT_CORRECTION_MODE,
    },
  };
}
