// Look-ups by _id on the local mongo-wire store (docs/adr/0005): 5,000 documents of ~4 KB, then 300 findOne({_id})
// and 300 version-checked updateOne({_id, version}). On an unpatched FerretDB (PostgreSQL backend) both scan
// the whole table; with our patch both use the _id index. Usage:
//   node bench/store/id-lookup.mts [mongodb-url]   (default: the local store, MONGO_URL or 127.0.0.1:27027)
import { MongoClient } from 'mongodb';

const url = process.argv[2] ?? process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27027/';
const client = await MongoClient.connect(url);
const db = client.db(`bench_id_lookup_${process.pid}`);
const docs = db.collection<{ _id: string; version: number; body: string; touched?: number }>('docs');
try {
  const body = 'x'.repeat(4000);
  await docs.insertMany(Array.from({ length: 5000 }, (_, i) => ({ _id: `d-${i}`, version: 1, body: body + i })));
  const ids = Array.from({ length: 300 }, (_, i) => `d-${(i * 37) % 5000}`);
  let t = performance.now();
  for (const _id of ids) await docs.findOne({ _id });
  const find = (performance.now() - t) / ids.length;
  t = performance.now();
  for (const [i, _id] of ids.entries()) await docs.updateOne({ _id, version: 1 }, { $set: { touched: i } });
  const update = (performance.now() - t) / ids.length;
  const hit = await docs.findOne({ _id: 'd-7', version: 1 });
  const miss = await docs.findOne({ _id: 'd-7', version: 2 });
  if (!hit || miss) throw new Error('a look-up by _id and version returned the wrong document');
  process.stdout.write(
    `${JSON.stringify({ url, find_by_id_ms: +find.toFixed(2), versioned_update_ms: +update.toFixed(2) })}\n`,
  );
} finally {
  await db.dropDatabase();
  await client.close();
}
