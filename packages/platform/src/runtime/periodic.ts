/**
 * A pass run every `everyMs` (a sweep, a month-end job). A tick that finds the previous pass still running is
 * skipped, so a slow pass is never overlapped by the next; a failed pass goes to `onError` and the next tick
 * simply tries again, which is why every pass must be idempotent.
 */
export function createPeriodicJob(pass: () => Promise<unknown>, onError: (err: unknown) => void) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const tick = (): Promise<void> =>
    (running ??= pass()
      .then(
        () => undefined,
        (err: unknown) => onError(err),
      )
      .finally(() => (running = undefined)));
  return {
    /** One pass now, or the one already running. */
    tick,
    start(everyMs: number): void {
      timer = setInterval(() => void tick(), everyMs);
      timer.unref();
    },
    /** Stops the ticks and waits for a pass in progress. */
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
export type PeriodicJob = ReturnType<typeof createPeriodicJob>;
