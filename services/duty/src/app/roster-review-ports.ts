import type { Actor } from '@gov/platform/auth';
import type { HolidayPeriod } from '../domain/holiday-roster';
import type { Roster } from '../domain/roster';
import type { RosterDraft, RosterEvent, WorkingDays } from '../domain/roster-review';

export type { Actor };

/** Who did what, for the roster's hash-chained audit trail (written in the same document write). */
export interface RosterAuditNote {
  action: string;
  actor: Actor;
  at: Date;
  details?: Record<string, unknown>;
}

/** A roster under review as read, with the version (optimistic concurrency) and the audit tail to chain to. */
export interface StoredRosterDraft {
  value: RosterDraft;
  version: number;
  auditTail?: { seq: number; hash: string };
}

/**
 * Rosters under review as aggregates: state, outbox events and audit in ONE document write. `create` is false when
 * the id exists (a retried command); `update` throws CONCURRENT_MODIFICATION when the version moved on.
 */
export interface RosterDraftStore {
  create(value: RosterDraft, events: RosterEvent[], note: RosterAuditNote): Promise<boolean>;
  get(id: string): Promise<StoredRosterDraft | undefined>;
  update(prev: StoredRosterDraft, value: RosterDraft, events: RosterEvent[], note: RosterAuditNote): Promise<void>;
  /** PUBLISHED drafts whose period ends after `after` (re-projection at start-up). */
  publishedEndingAfter(after: Date): Promise<RosterDraft[]>;
  /** PUBLISHED drafts whose period ended at or before `at` (the lock sweep, §4.3). */
  publishedEndedBy(at: Date): Promise<RosterDraft[]>;
  /** APPROVED, PUBLISHED or LOCKED rosters whose period overlaps [start, end) (RS-2 over a quarter). */
  settledOverlapping(start: Date, end: Date): Promise<RosterDraft[]>;
}

/**
 * The published rosters the cache and the alert path read (`rosters`). Insert only: a roster already there may
 * have been amended by swaps since, and must not be overwritten by a re-projection.
 */
export interface PublishedRosterSink {
  publishIfAbsent(roster: Roster): Promise<void>;
  /**
   * Marks published rosters LOCKED so amendments stop (§4.3): the one `id`, or without it every roster whose
   * period ended by `at`. Returns the ids it marked now.
   */
  lock(at: Date, id?: string): Promise<string[]>;
}

/** The in-memory roster cache of the alert path, told at once instead of at its next reload. */
export interface PublishedRosterCache {
  put(roster: Roster): void;
}

/** The working-day calendar: RS-5 counting and the holiday periods of the State Council notices. */
export interface HolidayCalendar extends WorkingDays {
  holidays(year: number): readonly HolidayPeriod[];
}
