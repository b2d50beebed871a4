import type { LogSince } from '../../app/shift-ports';
import type { DutyLogStore } from '../../app/ports';

/**
 * The duty-log entries a handover must show (spec duty §5 HO-3): written after the last handover and up to
 * now. Reads the log through its own repository; the log is append-only, so a later read only adds entries.
 */
export function createHandoverLog(log: DutyLogStore): LogSince {
  return {
    async seqsBetween(since, until) {
      const from = since?.getTime() ?? Number.NEGATIVE_INFINITY;
      return (await log.all())
        .filter((e) => new Date(e.at).getTime() > from && new Date(e.at).getTime() <= until.getTime())
        .map((e) => e.seq);
    },
  };
}
