import { divRoundHalfUp } from './interest';
import type { LendingPolicy } from './policy';

/**
 * 风险共担 (spec credit §13.2): government and insurer shares are rounded half-up to the fen; the bank takes
 * the remainder, so the three shares always sum to the loss base exactly.
 */
export function allocateLoss(lossBaseFen: number, p: LendingPolicy): { gov: number; bank: number; insurer: number } {
  const base = BigInt(lossBaseFen);
  const gov = Number(divRoundHalfUp(base * BigInt(p.lossShareGovBp), 10000n));
  const insurer = Number(divRoundHalfUp(base * BigInt(p.lossShareInsurerBp), 10000n));
  return { gov, insurer, bank: lossBaseFen - gov - insurer };
}

/** Who shares losses: registered poor households and entities in the 政银保 agreement (R13.2). */
export const isRiskShared = (b: { povertyStatus?: string; inGovBankInsurerAgreement?: boolean }): boolean =>
  (b.povertyStatus !== undefined && b.povertyStatus !== 'NONE') || b.inGovBankInsurerAgreement === true;

/**
 * R13.4 ceiling: leverage × fund balance. The balance is the live one from the fund ledger when the caller has
 * it (risk-fund.ts); without it, the configured opening capital stands in.
 */
export const fundCeilingFen = (p: LendingPolicy, fundBalanceFen = p.riskFundBalanceFen): bigint =>
  BigInt(Math.max(fundBalanceFen, 0)) * BigInt(p.fundLeverage);

/** R13.4: covered outstanding plus the request must stay within leverage × fund balance. */
export const withinFundLeverage = (
  coveredOutstandingFen: number,
  requestedFen: number,
  p: LendingPolicy,
  fundBalanceFen = p.riskFundBalanceFen,
): boolean => BigInt(coveredOutstandingFen) + BigInt(requestedFen) <= fundCeilingFen(p, fundBalanceFen);

/**
 * R13.5: the warning levels (bp of the 10× ceiling) that exposure crosses when it grows from `before` to
 * `after`; the highest one is reported. Exposure counts new lines at their full limit, as the guard does.
 */
export function crossedUtilisation(
  beforeFen: number,
  afterFen: number,
  p: LendingPolicy,
  levelsBp = [8000, 9500],
  fundBalanceFen = p.riskFundBalanceFen,
) {
  const ceiling = fundCeilingFen(p, fundBalanceFen);
  if (ceiling === 0n) return undefined;
  const bp = (x: number) => Number((BigInt(x) * 10000n) / ceiling);
  const crossed = levelsBp.filter((l) => bp(beforeFen) < l && bp(afterFen) >= l);
  return crossed.length > 0
    ? { thresholdBp: Math.max(...crossed), utilisationBp: bp(afterFen), ceilingFen: Number(ceiling) }
    : undefined;
}

/** R13.6: an entity loan needs at least mutualFundPct of its principal in the mutual guarantee fund (rounded up). */
export const mutualFundRequiredFen = (principalFen: number, p: LendingPolicy): number =>
  Math.ceil((principalFen * p.mutualFundPct) / 100);

/** NPL ratio in bp, rounded down, for reports; decisions compare exactly with `nplAbove`. */
export const nplBp = (nplFen: number, outstandingFen: number): number =>
  outstandingFen === 0 ? 0 : Number((BigInt(nplFen) * 10000n) / BigInt(outstandingFen));

/** Strictly above the threshold (超过3%), compared exactly: npl/outstanding > bp/10000. Zero outstanding → 0. */
export const nplAbove = (nplFen: number, outstandingFen: number, thresholdBp: number): boolean =>
  outstandingFen > 0 && BigInt(nplFen) * 10000n > BigInt(thresholdBp) * BigInt(outstandingFen);

export interface VillageBook {
  villageId: string;
  outstandingFen: number;
  nplFen: number;
}

/**
 * 熔断机制 (spec credit §13.4): CB-V trips each village whose NPL ratio is strictly above the threshold;
 * CB-T trips the township when the share of such villages reaches the township threshold (≥, C14).
 */
export function evaluateBreakers(villages: VillageBook[], p: LendingPolicy) {
  const breached = villages.filter((v) => nplAbove(v.nplFen, v.outstandingFen, p.breakerVillageNplBp));
  const shareBp = villages.length === 0 ? 0 : Math.floor((breached.length * 10000) / villages.length);
  const townshipTripped = villages.length > 0 && breached.length * 10000 >= p.breakerTownshipShareBp * villages.length;
  // sorted: the result goes into events and audit, which must not depend on the store's read order
  const breachedVillageIds = breached.map((v) => v.villageId).sort();
  return { breachedVillageIds, shareBp, townshipTripped };
}

/** 信用村 / 信用乡 at year end: the 12-31 NPL ratio does not exceed the threshold (未超过3%, R16.1). */
export const earnsCreditTitle = (book: { outstandingFen: number; nplFen: number }, p: LendingPolicy): boolean =>
  !nplAbove(book.nplFen, book.outstandingFen, p.honorNplBp);
