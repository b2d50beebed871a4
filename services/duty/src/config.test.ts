import { readConfig } from './config';

const target = (o: Record<string, unknown> = {}) => ({
  id: 'city',
  name: '市政府总值班室',
  level: 'FIRST_SUPERIOR',
  rules: [{ severities: ['I', 'II'], phoneLimitMin: 10, writtenLimitMin: 30 }],
  ...o,
});
const base = { MONGO_URL: 'mongodb://127.0.0.1:27017', KAFKA_BROKERS: '127.0.0.1:9092' };
const targets = (list: unknown[]) =>
  readConfig({ ...base, REPORT_TARGETS_JSON: JSON.stringify(list) }).reporting.targets;

describe('readConfig report targets', () => {
  it('reads each target’s mode, SELF when omitted (spec duty §9.6 PO-1 [inferred])', () => {
    expect(readConfig(base).reporting.targets.map((t) => t.mode)).toEqual(['SELF', 'SELF']);
    expect(targets([target(), target({ id: 'prov', mode: 'VIA_PARTY_OFFICE' })]).map((t) => t.mode)).toEqual([
      'SELF',
      'VIA_PARTY_OFFICE',
    ]);
  });

  it('refuses a mode the spec does not know (spec duty §9.6 PO-1)', () => {
    expect(() => targets([target({ mode: 'BY_FAX' })])).toThrow();
  });
});
