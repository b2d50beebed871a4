import type { Grade } from './policy';
import type { CreditInfo, PovertyStatus, ScoreCard } from './rating';
import type { ScreeningResult } from './screening';

/** A stored score card with what it was computed from (spec credit §7.5); never changed once written. */
export interface Rating extends ScoreCard {
  id: string;
  householdId: string;
  computedAt: Date;
  info: CreditInfo;
}

/** 农户 — a household of a village (spec credit §3.2). Personal data lives apart, see HouseholdPii. */
export interface Household {
  id: string;
  townshipId: string;
  villageId: string;
  villagerGroupId: string;
  headName: string;
  povertyStatus: PovertyStatus;
  latestRating?: Rating;
  /** The latest 对象筛选 with its evidence (spec credit §4). */
  screening?: ScreeningResult & { at: Date };
}

/** Identity number and phone of a household head; stored encrypted with masked copies beside them. */
export interface HouseholdPii {
  idNumber: string;
  phone: string;
}

/** What callers get back: masked unless their role may see personal data. */
export interface HouseholdView extends Household {
  idNumber: string;
  phone: string;
  piiMasked: boolean;
}

export type { Grade };
