import { addDays, endOfShanghaiDay, isMonthEnd, lastMonthEndBefore, shanghaiDate } from './calendar';

describe('Asia/Shanghai calendar (spec credit §0.3)', () => {
  it('dates an instant in Shanghai: 16:00 UTC is already the next day', () => {
    expect(shanghaiDate(new Date('2026-11-30T15:59:59Z'))).toBe('2026-11-30');
    expect(shanghaiDate(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12-01');
  });
  it('ends a day at 23:59:59.999+08:00 (spec credit §20)', () => {
    expect(endOfShanghaiDay('2026-11-09').toISOString()).toBe('2026-11-09T15:59:59.999Z');
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
  });
  it('knows month ends, leap Februaries included, and refuses dates that do not exist', () => {
    expect(['2026-11-30', '2028-02-29', '2026-12-31'].map(isMonthEnd)).toEqual([true, true, true]);
    expect(['2026-11-29', '2027-02-28x', '2026-02-30', '2026-13-31'].map(isMonthEnd)).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(isMonthEnd('2027-02-28')).toBe(true);
  });
  it('takes the last month end that has passed in Shanghai, not in UTC', () => {
    expect(lastMonthEndBefore(new Date('2026-11-30T15:59:59Z'))).toBe('2026-10-31');
    expect(lastMonthEndBefore(new Date('2026-11-30T16:00:00Z'))).toBe('2026-11-30');
    expect(lastMonthEndBefore(new Date('2027-01-01T00:00:00Z'))).toBe('2026-12-31');
  });
});
