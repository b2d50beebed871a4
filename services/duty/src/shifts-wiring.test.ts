import { z } from '@gov/platform';
import { defaultHandoverPolicy } from './domain/handover';
import { shiftConfigShape, shiftSettingsFrom } from './shifts-wiring';

const parse = (env: Record<string, string>) => shiftSettingsFrom(z.object(shiftConfigShape).parse(env));

describe('shiftSettingsFrom', () => {
  it('defaults the arrival lead to the seed 10 minutes (spec duty §5 HO-1)', () => {
    expect(parse({})).toEqual({ handover: defaultHandoverPolicy, sweepIntervalMs: 15_000 });
    expect(defaultHandoverPolicy.earlyArrivalMin).toBe(10);
  });

  it('reads the [config] values from the environment and refuses nonsense', () => {
    expect(parse({ HANDOVER_EARLY_ARRIVAL_MIN: '15', HANDOVER_SWEEP_INTERVAL_MS: '1000' })).toEqual({
      handover: { earlyArrivalMin: 15 },
      sweepIntervalMs: 1000,
    });
    expect(() => parse({ HANDOVER_EARLY_ARRIVAL_MIN: 'ten' })).toThrow();
  });
});
