import { rejectInvalid } from './credit-error';

/**
 * 对象筛选 — the 三好三强 / 三有三无 conditions (spec credit §4 R4.2), each recorded as a check with its
 * evidence. S-3Y3 (no income project) only warns, because the score deducts for it (R4.3, D1). S-3W2 looks at
 * CURRENT arrears and the blacklist only; settled past overdues are scored by D3, not screened out (C6).
 */
export const screeningCodes = [
  'S-3G1',
  'S-3G2',
  'S-3G3',
  'S-3S1',
  'S-3S2',
  'S-3S3',
  'S-3Y1',
  'S-3Y2',
  'S-3Y3',
  'S-3W1',
  'S-3W2',
  'S-3W3',
] as const;
export type ScreeningCode = (typeof screeningCodes)[number];

const warningsOnly: readonly ScreeningCode[] = ['S-3Y3'];

export interface ScreeningCheck {
  code: ScreeningCode;
  satisfied: boolean;
  /** Where the finding comes from: a court/police feed id, a panel minute, a declaration (R4.2 data source). */
  evidenceRef: string;
}

export interface ScreeningResult {
  outcome: 'PASSED' | 'FAILED';
  failed: ScreeningCode[];
  warnings: ScreeningCode[];
  checks: ScreeningCheck[];
}

/** Screens a household: every condition must be recorded, each with evidence; all but S-3Y3 must hold. */
export function screenHousehold(checks: ScreeningCheck[]): ScreeningResult {
  const byCode = new Map(checks.map((c) => [c.code, c]));
  rejectInvalid([
    ...screeningCodes.filter((c) => !byCode.has(c)).map((c) => ({ field: c, message: 'not recorded' })),
    ...checks.filter((c) => !c.evidenceRef.trim()).map((c) => ({ field: c.code, message: 'evidence required' })),
    ...checks
      .filter((c) => !(screeningCodes as readonly string[]).includes(c.code))
      .map((c) => ({ field: c.code, message: 'unknown screening condition' })),
  ]);
  const unmet = screeningCodes.filter((c) => !byCode.get(c)!.satisfied);
  const failed = unmet.filter((c) => !warningsOnly.includes(c));
  return {
    outcome: failed.length === 0 ? 'PASSED' : 'FAILED',
    failed,
    warnings: unmet.filter((c) => warningsOnly.includes(c)),
    checks: screeningCodes.map((c) => byCode.get(c)!),
  };
}

/** S-3W2 from the household's loan record: only what is unpaid NOW, or a current blacklisting, fails it (C6). */
export const arrearsCheck = (r: {
  currentOverdueOrNpl: boolean;
  onLoanBlacklist: boolean;
  historicalOverdueCount: number;
}) => !r.currentOverdueOrNpl && !r.onLoanBlacklist;
