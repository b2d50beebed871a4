import type { Logger } from '../observability';

/**
 * Runs the registered steps in reverse order on SIGTERM/SIGINT (stop taking traffic first, close stores
 * last), bounded by a timeout so a stuck step cannot keep a terminating pod alive.
 */
export function createShutdown(opts: { logger: Logger; timeoutMs: number; exit?: (code: number) => void }) {
  const steps: { name: string; fn: () => Promise<unknown> | unknown }[] = [];
  const exit = opts.exit ?? ((code: number) => process.exit(code));
  let started: Promise<void> | undefined;

  async function run(reason: string): Promise<void> {
    opts.logger.info({ reason }, 'shutting down');
    const timer = setTimeout(() => {
      opts.logger.error('shutdown timed out');
      exit(1);
    }, opts.timeoutMs);
    timer.unref();
    for (const step of [...steps].reverse()) {
      try {
        await step.fn();
      } catch (err) {
        opts.logger.warn({ err, step: step.name }, 'shutdown step failed');
      }
    }
    clearTimeout(timer);
  }

  return {
    add(name: string, fn: () => Promise<unknown> | unknown): void {
      steps.push({ name, fn });
    },
    trigger(reason: string): Promise<void> {
      started ??= run(reason);
      return started;
    },
    listen(): void {
      for (const sig of ['SIGTERM', 'SIGINT'] as const)
        process.once(sig, () => void this.trigger(sig).then(() => exit(0)));
    },
  };
}
export type Shutdown = ReturnType<typeof createShutdown>;
