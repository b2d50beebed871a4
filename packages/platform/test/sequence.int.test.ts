import type { Connection } from 'mongoose';
import { testEnv, testLogger } from '@gov/testkit';
import { connectMongo, createSequences, type Sequences } from '../src';

// Registers number their entries (收文号, ledger numbers) from named counters on the real store. A number taken
// for a write that then certainly did not happen is given back: the counter steps back when nobody took a later
// one, otherwise the number is recorded as voided with its reason, so a register never has an unexplained gap
// from a refused write.
const env = testEnv('sequences');
let conn: Connection;
let seq: Sequences;

beforeAll(async () => {
  conn = await connectMongo({ url: env.mongoUrl, dbName: env.dbName, nodeEnv: 'test', logger: testLogger() });
  seq = createSequences(conn);
}, 60000);

/** The numbers of a counter recorded as voided, as the `voided_numbers` collection holds them. */
const voided = async (counter: string) =>
  (await conn.collection('voided_numbers').find({ counter }).sort({ value: 1 }).toArray()).map((d) => ({
    value: d.value as number,
    reason: d.reason as string,
    at: d.at as Date,
  }));

afterAll(async () => {
  await conn?.dropDatabase();
  await conn?.close();
});

// (that concurrent callers never share a number is tested in aggregate-store.int.test.ts)
describe('named counters: giving a number back', () => {
  it('takes back the last number handed out: the next caller gets it, and nothing is recorded as voided', async () => {
    expect(await seq.next('c-back')).toBe(1);
    expect(await seq.next('c-back')).toBe(2);
    expect(await seq.release('c-back', 2, 'write refused')).toBe('returned');
    expect(await seq.next('c-back')).toBe(2);
    expect(await voided('c-back')).toEqual([]);
  });

  it('records a number as voided, once and with its reason, when a later one is already out', async () => {
    const at = new Date('2026-11-21T08:00:00Z');
    expect(await seq.next('c-void')).toBe(1);
    expect(await seq.next('c-void')).toBe(2);
    expect(await seq.release('c-void', 1, 'lost the race to another registrar', at)).toBe('voided');
    // a repeated release (a retry) neither steps the counter back nor records the number twice
    expect(await seq.release('c-void', 1, 'again', new Date())).toBe('voided');
    expect(await voided('c-void')).toEqual([{ value: 1, reason: 'lost the race to another registrar', at }]);
    expect(await seq.next('c-void')).toBe(3);
    // other counters' voided numbers are their own
    expect(await voided('c-back')).toEqual([]);
  });
});
