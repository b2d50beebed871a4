import type { Actor } from '@gov/platform/auth';
import type { HandoverRecord } from '../domain/handover-record';
import type { Roster } from '../domain/roster';
import type { ShiftEvent } from '../domain/shift-events';
import type { ShiftSwap } from '../domain/swap';
import type { Violation } from '../domain/violation';
import type { AggregateStore, Stored as StoredShift } from './aggregate-commands';

export type { Actor };

export type { AuditNote as ShiftAuditNote, Stored as StoredShift } from './aggregate-commands';
/** One kind of shift aggregate (see `AggregateStore`). */
export type ShiftAggregateStore<T extends { id: string }> = AggregateStore<T, ShiftEvent>;

export interface HandoverStore extends ShiftAggregateStore<HandoverRecord> {
  /** Handovers whose clock is due at `now` (the sweep's query). */
  timersDue(now: Date, limit: number): Promise<StoredShift<HandoverRecord>[]>;
  /** The handover into `shiftId` (the one that opened the shift now handing over), if any. */
  intoShift(shiftId: string): Promise<HandoverRecord | undefined>;
  /** The last handover completed before `at`: "the log since the last handover" starts there (HO-3). */
  lastCompletedBefore(at: Date): Promise<HandoverRecord | undefined>;
}

/** Duty-log sequence numbers written in (since, until] (the entries the incoming officer must read). */
export interface LogSince {
  seqsBetween(since: Date | undefined, until: Date): Promise<number[]>;
}

export interface ViolationStore extends ShiftAggregateStore<Violation> {
  /**
   * Claims place `ordinal` among `personId`'s confirmed circulars of `year` for `violationId` (PN-5): returns
   * the violation holding that place — this one when the claim succeeded or was made by an earlier try.
   */
  claimCircular(personId: string, year: number, ordinal: number, violationId: string): Promise<string>;
}

export type SwapStore = ShiftAggregateStore<ShiftSwap>;

/** Published rosters, amended in place with the earlier version kept (spec duty §4.3). */
export interface RosterAmendments {
  get(id: string): Promise<AmendedRoster | undefined>;
  /** Writes `next` (version = expectedVersion + 1) only if the stored roster is still at `expectedVersion`. */
  amend(next: AmendedRoster, expectedVersion: number): Promise<boolean>;
}

/** A roster with the swap that produced its version, so a retried approval knows it already applied. */
export type AmendedRoster = Roster & { lastSwapId?: string };
