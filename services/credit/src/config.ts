import { baseConfigSchema, loadConfig, z } from '@gov/platform';
import { defaultLendingPolicy as d, type LendingPolicy } from './domain/policy';

// A fixed key for development and tests only; production must supply its own (refused below).
const DEV_PII_KEY = Buffer.alloc(32, 7).toString('base64');
// Likewise one development partner key for the restricted topic; refused in production.
const DEV_PII_TOPIC_KEYS = JSON.stringify({ 'dev-partner': Buffer.alloc(32, 11).toString('base64') });
const partnerKeys = (s: string): Record<string, string> | undefined => {
  try {
    const v: unknown = JSON.parse(s);
    return v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((k) => typeof k === 'string')
      ? (v as Record<string, string>)
      : undefined;
  } catch {
    return undefined;
  }
};
const int = (fallback: number) => z.coerce.number().int().nonnegative().default(fallback);

const schema = baseConfigSchema
  .extend({
    SERVICE_NAME: z.string().default('credit'),
    MONGO_DB: z.string().default('credit'),
    /** base64 of 32 bytes: AES-256-GCM key of the personal-data store (spec credit §2.4). */
    PII_KEY: z.string().default(DEV_PII_KEY),
    /**
     * Partner keys of the restricted topic gov.credit.pii.v1 (spec credit §19.1): JSON {keyId: base64 of 32 bytes}.
     * Each partner (host bank, insurer) holds its own key; the broker's read ACL limits the topic, the key the
     * payload. Keys kept here that are not active serve nothing but a prepared rotation.
     */
    PII_TOPIC_KEYS: z.string().default(DEV_PII_TOPIC_KEYS),
    /** Comma-separated ids of PII_TOPIC_KEYS to seal with now: one sealed message per id (per partner). */
    PII_TOPIC_ACTIVE_KEY_IDS: z
      .string()
      .default('dev-partner')
      .transform((s) =>
        s
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean),
      ),
    /** Active rating rule version (spec credit §0.3); ratings keep the version they were made under. */
    RATING_POLICY_VERSION: z.string().default('2017-33-v1'),
    /**
     * Batch import (spec credit §6.2): connections of its insert-only pool (0: insert on the main connection) and
     * chunks of 1000 households written at once. Inserts of new documents are safe on several connections even on
     * the local Mongo-wire server; updates stay on the main connection (ADR 0001 §8). Measured in bench/credit.
     */
    IMPORT_POOL_SIZE: int(4),
    IMPORT_CHUNKS_IN_FLIGHT: z.coerce.number().int().positive().default(3),
    /** C3: whether exactly 100 points is AAA+ (default false: AAA+ from 101). */
    AAA_PLUS_INCLUDES_100: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    // lending and risk rules (spec credit §11-16); fen, bp, months, days, years
    MAX_TERM_MONTHS: int(d.maxTermMonths),
    BENCHMARK_RATE_BP: int(d.benchmarkBp),
    ENTITY_RATE_CAP_PCT: int(d.entityRateCapPct),
    ENTITY_SUBSIDY_BP: int(d.entitySubsidyBp),
    SUBSIDISED_PRINCIPAL_CAP_FEN: int(d.subsidisedPrincipalCapFen),
    /** The district's opening contribution to the risk fund (R13.3), posted once as the ledger's first CAPITAL_IN. */
    RISK_FUND_BALANCE_FEN: int(d.riskFundBalanceFen),
    /** The document the opening contribution rests on, recorded on that ledger entry [config]. */
    RISK_FUND_CAPITAL_APPROVED_BY: z.string().min(1).default('三湖办〔2017〕33号'),
    FUND_LEVERAGE: int(d.fundLeverage),
    MUTUAL_FUND_PCT: int(d.mutualFundPct),
    LOSS_SHARE_GOV_BP: int(d.lossShareGovBp),
    LOSS_SHARE_BANK_BP: int(d.lossShareBankBp),
    LOSS_SHARE_INSURER_BP: int(d.lossShareInsurerBp),
    BREAKER_VILLAGE_NPL_BP: int(d.breakerVillageNplBp),
    BREAKER_TOWNSHIP_SHARE_BP: int(d.breakerTownshipShareBp),
    HONOR_NPL_BP: int(d.honorNplBp),
    NOTICE_MIN_DAYS: int(d.noticeMinDays),
    CERTIFICATE_VALIDITY_YEARS: int(d.certificateValidityYears),
    /** R15.4 [inferred]: days to the due date of the village group's collection task, then of the station's. */
    OVERDUE_VILLAGE_TASK_DAYS: z.coerce.number().int().positive().default(d.overdueVillageTaskDays),
    OVERDUE_STATION_TASK_DAYS: z.coerce.number().int().positive().default(d.overdueStationTaskDays),
    /** §9.3 annual review [inferred]: months between certificate reviews (年审). */
    REVIEW_INTERVAL_MONTHS: z.coerce.number().int().positive().default(d.reviewIntervalMonths),
    /** R5.4 [inferred]: one notice lists households and grades (default false: village notice, then grade notice). */
    MERGE_NOTICES: z
      .enum(['true', 'false'])
      .default(d.mergeNotices ? 'true' : 'false')
      .transform((v) => v === 'true'),
    /** R12.4: no subsidy for a period in which the loan was overdue or NPL [standard, local practice]. */
    SUBSIDY_EXCLUDE_ARREARS: z
      .enum(['true', 'false'])
      .default(d.subsidyExcludesArrears ? 'true' : 'false')
      .transform((v) => v === 'true'),
    /** R12.4 [inferred]: days from a period's accrual (statement acceptance) within which it must be paid. */
    SUBSIDY_SLA_DAYS: z.coerce.number().int().positive().default(d.subsidySlaDays),
    /** R12.4 cfg.subsidyPayee [inferred]: BORROWER, or BANK as a reimbursement of the interest it waived. */
    SUBSIDY_PAYEE: z.enum(['BORROWER', 'BANK']).default(d.subsidyPayee),
    /** R16.2 [inferred]: months without overdue a household needs before a re-score may raise its grade. */
    UPGRADE_CLEAN_MONTHS: z.coerce.number().int().positive().default(d.upgradeCleanMonths),
    /** How often the service closes notices whose end has passed (spec credit §5.2 "system at endAt"). */
    NOTICE_CLOSE_SWEEP_MS: z.coerce.number().int().positive().default(60_000),
    /** How often the service escalates collection tasks that fell due (R15.4). */
    OVERDUE_TASK_SWEEP_MS: z.coerce.number().int().positive().default(300_000),
    /** How often the service checks for a month end without NPL snapshots (§13.4); the first pass after one takes them. */
    NPL_SNAPSHOT_SWEEP_MS: z.coerce.number().int().positive().default(3_600_000),
    /** How often the service expires certificates past their validity and flags reviews that fell due (§9.3). */
    CERTIFICATE_EXPIRY_SWEEP_MS: z.coerce.number().int().positive().default(3_600_000),
  })
  .refine((c) => c.NODE_ENV !== 'production' || c.PII_KEY !== DEV_PII_KEY, {
    message: 'PII_KEY must be set in production',
    path: ['PII_KEY'],
  })
  .superRefine((c, ctx) => {
    const issue = (field: string, message: string) => ctx.addIssue({ code: 'custom', path: [field], message });
    const keys = partnerKeys(c.PII_TOPIC_KEYS);
    if (!keys) return issue('PII_TOPIC_KEYS', 'must be a JSON object of key id → base64 key');
    if (c.NODE_ENV === 'production' && c.PII_TOPIC_KEYS === DEV_PII_TOPIC_KEYS)
      issue('PII_TOPIC_KEYS', 'PII_TOPIC_KEYS must be set in production');
    for (const [id, k] of Object.entries(keys))
      if (Buffer.from(k, 'base64').length !== 32) issue('PII_TOPIC_KEYS', `key ${id} is not 32 bytes, base64-encoded`);
    const unknown = c.PII_TOPIC_ACTIVE_KEY_IDS.filter((id) => !keys[id]);
    if (unknown.length > 0) issue('PII_TOPIC_ACTIVE_KEY_IDS', `not in PII_TOPIC_KEYS: ${unknown.join(', ')}`);
  })
  .refine((c) => c.LOSS_SHARE_GOV_BP + c.LOSS_SHARE_BANK_BP + c.LOSS_SHARE_INSURER_BP === 10000, {
    message: 'the three loss shares must add up to 10000 bp',
    path: ['LOSS_SHARE_GOV_BP'],
  });

export type CreditConfig = z.infer<typeof schema> & {
  lending: LendingPolicy;
  /** The restricted topic's partner keys, parsed (PII_TOPIC_KEYS, PII_TOPIC_ACTIVE_KEY_IDS). */
  partnerPii: { keys: Record<string, string>; activeKeyIds: string[] };
};

export function readConfig(env: Record<string, string | undefined> = process.env): CreditConfig {
  const c = loadConfig(schema, env);
  return {
    ...c,
    partnerPii: { keys: partnerKeys(c.PII_TOPIC_KEYS)!, activeKeyIds: c.PII_TOPIC_ACTIVE_KEY_IDS },
    lending: {
      maxTermMonths: c.MAX_TERM_MONTHS,
      benchmarkBp: c.BENCHMARK_RATE_BP,
      entityRateCapPct: c.ENTITY_RATE_CAP_PCT,
      entitySubsidyBp: c.ENTITY_SUBSIDY_BP,
      subsidisedPrincipalCapFen: c.SUBSIDISED_PRINCIPAL_CAP_FEN,
      riskFundBalanceFen: c.RISK_FUND_BALANCE_FEN,
      fundLeverage: c.FUND_LEVERAGE,
      mutualFundPct: c.MUTUAL_FUND_PCT,
      lossShareGovBp: c.LOSS_SHARE_GOV_BP,
      lossShareBankBp: c.LOSS_SHARE_BANK_BP,
      lossShareInsurerBp: c.LOSS_SHARE_INSURER_BP,
      breakerVillageNplBp: c.BREAKER_VILLAGE_NPL_BP,
      breakerTownshipShareBp: c.BREAKER_TOWNSHIP_SHARE_BP,
      honorNplBp: c.HONOR_NPL_BP,
      noticeMinDays: c.NOTICE_MIN_DAYS,
      certificateValidityYears: c.CERTIFICATE_VALIDITY_YEARS,
      overdueVillageTaskDays: c.OVERDUE_VILLAGE_TASK_DAYS,
      overdueStationTaskDays: c.OVERDUE_STATION_TASK_DAYS,
      reviewIntervalMonths: c.REVIEW_INTERVAL_MONTHS,
      mergeNotices: c.MERGE_NOTICES,
      subsidyExcludesArrears: c.SUBSIDY_EXCLUDE_ARREARS,
      subsidySlaDays: c.SUBSIDY_SLA_DAYS,
      subsidyPayee: c.SUBSIDY_PAYEE,
      upgradeCleanMonths: c.UPGRADE_CLEAN_MONTHS,
    },
  };
}
