import { createPeriodicJob } from '@gov/platform';
import { systemActor } from '@gov/platform/auth';
import { AppError } from '@gov/platform/errors';
import type { Clock } from '../domain/clock';
import type { HandoverPolicy } from '../domain/handover';
import { sweepHandover } from '../domain/handover-record';
import type { HandoverStore } from './shift-ports';

/**
 * The handover clock (spec duty §5, §19 scenarios 3 and 5): each handover keeps its next due instant
 * (`timerDueAt`); a periodic sweep applies the rule to those due. Every replica may sweep: the write is
 * conditioned on the version, so one wins and the others skip. Accuracy is the sweep interval.
 */
export function createHandoverSweep(deps: {
  handovers: HandoverStore;
  clock: Clock;
  policy: HandoverPolicy;
  batchSize?: number;
  onError?: (err: unknown) => void;
}) {
  async function runOnce(): Promise<number> {
    const now = deps.clock.now();
    let acted = 0;
    for (const s of await deps.handovers.timersDue(now, deps.batchSize ?? 100)) {
      const t = sweepHandover(s.value, now, deps.policy);
      if (!t) continue;
      try {
        await deps.handovers.update(s, t.next, t.events, { action: t.action, actor: systemActor, at: now });
        acted++;
      } catch (e) {
        // another replica (or a check-in) got there first; the next pass sees the new state
        if (!(e instanceof AppError && e.code === 'CONCURRENT_MODIFICATION')) throw e;
      }
    }
    return acted;
  }
  const job = createPeriodicJob(runOnce, (err) => deps.onError?.(err));
  return { runOnce, start: job.start, stop: job.stop };
}
