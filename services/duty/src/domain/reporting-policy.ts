import type { ReportMode, Severity } from './incident';

/** The severity classes a target rule applies to; UNKNOWN_MAJOR is UNKNOWN with possiblyMajor (spec duty §9.3). */
export type SeverityClass = Severity | 'UNKNOWN_MAJOR';

/**
 * Who makes the upward report to a target (spec duty §9.6 PO-1, §18 D-8): the duty desk itself, or the same-level
 * party committee office after forming the unified message — the desk then records the office's confirmation.
 */
export type ReportTargetMode = 'SELF' | 'VIA_PARTY_OFFICE';

/** 上报对象 — where upward reports go and within how many minutes of occurrence (spec duty §15.5 ReportTarget). */
export interface ReportTarget {
  id: string;
  name: string;
  level: 'SAME_LEVEL_PARTY_OFFICE' | 'FIRST_SUPERIOR' | 'PROVINCE' | 'CUSTOM';
  /** [inferred] SELF unless configured otherwise: the seeds leave the actor open (PO-1). */
  mode: ReportTargetMode;
  rules: { severities: SeverityClass[]; phoneLimitMin: number; writtenLimitMin: number }[];
  /** The superior duty office's numbers, in the order to try (spec duty §14); printed on the NF-8 sheet. */
  phones?: string[];
  fax?: string;
}

/** Reporting settings; targets are configuration data (spec duty §9.3 TL-1, §18 D-7). */
export interface ReportingPolicy {
  targets: ReportTarget[];
  /** AK-4: guard lead for short phone limits (≤ shortLimitMax minutes) and for the others. */
  guardShortMin: number;
  guardLongMin: number;
  shortLimitMax: number;
  /** FR-2 / §9.4 S9: a follow-up report is owed this many minutes after the last one (I/II, others). [inferred] */
  followUpMajorMin: number;
  followUpOtherMin: number;
  /**
   * §9.10 void: minutes after the void within which each target that had a report must get the correction, and
   * the mode it is owed in. [inferred: the seeds set no limit; 60 min matches the I/II follow-up cadence, and a
   * phone call is the quickest way to stop a superior acting on a report that no longer holds]
   */
  correctionMin: number;
  correctionMode: ReportMode;
}

const major: SeverityClass[] = ['I', 'II', 'UNKNOWN_MAJOR'];

/**
 * Defaults from the seeds: 州 10/30 and 省 20/40 minutes for 特别重大/重大 (003 L412); 60/120 minutes for the
 * other major urgent information (004 L112, L123). The 州 row stands for a district's first superior (TL-1).
 */
export const defaultReportingPolicy: ReportingPolicy = {
  targets: [
    {
      id: 'first-superior',
      name: '州人民政府总值班室',
      level: 'FIRST_SUPERIOR',
      mode: 'SELF',
      rules: [
        { severities: major, phoneLimitMin: 10, writtenLimitMin: 30 },
        { severities: ['III', 'IV', 'UNKNOWN'], phoneLimitMin: 60, writtenLimitMin: 120 },
      ],
    },
    {
      id: 'province',
      name: '省人民政府总值班室',
      level: 'PROVINCE',
      mode: 'SELF',
      rules: [{ severities: major, phoneLimitMin: 20, writtenLimitMin: 40 }],
    },
  ],
  guardShortMin: 3,
  guardLongMin: 10,
  shortLimitMax: 20,
  followUpMajorMin: 60,
  followUpOtherMin: 240,
  correctionMin: 60,
  correctionMode: 'PHONE',
};
