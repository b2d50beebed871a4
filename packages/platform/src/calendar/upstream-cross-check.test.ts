import { isWorkday } from 'chinese-days';
import upstreamPackage from 'chinese-days/package.json';
import { defaultCalendar } from './default-calendar';

/*
 * Our JSON is the runtime source of truth; chinese-days (a maintained transcription of the same State Council
 * notices) is only a second pair of eyes. The version is pinned on purpose: bumping it must come with a fresh
 * comparison and an update of `checkedAgainst` in data/*.json and of docs/adr/0002.
 */
const COMPARED_VERSION = '1.5.7';

function everyDayOf(years: readonly number[]): string[] {
  const keys: string[] = [];
  for (const year of years) {
    for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
      keys.push(new Date(t).toISOString().slice(0, 10));
    }
  }
  return keys;
}

describe('chinese-days cross-check', () => {
  it('runs against the upstream version recorded in the data files', () => {
    expect(upstreamPackage.version).toBe(COMPARED_VERSION);
  });

  it('agrees with upstream on every day of 2024, 2025 and 2026', () => {
    const disagreements = everyDayOf([2024, 2025, 2026]).filter(
      (key) => isWorkday(key) !== defaultCalendar.isWorkingDay(new Date(`${key}T12:00:00+08:00`)),
    );
    expect(disagreements).toEqual([]);
  });
});
