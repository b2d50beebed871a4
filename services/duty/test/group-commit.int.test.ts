import { testEnv } from '@gov/testkit';
import mongoose, { type Connection } from 'mongoose';
import { createGroupCommit } from '../src/adapters/mongo/group-commit';

// group commit of the alert path's insert-only collections, on the real store, with its insert commands counted
const env = testEnv('duty-group-commit');
let conn: Connection;
let inserts: number;

beforeAll(async () => {
  conn = await mongoose.createConnection(env.mongoUrl, { dbName: env.dbName, monitorCommands: true }).asPromise();
  conn.getClient().on('commandStarted', (e) => {
    if (e.commandName === 'insert') inserts++;
  });
});
afterAll(async () => {
  await conn?.dropDatabase();
  await conn?.close();
});
beforeEach(() => (inserts = 0));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

it('writes a lone document at once, and tells a new document from one that existed', async () => {
  const insert = createGroupCommit(conn, 'gc_now');
  expect(await insert([{ _id: 'a' }, { _id: 'b' }])).toEqual([true, true]);
  expect(await insert([{ _id: 'b' }, { _id: 'c' }])).toEqual([false, true]);
  expect(await conn.collection('gc_now').countDocuments()).toBe(3);
});

it('with a linger, documents arriving within it share one insert', async () => {
  const insert = createGroupCommit(conn, 'gc_linger', { lingerMs: 100 });
  const writes = [insert([{ _id: 'x1' }])];
  await sleep(20);
  writes.push(insert([{ _id: 'x2' }]));
  await sleep(20);
  writes.push(insert([{ _id: 'x3' }, { _id: 'x1' }]));
  expect(await conn.collection('gc_linger').countDocuments()).toBe(0); // still waiting
  expect(await Promise.all(writes)).toEqual([[true], [true], [true, false]]);
  expect(inserts).toBe(1);
  expect(await conn.collection('gc_linger').countDocuments()).toBe(3);
});

it('with a linger, a full batch leaves without waiting for it', async () => {
  const insert = createGroupCommit(conn, 'gc_full', { lingerMs: 60_000, maxBatch: 3 });
  const started = Date.now();
  expect(await insert([{ _id: 1 }, { _id: 2 }, { _id: 3 }])).toEqual([true, true, true]);
  expect(Date.now() - started).toBeLessThan(30_000);
  expect(inserts).toBe(1);
});
