import type { Connection, Model } from 'mongoose';
import { testEnv, testLogger } from '@gov/testkit';
import {
  connectMongo,
  ensureIndexes,
  insertAggregate,
  nextAuditEntry,
  updateAggregate,
  verifyAuditChain,
  type Actor,
  type AuditEntry,
} from '../src';
import { widgetModel, type Widget } from './fixtures/widgets';

// ARCHITECTURE §6, audit: the hash chain is computed in memory and verified after reading the aggregate back,
// so it must survive what the store does to the entries: Dates, key order, empty objects, absent values.
const env = testEnv('audit-chain');
const logger = testLogger();
const actor: Actor = {
  userId: 'u-1',
  name: 'Registrar',
  orgUnitId: 'ou-1',
  roles: ['registrar'],
  clearance: 'INTERNAL',
};
let conn: Connection;
let Widget: Model<Widget>;

/** Writes a widget with a three-entry audit trail through the aggregate store, as a repository would. */
async function widgetWithHistory(id: string, details: Record<string, unknown>[]): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  const at = (n: number) => new Date(Date.UTC(2030, 4, 6, 8, n, 0, 123));
  entries.push(nextAuditEntry(undefined, { action: 'widget.created', actor, at: at(0), details: details[0] }));
  await insertAggregate(Widget, { _id: id, title: 'w', outbox: [], audit: [...entries] });
  for (const [i, d] of details.slice(1).entries()) {
    const entry = nextAuditEntry(entries.at(-1), {
      action: 'widget.changed',
      actor,
      reason: 'why',
      at: at(i + 1),
      details: d,
    });
    await updateAggregate(Widget, { id, expectedVersion: i + 1, set: { title: `w${i}` }, events: [], audit: [entry] });
    entries.push(entry);
  }
  return entries;
}

const readBack = async (id: string) => (await Widget.findById(id).lean())!.audit;

beforeAll(async () => {
  conn = await connectMongo({ url: env.mongoUrl, dbName: env.dbName, nodeEnv: 'test', logger });
  Widget = widgetModel(conn);
  await ensureIndexes(conn);
}, 60000);

afterAll(async () => {
  await conn?.dropDatabase();
  await conn?.close();
});

describe('audit chain stored in an aggregate', () => {
  it('still verifies after a Mongo round trip of its Dates, nested Dates and arrays', async () => {
    const written = await widgetWithHistory('w-dates', [
      { dueAt: new Date('2030-05-10T09:00:00.456Z') },
      { steps: [{ at: new Date('2030-05-07T00:00:00Z'), by: 'u-2' }], count: 3 },
      { note: '收文登记', ok: true },
    ]);
    const stored = await readBack('w-dates');
    expect(stored[0]?.at).toBeInstanceOf(Date);
    expect(stored.map((e) => e.hash)).toEqual(written.map((e) => e.hash));
    expect(verifyAuditChain(stored)).toEqual({ ok: true });
    // the same holds for a hydrated document, which is what a repository saving with .save() reads
    const hydrated = (await Widget.findById('w-dates'))!.toObject().audit;
    expect(verifyAuditChain(hydrated)).toEqual({ ok: true });
  });

  it('still verifies when entries have empty details or optional values left undefined', async () => {
    await widgetWithHistory('w-empty', [{}, { comment: undefined, to: 'ou-2' }, { nested: {} }]);
    expect(verifyAuditChain(await readBack('w-empty'))).toEqual({ ok: true });
  });

  it('shows an edit made directly in the database', async () => {
    await widgetWithHistory('w-edit', [{ amount: 100 }, { amount: 200 }, { amount: 300 }]);
    const audit = await readBack('w-edit');
    audit[1]!.details.amount = 20000;
    await Widget.updateOne({ _id: 'w-edit' }, { $set: { audit } });
    expect(verifyAuditChain(await readBack('w-edit'))).toMatchObject({ ok: false, brokenAt: 2 });
  });
});
