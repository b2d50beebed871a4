import { setTimeout as sleep } from 'node:timers/promises';
import type { Connection, Model } from 'mongoose';
import { testEnv, testLogger } from '@gov/testkit';
import {
  ConcurrencyError,
  connectMongo,
  createMetrics,
  createOutboxRelay,
  createSequences,
  ensureIndexes,
  insertAggregate,
  updateAggregate,
  type EventPublisher,
  type OutboxEntry,
} from '../src';
import { leftInOutboxes, widgetEvent, widgetModel, type Widget } from './fixtures/widgets';

// ARCHITECTURE §6: a state change and its events are ONE document write, conditioned on the version read.
// That holds only if the store applies each single-document update atomically, also under concurrency,
// which is what these tests check on the real store (FerretDB v1 does not, over several connections).
const env = testEnv('aggregate-store');
const logger = testLogger();
let conn: Connection;
let Widget: Model<Widget>;

/** Stands in for Kafka: this file is about the store, so the publisher only records what it was given. */
function recordingPublisher(): EventPublisher & { sent: Set<string> } {
  const sent = new Set<string>();
  return {
    sent,
    connect: async () => undefined,
    disconnect: async () => undefined,
    isConnected: () => true,
    publish: async (entries: readonly OutboxEntry[]) => {
      for (const e of entries) sent.add(e._id);
    },
  };
}

/** Appends one event to a widget, re-reading and retrying when someone else wrote in between. */
async function appendEvent(id: string, what: string): Promise<string> {
  for (;;) {
    const { version } = (await Widget.findById(id).select({ version: 1 }).lean())!;
    const event = widgetEvent(id, what);
    try {
      await updateAggregate(Widget, { id, expectedVersion: version, set: { title: what }, events: [event], audit: [] });
      return event._id;
    } catch (e) {
      if (!(e instanceof ConcurrencyError)) throw e;
    }
  }
}

beforeAll(async () => {
  conn = await connectMongo({ url: env.mongoUrl, dbName: env.dbName, nodeEnv: 'test', logger });
  Widget = widgetModel(conn);
  createSequences(conn);
  await ensureIndexes(conn);
}, 60000);

afterAll(async () => {
  await conn?.dropDatabase();
  await conn?.close();
});

describe('aggregate store under concurrency', () => {
  it('lets exactly one of several writers holding the same version win; the others get CONCURRENT_MODIFICATION', async () => {
    await insertAggregate(Widget, { _id: 'w-cas', title: 'w', outbox: [], audit: [] });
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        updateAggregate(Widget, {
          id: 'w-cas',
          expectedVersion: 1,
          set: { title: `t${i}` },
          events: [widgetEvent('w-cas', `e${i}`)],
          audit: [],
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const losers = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(losers.every((r) => (r.reason as ConcurrencyError).code === 'CONCURRENT_MODIFICATION')).toBe(true);
    const doc = (await Widget.findById('w-cas').lean())!;
    expect([doc.version, doc.outbox.length]).toEqual([2, 1]);
  });

  it('keeps every event when the relay trims an outbox while writers keep appending to it', async () => {
    await insertAggregate(Widget, { _id: 'w-race', title: 'w', outbox: [], audit: [] });
    const publisher = recordingPublisher();
    const relay = createOutboxRelay({
      models: [Widget as never],
      publisher,
      logger,
      metrics: createMetrics('store-test'),
      pollMs: 10,
    });
    relay.start();
    const appended: string[] = [];
    try {
      // three writers, each appending in turn, while the relay polls and trims every few milliseconds
      await Promise.all(
        [0, 1, 2].map(async (w) => {
          for (let i = 0; i < 20; i++) {
            appended.push(await appendEvent('w-race', `w${w}-${i}`));
            await sleep(1);
          }
        }),
      );
      await relay.drain();
    } finally {
      await relay.stop();
    }
    expect(appended.filter((id) => !publisher.sent.has(id))).toEqual([]);
    expect(await leftInOutboxes(Widget)).toEqual([]);
  });

  it('hands every concurrent caller of a sequence its own number, with no gaps', async () => {
    const sequences = createSequences(conn);
    const numbers = await Promise.all(Array.from({ length: 60 }, () => sequences.next('receipt-2030')));
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
  });
});
