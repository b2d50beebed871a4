import type { Actor } from '@gov/platform/auth';
import { isMonthEnd, lastMonthEndBefore, shanghaiDate } from '../domain/calendar';
import { CreditError } from '../domain/credit-error';
import { townshipBooks, type NplSnapshot } from '../domain/npl-snapshot';
import { roleFor } from '../domain/permissions';
import { derivedId } from './households';
import type { Clock, CreditLines, NplSnapshotRuns, NplSnapshots } from './ports';

/**
 * Month-end NPL snapshots (spec credit §13.4 "official NplSnapshot at each month end", §19.2): for every village
 * and township with lines, outstanding and NPL principal and the ratio, stored once per unit and month end and
 * published as credit.npl.snapshot. The book is read as it stands when the job runs (its first pass after the
 * month end); a bank report that arrives later belongs to the next month. Re-running changes nothing: snapshot
 * ids derive from unit and month end, and a completed month end is recorded so later passes skip the book.
 */
export function createTakeNplSnapshots(deps: {
  lines: CreditLines;
  snapshots: NplSnapshots;
  runs: NplSnapshotRuns;
  clock: Clock;
}) {
  async function take(asOf: string, actor: Actor): Promise<{ asOf: string; units: number; taken: number }> {
    const role = roleFor(actor, 'evaluateRisk');
    if (!isMonthEnd(asOf))
      throw new CreditError('NPL_SNAPSHOT_DATE_INVALID', `${asOf} is not the last day of a month (YYYY-MM-DD)`);
    const now = deps.clock.now();
    if (shanghaiDate(now) <= asOf)
      throw new CreditError('MONTH_NOT_ENDED', `${asOf} has not ended yet in Asia/Shanghai`);
    const runId = derivedId('nplrun', asOf);
    const done = await deps.runs.get(runId);
    if (done) return { asOf, units: done.value.units, taken: 0 };
    let units = 0;
    let taken = 0;
    for (const townshipId of await deps.lines.listTownshipIds()) {
      const lines = (await deps.lines.listByTownship(townshipId)).map((l) => l.value);
      for (const book of townshipBooks(townshipId, lines)) {
        units++;
        const snapshot: NplSnapshot = {
          id: derivedId('npl', book.unitType, book.unitId, asOf),
          ...book,
          asOf,
          takenAt: now,
        };
        const created = await deps.snapshots.create(snapshot, [{ type: 'NplSnapshotTaken', snapshot }], {
          action: 'npl.snapshot-taken',
          actor,
          role,
          at: now,
          details: { unitType: book.unitType, unitId: book.unitId, asOf, nplBp: book.nplBp },
        });
        if (created) taken++;
      }
    }
    await deps.runs.create({ id: runId, asOf, units, completedAt: now }, [], {
      action: 'npl.snapshots-completed',
      actor,
      role,
      at: now,
      details: { asOf, units, taken },
    });
    return { asOf, units, taken };
  }

  return {
    take,
    /** The job's pass: the latest month end that has passed (in Asia/Shanghai), once. */
    takeLatest: (actor: Actor) => take(lastMonthEndBefore(deps.clock.now()), actor),
    list: (asOf: string) => deps.snapshots.listByAsOf(asOf),
  };
}
