import { systemActor } from '@gov/platform/auth';
import { withCheckDigit } from '../domain/personal-data';
import { policy2017v1 } from '../domain/policy';
import { emptyCreditInfo } from '../domain/rating';
import { CreditError } from '../domain/credit-error';
import type { CheckPlacement } from './check-placement';
import { createImportHouseholds, type ImportRow } from './import-households';
import type { Households } from './ports';

const rows = (n: number): ImportRow[] =>
  Array.from({ length: n }, (_, i) => ({
    sourceId: `s-${i}`,
    household: { townshipId: 't', villageId: 'v', villagerGroupId: 'g', headName: '王', povertyStatus: 'NONE' },
    idNumber: withCheckDigit(`41120219800${String(100000 + i).padStart(6, '0')}`),
    phone: '13500000000',
    info: emptyCreditInfo(),
  }));

/** A store that takes a few milliseconds per chunk and records how many chunks it was writing at once. */
function slowStore(failAt?: number) {
  const seen = { chunks: [] as string[], maxAtOnce: 0, atOnce: 0, households: 0 };
  const households = {
    async importChunk(chunk: { id: string }, batch: unknown[]) {
      seen.chunks.push(chunk.id);
      seen.atOnce++;
      seen.maxAtOnce = Math.max(seen.maxAtOnce, seen.atOnce);
      const n = seen.chunks.length;
      await new Promise((r) => setTimeout(r, 5));
      seen.atOnce--;
      if (n === failAt) throw new Error('store unavailable');
      seen.households += batch.length;
      return batch.length;
    },
  } as unknown as Households;
  return { seen, households };
}

/** A registry with nothing registered: every row is placed acceptably. */
const anywhere: CheckPlacement = async () => {};

const importer = (households: Households, chunksInFlight?: number, checkPlacement = anywhere) =>
  createImportHouseholds({
    households,
    checkPlacement,
    clock: { now: () => new Date('2026-11-02T01:00:00Z') },
    policy: () => policy2017v1,
    chunkSize: 10,
    chunksInFlight,
  });

describe('createImportHouseholds', () => {
  it('writes one chunk at a time by default', async () => {
    const { seen, households } = slowStore();
    expect(await importer(households)('b', rows(45), systemActor)).toEqual({ inserted: 45, total: 45 });
    expect(seen.chunks).toHaveLength(5);
    expect(seen.maxAtOnce).toBe(1);
  });

  it('keeps up to chunksInFlight chunks in the store at once and counts every one', async () => {
    const { seen, households } = slowStore();
    expect(await importer(households, 3)('b', rows(95), systemActor)).toEqual({ inserted: 95, total: 95 });
    expect(seen.chunks).toHaveLength(10);
    expect(new Set(seen.chunks).size).toBe(10);
    expect(seen.maxAtOnce).toBe(3);
  });

  it('refuses the whole batch before writing when the registry places a row elsewhere (spec credit §3.1-3.2)', async () => {
    const { seen, households } = slowStore();
    const prefixes: string[] = [];
    const misplaced: CheckPlacement = async (rows, prefix) => {
      prefixes.push(prefix(rows.length - 1));
      throw new CreditError('VILLAGE_NOT_IN_TOWNSHIP', 'village v is registered under another township');
    };
    await expect(importer(households, 1, misplaced)('b', rows(25), systemActor)).rejects.toMatchObject({
      code: 'VILLAGE_NOT_IN_TOWNSHIP',
    });
    expect(seen.chunks).toEqual([]);
    expect(prefixes).toEqual(['rows[24].household.']);
  });

  it('on a failed chunk starts no further chunk, lets those in flight finish, then rejects', async () => {
    const { seen, households } = slowStore(2);
    await expect(importer(households, 3)('b', rows(95), systemActor)).rejects.toThrow('store unavailable');
    // chunks 1-3 were in flight when chunk 2 failed; chunk 4 started when chunk 1 finished; nothing after
    expect(seen.chunks.length).toBeLessThanOrEqual(4);
    expect(seen.atOnce).toBe(0);
  });
});
