import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Connection } from 'mongoose';
import { testEnv, testLogger, waitFor } from '@gov/testkit';
import { connectMongo, createIdempotencyStore, ensureIndexes, type IdempotencyStore } from '../src';

// ARCHITECTURE §6, commands are idempotent: every mutating call carries a key and a retry gets the first result.
const env = testEnv('idempotency');
const logger = testLogger();
const scope = 'test.createWidget:user-1';
let conn: Connection;
let store: IdempotencyStore;

/** A command that makes its effect visible: each run returns the next widget number. */
function counterCommand() {
  let runs = 0;
  return { run: async () => ({ widgetNo: ++runs }), runs: () => runs };
}

beforeAll(async () => {
  conn = await connectMongo({ url: env.mongoUrl, dbName: env.dbName, nodeEnv: 'test', logger });
  store = createIdempotencyStore(conn);
  await ensureIndexes(conn);
}, 60000);

afterAll(async () => {
  await conn?.dropDatabase();
  await conn?.close();
});

describe(createIdempotencyStore.name, () => {
  it('returns the first result to a retry with the same key and request, without running the command again', async () => {
    const key = randomUUID();
    const cmd = counterCommand();
    const first = await store.run(scope, key, { title: 'a' }, cmd.run);
    const retry = await store.run(scope, key, { title: 'a' }, cmd.run);
    expect(retry).toEqual(first);
    expect(cmd.runs()).toBe(1);
  });

  it('refuses the same key with a different request (IDEMPOTENCY_KEY_REUSED) and keeps the first result', async () => {
    const key = randomUUID();
    const cmd = counterCommand();
    const first = await store.run(scope, key, { title: 'a' }, cmd.run);
    await expect(store.run(scope, key, { title: 'b' }, cmd.run)).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
    expect(await store.run(scope, key, { title: 'a' }, cmd.run)).toEqual(first);
    expect(cmd.runs()).toBe(1);
  });

  it('treats the same key under another scope (another caller or command) as a different call', async () => {
    const key = randomUUID();
    const cmd = counterCommand();
    await store.run(scope, key, { title: 'a' }, cmd.run);
    expect(await store.run('test.createWidget:user-2', key, { title: 'a' }, cmd.run)).toEqual({ widgetNo: 2 });
  });

  it('frees the key when the command fails, so a corrected retry with the same key runs', async () => {
    const key = randomUUID();
    await expect(
      store.run(scope, key, { title: 'a' }, async () => {
        throw new Error('refused by a rule');
      }),
    ).rejects.toThrow('refused by a rule');
    const cmd = counterCommand();
    expect(await store.run(scope, key, { title: 'a' }, cmd.run)).toEqual({ widgetNo: 1 });
  });

  it('refuses a retry while the first call is still running (IDEMPOTENCY_KEY_IN_PROGRESS)', async () => {
    const key = randomUUID();
    let finish: (v: { widgetNo: number }) => void = () => undefined;
    const first = store.run(scope, key, { title: 'a' }, () => new Promise((resolve) => (finish = resolve)));
    await waitFor(() => conn.collection('idempotency_keys').findOne({ _id: `${scope}:${key}` as never }));
    await expect(store.run(scope, key, { title: 'a' }, counterCommand().run)).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_IN_PROGRESS',
    });
    finish({ widgetNo: 7 });
    await first;
    expect(await store.run(scope, key, { title: 'a' }, counterCommand().run)).toEqual({ widgetNo: 7 });
  });

  it('lets a retry take over a call that died half-way once it is stale, even if the client kept retrying meanwhile', async () => {
    const staleMs = 400;
    const impatient = createIdempotencyStore(conn, { staleMs });
    const key = randomUUID();
    // the first call never finishes: its process died with the key still pending
    void impatient.run(scope, key, { title: 'a' }, () => new Promise<never>(() => undefined));
    await waitFor(() => conn.collection('idempotency_keys').findOne({ _id: `${scope}:${key}` as never }));

    const started = Date.now();
    const outcomes: string[] = [];
    for (;;) {
      const outcome = await impatient
        .run(scope, key, { title: 'a' }, async () => 'taken over')
        .catch((e: { code?: string }) => e.code ?? 'error');
      outcomes.push(outcome);
      if (outcome !== 'IDEMPOTENCY_KEY_IN_PROGRESS' || Date.now() - started > 5 * staleMs) break;
      await sleep(staleMs / 4);
    }
    // retries inside the stale window are refused; a retry after it runs the command
    expect(outcomes[0]).toBe('IDEMPOTENCY_KEY_IN_PROGRESS');
    expect(outcomes.at(-1)).toBe('taken over');
  });
});
