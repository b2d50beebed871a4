import { createPeriodicJob } from '@gov/platform';
import { systemActor } from '@gov/platform/auth';
import { AppError } from '@gov/platform/errors';
import type { Clock } from '../domain/clock';
import { sweepDocument } from '../domain/desk-document';
import type { DeskDocumentStore } from './desk-ports';

/**
 * The urgent-document timer (spec duty §7 DK-5, §19 scenario 8): each document keeps its next due instant
 * (`timerDueAt`); a periodic sweep applies the rule to those due. Every replica may sweep: the write is
 * conditioned on the version, so one wins and the others skip. Accuracy is the sweep interval.
 */
export function createDeskSweep(deps: {
  documents: DeskDocumentStore;
  clock: Clock;
  batchSize?: number;
  onError?: (err: unknown) => void;
}) {
  async function runOnce(): Promise<number> {
    const now = deps.clock.now();
    let acted = 0;
    for (const s of await deps.documents.timersDue(now, deps.batchSize ?? 100)) {
      const t = sweepDocument(s.value, now);
      if (!t) continue;
      try {
        await deps.documents.update(s, t.next, t.events, { action: t.action, actor: systemActor, at: now });
        acted++;
      } catch (e) {
        // another replica (or a forward) got there first; the next pass sees the new state
        if (!(e instanceof AppError && e.code === 'CONCURRENT_MODIFICATION')) throw e;
      }
    }
    return acted;
  }
  const job = createPeriodicJob(runOnce, (err) => deps.onError?.(err));
  return { runOnce, start: job.start, stop: job.stop };
}
