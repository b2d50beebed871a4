import { createPeriodicJob } from '@gov/platform';
import { AppError } from '@gov/platform/errors';
import type { Clock } from '../domain/clock';
import { lockRoster } from '../domain/roster-review';
import type { Actor, PublishedRosterSink, RosterDraftStore } from './roster-review-ports';

const system: Actor = {
  userId: 'system:roster-lock',
  name: 'roster lock sweep',
  orgUnitId: '',
  roles: [],
  clearance: 'PUBLIC',
};

/**
 * §4.3 PUBLISHED → LOCKED (period ended): each pass locks the rosters whose period is over — on the roster's
 * aggregate, audited with duty.roster.locked — and then marks their published copies, which swaps check before
 * amending. The copies are marked by period end, so rosters published without an aggregate, or a pass that died
 * between the two writes, are covered too. Several replicas may sweep at once: the version-checked write lets
 * one of them lock each roster and the others find it done.
 */
export function createRosterLockSweep(deps: {
  drafts: RosterDraftStore;
  published: PublishedRosterSink;
  clock: Clock;
  onError?: (err: unknown) => void;
}) {
  async function runOnce(): Promise<number> {
    const now = deps.clock.now();
    let locked = 0;
    for (const d of await deps.drafts.publishedEndedBy(now)) {
      for (let attempt = 0; attempt < 5; attempt++) {
        const prev = await deps.drafts.get(d.id);
        const t = prev && lockRoster(prev.value, now);
        if (!prev || !t) break;
        try {
          await deps.drafts.update(prev, t.next, t.events, {
            action: t.action,
            actor: system,
            at: now,
            details: t.details,
          });
          locked += 1;
          break;
        } catch (e) {
          if (!(e instanceof AppError && e.code === 'CONCURRENT_MODIFICATION')) throw e;
        }
      }
    }
    await deps.published.lock(now);
    return locked;
  }
  const job = createPeriodicJob(runOnce, (err) => deps.onError?.(err));
  return { runOnce, start: job.start, stop: job.stop };
}
export type RosterLockSweep = ReturnType<typeof createRosterLockSweep>;
