import type { Actor } from '@gov/platform/auth';
import { rejectInvalid } from '../domain/credit-error';
import type { Household } from '../domain/household';
import { roleFor } from '../domain/permissions';
import { isValidIdNumber } from '../domain/personal-data';
import type { RatingPolicy } from '../domain/policy';
import type { CreditInfo } from '../domain/rating';
import type { CheckPlacement } from './check-placement';
import { derivedId } from './households';
import type { Clock, Households } from './ports';
import { rateOne } from './rate-household';

export interface ImportRow {
  /** The source system's id of the household: the household id is derived from it, so a re-import is a no-op. */
  sourceId: string;
  household: Omit<Household, 'id' | 'latestRating'>;
  idNumber: string;
  phone: string;
  info: CreditInfo;
}

/**
 * Batch import path (spec credit §6.2: data arrives from the village teams in bulk): validates, registers and
 * rates each household in one document write with its ScoreComputed event, chunk by chunk.
 */
export function createImportHouseholds(deps: {
  households: Households;
  /** Refuses the batch if any row names a village or group registered elsewhere (spec credit §3.1). */
  checkPlacement: CheckPlacement;
  clock: Clock;
  policy: () => RatingPolicy;
  chunkSize?: number;
  /**
   * Chunks written at once (default 1). Chunks are independent (distinct households, each chunk's events in its
   * own document), so while one chunk's inserts are in the store the next one is rated and encrypted, and on an
   * insert-only pool several chunks' inserts run in parallel.
   */
  chunksInFlight?: number;
}) {
  const chunk = deps.chunkSize ?? 1000;
  const depth = Math.max(1, deps.chunksInFlight ?? 1);
  return async function importHouseholds(batchId: string, rows: ImportRow[], actor: Actor) {
    const role = roleFor(actor, 'importHouseholds');
    rejectInvalid(
      rows.flatMap((r, i) =>
        isValidIdNumber(r.idNumber) ? [] : [{ field: `rows[${i}].idNumber`, message: 'invalid identity number' }],
      ),
    );
    await deps.checkPlacement(
      rows.map((r) => r.household),
      (i) => `rows[${i}].household.`,
    );
    const policy = deps.policy();
    let inserted = 0;
    const inFlight = new Set<Promise<void>>();
    let failed: { error: unknown } | undefined;
    for (let start = 0; start < rows.length && !failed; start += chunk) {
      const at = deps.clock.now();
      const batch = rows.slice(start, start + chunk).map((r) => {
        const id = derivedId('hh', 'import', r.sourceId);
        const base: Household = { id, ...r.household };
        const rating = rateOne(base, r.info, policy, derivedId('rt', batchId, r.sourceId), at);
        return { household: { ...base, latestRating: rating }, pii: { idNumber: r.idNumber, phone: r.phone } };
      });
      const write = deps.households
        .importChunk(
          { id: derivedId('ic', batchId, String(start)), batchId },
          batch,
          batch.map(({ household }) => ({ type: 'ScoreComputed' as const, household, rating: household.latestRating })),
          {
            action: 'household.imported-and-rated',
            actor,
            role,
            at,
            details: { batchId, policyVersion: policy.version },
          },
        )
        .then(
          (n) => void (inserted += n),
          (error: unknown) => void (failed ??= { error }),
        )
        .finally(() => inFlight.delete(write));
      inFlight.add(write);
      if (inFlight.size >= depth) await Promise.race(inFlight);
    }
    // every chunk that was started is awaited, also after a failure: a re-run of the batch completes the rest
    await Promise.all(inFlight);
    if (failed) throw failed.error;
    return { inserted, total: rows.length };
  };
}
