import { createHash } from 'node:crypto';
import { AppError } from '@gov/platform/errors';
import type { Clock } from '../domain/clock';
import {
  approveDraft,
  mayReview,
  newDraft,
  publishDraft,
  publishedRoster,
  quarterBounds,
  quarterOf,
  recordDirectPublication,
  rejectDraft,
  reviseDraft,
  rosterApprovers,
  rosterPreparers,
  submitDraft,
  type DraftContent,
  type RosterDraft,
  type RosterKind,
  type RosterReviewPolicy,
  type RosterTransition,
} from '../domain/roster-review';
import type { Roster, Shift } from '../domain/roster';
import { invalidRoster, RosterReviewError } from '../domain/roster-review-error';
import type { Idempotency } from './ports';
import type {
  Actor,
  HolidayCalendar,
  PublishedRosterCache,
  PublishedRosterSink,
  RosterDraftStore,
  StoredRosterDraft,
} from './roster-review-ports';

export interface RosterReviewDeps {
  drafts: RosterDraftStore;
  published: PublishedRosterSink;
  cache?: PublishedRosterCache;
  clock: Clock;
  idempotency: Idempotency;
  calendar: HolidayCalendar;
  policy: RosterReviewPolicy;
}

/** An id derived from the caller and the idempotency key, so a retried create finds the first result. */
export const rosterDraftId = (...parts: string[]): string =>
  `rdr-${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 24)}`;

function requireKey(key: string): void {
  if (!key.trim()) throw invalidRoster('idempotencyKey', 'is required');
}

async function load(drafts: RosterDraftStore, id: string): Promise<StoredRosterDraft> {
  const d = id.trim() ? await drafts.get(id) : undefined;
  if (!d) throw new RosterReviewError('ROSTER_DRAFT_NOT_FOUND', `no roster under review ${id}`);
  return d;
}

const isConflict = (e: unknown) => e instanceof AppError && e.code === 'CONCURRENT_MODIFICATION';

/** Creates a draft once per idempotency key; returns it as stored. */
export async function createDraftOnce(
  deps: Pick<RosterReviewDeps, 'drafts' | 'clock' | 'idempotency'>,
  cmd: { scope: string; key: string; request: unknown; actor: Actor },
  make: (id: string, now: Date) => RosterTransition,
): Promise<RosterDraft> {
  requireKey(cmd.key);
  const id = rosterDraftId(cmd.actor.userId, cmd.key);
  await deps.idempotency.run(`${cmd.scope}:${cmd.actor.userId}`, cmd.key, cmd.request, async () => {
    const now = deps.clock.now();
    const t = make(id, now);
    await deps.drafts.create(t.next, t.events, { action: t.action, actor: cmd.actor, at: now, details: t.details });
    return { id };
  });
  return (await load(deps.drafts, id)).value;
}

/**
 * Roster review (spec duty §4.3): DRAFT → SUBMITTED → APPROVED → PUBLISHED, reject back to DRAFT. Every command is
 * idempotent per key, audited on the aggregate, and written conditioned on the version read (a concurrent writer
 * makes it re-read and decide again). Publication also writes the roster the alert path reads.
 */
export function createRosterReview(deps: RosterReviewDeps) {
  /** Read, decide, write; `after` runs once the write (or an earlier one) holds. */
  async function change(
    cmd: { scope: string; key: string; request: unknown; actor: Actor; id: string },
    rule: (d: RosterDraft, now: Date) => RosterTransition,
    after?: (d: RosterDraft) => Promise<void>,
  ): Promise<RosterDraft> {
    requireKey(cmd.key);
    await deps.idempotency.run(`${cmd.scope}:${cmd.actor.userId}`, cmd.key, cmd.request, async () => {
      for (let attempt = 0; ; attempt++) {
        const prev = await load(deps.drafts, cmd.id);
        const now = deps.clock.now();
        const t = rule(prev.value, now);
        try {
          await deps.drafts.update(prev, t.next, t.events, {
            action: t.action,
            actor: cmd.actor,
            at: now,
            details: t.details,
          });
          if (after) await after(t.next);
          return { id: cmd.id };
        } catch (e) {
          if (!isConflict(e) || attempt >= 4) throw e;
        }
      }
    });
    return (await load(deps.drafts, cmd.id)).value;
  }

  async function project(d: RosterDraft): Promise<void> {
    const roster = publishedRoster(d);
    await deps.published.publishIfAbsent(roster);
    deps.cache?.put(roster);
  }

  const cmdOf = (scope: string, c: { idempotencyKey: string; id: string }, actor: Actor) => ({
    scope,
    key: c.idempotencyKey,
    request: c,
    actor,
    id: c.id,
  });

  return {
    async create(
      cmd: DraftContent & {
        idempotencyKey: string;
        kind: RosterKind;
        periodStart: Date;
        periodEnd: Date;
        holidayName?: string;
      },
      actor: Actor,
    ): Promise<RosterDraft> {
      mayReview(actor, rosterPreparers, 'drafting a roster');
      const { idempotencyKey, ...init } = cmd;
      return createDraftOnce(deps, { scope: 'duty.roster.draft', key: idempotencyKey, request: cmd, actor }, (id) =>
        newDraft({ ...init, id }, actor.userId),
      );
    },
    async revise(cmd: DraftContent & { idempotencyKey: string; id: string }, actor: Actor): Promise<RosterDraft> {
      mayReview(actor, rosterPreparers, 'revising a roster');
      const { idempotencyKey: _k, id: _i, ...content } = cmd;
      return change(cmdOf('duty.roster.revise', cmd, actor), (d) => reviseDraft(d, content));
    },
    async submit(cmd: { idempotencyKey: string; id: string }, actor: Actor): Promise<RosterDraft> {
      mayReview(actor, rosterPreparers, 'submitting a roster');
      // RS-2 over the quarter: the shifts of the other settled rosters in the quarters this one touches
      const draft = (await load(deps.drafts, cmd.id)).value;
      const quarters = [...new Set(draft.shifts.map((s) => quarterOf(s.startsAt)))].map(quarterBounds);
      const others = new Map<string, Shift[]>();
      for (const q of quarters)
        for (const other of await deps.drafts.settledOverlapping(q.start, q.end))
          if (other.id !== draft.id) others.set(other.id, other.shifts);
      // the rest of the quarter: another roster's shifts inside this one's period are a competing version of it
      const within = (at: Date) => at >= draft.periodStart && at < draft.periodEnd;
      const earlier = [...others.values()].flat().filter((s) => !within(s.startsAt));
      return change(cmdOf('duty.roster.submit', cmd, actor), (d, now) =>
        submitDraft(d, deps.policy.office, now, earlier),
      );
    },
    async approve(cmd: { idempotencyKey: string; id: string; note: string }, actor: Actor): Promise<RosterDraft> {
      return change(cmdOf('duty.roster.approve', cmd, actor), (d, now) => approveDraft(d, actor, now, cmd.note));
    },
    async reject(cmd: { idempotencyKey: string; id: string; reason: string }, actor: Actor): Promise<RosterDraft> {
      return change(cmdOf('duty.roster.reject', cmd, actor), (d) => rejectDraft(d, actor, cmd.reason));
    },
    /**
     * APPROVED → PUBLISHED (RS-5 for holiday rosters), then the published roster is written for the cache. A
     * roster found PUBLISHED already (a retry after a crash between the two writes) is only projected again.
     */
    async publish(cmd: { idempotencyKey: string; id: string }, actor: Actor): Promise<RosterDraft> {
      mayReview(actor, rosterApprovers, 'publishing a roster');
      const current = await load(deps.drafts, cmd.id);
      if (current.value.status === 'PUBLISHED') {
        await project(current.value);
        return current.value;
      }
      return change(
        cmdOf('duty.roster.publish', cmd, actor),
        (d, now) => publishDraft(d, actor, now, deps.calendar, deps.policy),
        project,
      );
    },
    async get(id: string, actor: Actor): Promise<RosterDraft> {
      mayReview(actor, [...rosterPreparers, ...rosterApprovers, 'AUDITOR'], 'reading rosters under review');
      return (await load(deps.drafts, id)).value;
    },
    /**
     * Records a roster published by the one-step PublishRoster command (audit + duty.roster.published); called
     * inside that command's idempotent run, after the roster was saved. Not used by the review commands.
     */
    async recordDirect(roster: Roster, actor: Actor): Promise<void> {
      for (let attempt = 0; ; attempt++) {
        const prev = await deps.drafts.get(roster.id);
        const now = deps.clock.now();
        const t = recordDirectPublication(prev?.value, roster, actor, now);
        if (!t) return;
        const note = { action: t.action, actor, at: now, details: t.details };
        try {
          if (prev) return await deps.drafts.update(prev, t.next, t.events, note);
          if (await deps.drafts.create(t.next, t.events, note)) return;
          // created meanwhile by a concurrent publication: read it again
        } catch (e) {
          if (!isConflict(e)) throw e;
        }
        if (attempt >= 4) throw new RosterReviewError('ROSTER_STATE', `roster ${roster.id} keeps changing; retry`);
      }
    },
    /** Writes the published rosters again where the projection is missing (a crash between the two writes). */
    async reproject(): Promise<number> {
      const list = await deps.drafts.publishedEndingAfter(new Date(deps.clock.now().getTime() - 86_400_000));
      for (const d of list) await deps.published.publishIfAbsent(publishedRoster(d));
      return list.length;
    },
  };
}
export type RosterReview = ReturnType<typeof createRosterReview>;
