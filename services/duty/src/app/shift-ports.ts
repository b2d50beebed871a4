import type { Actor } from '@gov/platform/auth';
import type { HandoverRecord } from '../domain/handover-record';
import type { Roster } from '../domain/roster';
import type { ShiftEvent } from '../domain/shift-events';
import type { ShiftSwap } from '../domain/swap';
import type { Violation } from '../domain/violation';

export type { Actor };

/** Who did what, for the aggregate's hash-chained audit trail (written in the same document write). */
export interface ShiftAuditNote {
  action: string;
  actor: Actor;
  at: Date;
  details?: Record<string, unknown>;
}

/** An aggregate as read, with the version (optimistic concurrency) and the audit tail an update chains to. */
export interface StoredShift<T> {
  value: T;
  version: number;
  auditTail?: { seq: number; hash: string };
}

/**
 * One kind of shift aggregate: state, outbox events and audit in ONE document write. `create` is false when the
 * id exists (a retried command); `update` throws CONCURRENT_MODIFICATION when the version moved on.
 */
export interface ShiftAggregateStore<T extends { id: string }> {
  create(value: T, events: ShiftEvent[], note: ShiftAuditNote): Promise<boolean>;
  get(id: string): Promise<StoredShift<T> | undefined>;
  update(prev: StoredShift<T>, value: T, events: ShiftEvent[], note: ShiftAuditNote): Promise<void>;
}

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
