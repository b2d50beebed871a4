import type { Connection } from 'mongoose';

type Pending = { doc: object; resolve: (created: boolean) => void; reject: (e: unknown) => void };

/**
 * Group commit for insert-only collections: documents inserted while earlier batches are still in flight
 * go out together in one unordered insertMany. On FerretDB/SQLite each command is a transaction of its own,
 * so at 100 intakes a second this turns hundreds of commits into a few dozen; alone, a document leaves at
 * once (no timer, no added wait). Resolves per document: true when created, false when its _id existed.
 */
export function createGroupCommit(
  conn: Connection,
  collection: string,
  opts: {
    maxInFlight?: number;
    maxBatch?: number;
    /**
     * How long a document may wait for others to share its write, in ms (0: none, it leaves at once). For
     * writes nobody waits on at once — the ledger's record of alerts already sent — a few ms turn one insert per
     * intake into one per several, and each insert costs the alert process a wake-up of the store.
     */
    lingerMs?: number;
  } = {},
) {
  const maxInFlight = opts.maxInFlight ?? 2;
  const maxBatch = opts.maxBatch ?? 500;
  const lingerMs = opts.lingerMs ?? 0;
  const queue: Pending[] = [];
  let inFlight = 0;
  let lingering: NodeJS.Timeout | undefined;

  function pump(): void {
    if (lingerMs > 0 && queue.length > 0 && queue.length < maxBatch) {
      // the first document of a batch starts the wait; the timer's end sends whatever has gathered
      lingering ??= setTimeout(() => {
        lingering = undefined;
        send();
      }, lingerMs);
      return;
    }
    send();
  }

  function send(): void {
    while (inFlight < maxInFlight && queue.length > 0) {
      const batch = queue.splice(0, maxBatch);
      inFlight++;
      insertIgnoringDuplicates(
        conn,
        collection,
        batch.map((b) => b.doc),
      )
        .then(
          (created) => batch.forEach((b, i) => b.resolve(created[i] ?? false)),
          (e: unknown) => batch.forEach((b) => b.reject(e)),
        )
        .finally(() => {
          inFlight--;
          // what queued while this batch was out has waited already
          send();
        });
    }
  }

  return function insert(docs: object[]): Promise<boolean[]> {
    const out = docs.map((doc) => new Promise<boolean>((resolve, reject) => queue.push({ doc, resolve, reject })));
    pump();
    return Promise.all(out);
  };
}

/** Inserts ignoring documents whose _id exists already; any other failure is thrown. */
export async function insertIgnoringDuplicates(
  conn: Connection,
  collection: string,
  docs: object[],
): Promise<boolean[]> {
  if (docs.length === 0) return [];
  try {
    await conn.collection(collection).insertMany(docs as never[], { ordered: false });
    return docs.map(() => true);
  } catch (e) {
    const raw = (e as { writeErrors?: unknown }).writeErrors;
    if (!raw) throw e;
    const list = (Array.isArray(raw) ? raw : [raw]) as {
      index?: number;
      code?: number;
      err?: { index?: number; code?: number };
    }[];
    const dup = new Set<number>();
    for (const w of list) {
      if ((w.code ?? w.err?.code) !== 11000) throw e;
      dup.add(w.index ?? w.err?.index ?? -1);
    }
    return docs.map((_, i) => !dup.has(i));
  }
}
