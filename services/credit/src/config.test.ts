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
  it('refuses the development PII key and partner keys in production', () => {
    const partner = JSON.stringify({ 'rcb-2027': Buffer.alloc(32, 2).toString('base64') });
    const own = { PII_KEY: Buffer.alloc(32, 1).toString('base64') };
    expect(() => readConfig({ ...base, NODE_ENV: 'production' })).toThrow(/PII_KEY/);
    expect(() => readConfig({ ...base, NODE_ENV: 'production', ...own })).toThrow(/PII_TOPIC_KEYS must be set/);
    expect(
      readConfig({
        ...base,
        NODE_ENV: 'production',
        ...own,
        PII_TOPIC_KEYS: partner,
        PII_TOPIC_ACTIVE_KEY_IDS: 'rcb-2027',
      }).NODE_ENV,
    ).toBe('production');
  });
  it('§19.1: seals for each active partner key, which must be a known 32-byte key', () => {
    const k = (n: number) => Buffer.alloc(32, n).toString('base64');
    const keys = JSON.stringify({ 'rcb-2027': k(2), 'picc-2027': k(3), 'rcb-2026': k(4) });
    expect(
      readConfig({ ...base, PII_TOPIC_KEYS: keys, PII_TOPIC_ACTIVE_KEY_IDS: 'rcb-2027, picc-2027' }).partnerPii,
    ).toEqual({
      keys: { 'rcb-2027': k(2), 'picc-2027': k(3), 'rcb-2026': k(4) },
      activeKeyIds: ['rcb-2027', 'picc-2027'],
    });
    expect(() => readConfig({ ...base, PII_TOPIC_KEYS: keys, PII_TOPIC_ACTIVE_KEY_IDS: 'abc-1' })).toThrow(
      /not in PII_TOPIC_KEYS: abc-1/,
    );
    expect(() => readConfig({ ...base, PII_TOPIC_KEYS: JSON.stringify({ short: k(2).slice(0, 20) }) })).toThrow(
      /key short is not 32 bytes/,
    );
    expect(() => readConfig({ ...base, PII_TOPIC_KEYS: 'rcb-2027=abc' })).toThrow(/JSON object/);
  });
  it('R15.4 [inferred]: collection tasks are due in 7 days (village group) and 15 days (station), configurable', () => {
    expect(readConfig(base).lending).toMatchObject({ overdueVillageTaskDays: 7, overdueStationTaskDays: 15 });
    expect(
      readConfig({ ...base, OVERDUE_VILLAGE_TASK_DAYS: '5', OVERDUE_STATION_TASK_DAYS: '10' }).lending,
    ).toMatchObject({ overdueVillageTaskDays: 5, overdueStationTaskDays: 10 });
    expect(() => readConfig({ ...base, OVERDUE_VILLAGE_TASK_DAYS: '0' })).toThrow();
  });
  it('§9.3 [inferred], §13.4: certificates last 3 years; the service jobs run on their own intervals', () => {
    expect(readConfig(base)).toMatchObject({
      lending: { certificateValidityYears: 3 },
      OVERDUE_TASK_SWEEP_MS: 300_000,
      NPL_SNAPSHOT_SWEEP_MS: 3_600_000,
      CERTIFICATE_EXPIRY_SWEEP_MS: 3_600_000,
    });
    expect(readConfig({ ...base, CERTIFICATE_VALIDITY_YEARS: '2' }).lending.certificateValidityYears).toBe(2);
  });
  it('R12.4, R16.2: subsidy SLA 30 days to the borrower, none for arrears; upgrades after 12 clean months', () => {
    expect(readConfig(base).lending).toMatchObject({
      subsidyExcludesArrears: true,
      subsidySlaDays: 30,
      subsidyPayee: 'BORROWER',
      upgradeCleanMonths: 12,
    });
    expect(
      readConfig({ ...base, SUBSIDY_PAYEE: 'BANK', SUBSIDY_EXCLUDE_ARREARS: 'false', SUBSIDY_SLA_DAYS: '15' }).lending,
    ).toMatchObject({ subsidyPayee: 'BANK', subsidyExcludesArrears: false, subsidySlaDays: 15 });
    expect(() => readConfig({ ...base, SUBSIDY_PAYEE: 'TREASURY' })).toThrow();
  });
  it('refuses loss shares that do not add up to the whole (spec credit §13.2)', () => {
    expect(() => readConfig({ ...base, LOSS_SHARE_GOV_BP: '3100' })).toThrow(/10000 bp/);
  });
});
