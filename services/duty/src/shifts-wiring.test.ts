import { z } from '@gov/platform';
import { defaultHandoverPolicy } from './domain/handover';
import { shiftConfigShape, shiftSettingsFrom } from './shifts-wiring';

const parse = (env: Record<string, string>) => shiftSettingsFrom(z.object(shiftConfigShape).parse(env));

describe('shiftSettingsFrom', () => {
  it('defaults the arrival lead to the seed 10 minutes (spec duty §5 HO-1)', () => {
    expect(parse({})).toEqual({ handover: defaultHandoverPolicy, sweepIntervalMs: 15_000 });
    expect(defaultHandoverPolicy.earlyArrivalMin).toBe(10);
    // spec duty §5: a late check-in is a discipline record, so by default any lateness is a LATE_CHECKIN candidate
    expect(defaultHandoverPolicy.lateCheckinToleranceMin).toBe(0);
  });

  it('reads the [config] values from the environment and refuses nonsense', () => {
    expect(
      parse({
        HANDOVER_EARLY_ARRIVAL_MIN: '15',
        HANDOVER_SWEEP_INTERVAL_MS: '1000',
        HANDOVER_LATE_CHECKIN_TOLERANCE_MIN: '5',
      }),
    ).toEqual({
      handover: { earlyArrivalMin: 15, lateCheckinToleranceMin: 5 },
      sweepIntervalMs: 1000,
    });
    expect(() => parse({ HANDOVER_EARLY_ARRIVAL_MIN: 'ten' })).toThrow();
    expect(() => parse({ HANDOVER_LATE_CHECKIN_TOLERANCE_MIN: '-1' })).toThrow();
  });
});
