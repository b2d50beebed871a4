import { readConfig } from './config';

const base = { MONGO_URL: 'mongodb://127.0.0.1:27027', KAFKA_BROKERS: '127.0.0.1:19092' };

describe(readConfig.name, () => {
  it('defaults every rule value to the spec (spec credit §8, §11, §13)', () => {
    const c = readConfig(base);
    expect(c.lending).toMatchObject({
      maxTermMonths: 36,
      benchmarkBp: 475,
      riskFundBalanceFen: 1_000_000_000,
      fundLeverage: 10,
    });
    expect(c.AAA_PLUS_INCLUDES_100).toBe(false);
  });
  it('imports on an insert-only pool of 4 with 3 chunks in flight unless told otherwise', () => {
    expect(readConfig(base)).toMatchObject({ IMPORT_POOL_SIZE: 4, IMPORT_CHUNKS_IN_FLIGHT: 3 });
    expect(readConfig({ ...base, IMPORT_POOL_SIZE: '0', IMPORT_CHUNKS_IN_FLIGHT: '1' })).toMatchObject({
      IMPORT_POOL_SIZE: 0,
      IMPORT_CHUNKS_IN_FLIGHT: 1,
    });
    expect(() => readConfig({ ...base, IMPORT_CHUNKS_IN_FLIGHT: '0' })).toThrow();
  });
  it('refuses the development PII key in production', () => {
    expect(() => readConfig({ ...base, NODE_ENV: 'production' })).toThrow(/PII_KEY/);
    expect(
      readConfig({ ...base, NODE_ENV: 'production', PII_KEY: Buffer.alloc(32, 1).toString('base64') }).NODE_ENV,
    ).toBe('production');
  });
  it('refuses loss shares that do not add up to the whole (spec credit §13.2)', () => {
    expect(() => readConfig({ ...base, LOSS_SHARE_GOV_BP: '3100' })).toThrow(/10000 bp/);
  });
});
