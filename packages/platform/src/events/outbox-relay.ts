import { context, ROOT_CONTEXT } from '@opentelemetry/api';
import type { Model } from 'mongoose';
import type { Logger, Metrics } from '../observability';
import type { EventPublisher } from './event-publisher';
import { bytesOf, type OutboxEntry } from './outbox';

interface Handoff {
  model: Model<never>;
  id: string;
  version: number;
  entries: OutboxEntry[];
}

interface PendingDoc {
  _id: string;
  version: number;
  outbox: OutboxEntry[];
}

/**
 * Moves events from aggregate outboxes to Kafka. It is nudged right after each write (low latency) and
 * also polls (recovery after a crash or a broker outage). Delivery is at-least-once: entries are removed
 * only after Kafka acknowledged them, so a crash in between re-publishes with the same ce_id.
 *
 * Removal rewrites the outbox conditioned on the version read, because the Mongo-wire server ignores
 * `$pull` with a condition; a writer that got in between bumped the version, so the next pass retries.
 */
export function createOutboxRelay(opts: {
  models: Model<never>[];
  publisher: EventPublisher;
  logger: Logger;
  metrics: Metrics;
  pollMs: number;
  /** Longest pause between polls while they keep finding nothing (default 64 s). */
  idlePollMs?: number;
  batchSize?: number;
}) {
  const log = opts.logger.child({ component: 'outbox-relay' });
  // documents per pass; an import chunk may carry a thousand events, so keep a pass bounded in memory
  const batchSize = opts.batchSize ?? 100;
  const idlePollMs = opts.idlePollMs ?? 64000;
  let running: Promise<number> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  let stopped = true;
  let failures = 0;
  /** Consecutive passes that found nothing; the poll slows down while the handoff carries the traffic. */
  let idlePasses = 0;
  /** Entries handed over right after their write, waiting to be sent without a read-back. */
  let handed: Handoff[] = [];
  let handing: Promise<void> | undefined;
  /** Aggregates whose entries a handoff is sending now (with how many handoffs): the poller leaves them alone. */
  const inFlight = new Map<string, number>();
  const release = (key: string) => {
    const n = (inFlight.get(key) ?? 1) - 1;
    if (n > 0) inFlight.set(key, n);
    else inFlight.delete(key);
  };
  /** Per running pass, the aggregates in flight when it began or handed over since: it leaves them alone. */
  const passes = new Set<Set<string>>();
  let lastPass: Promise<unknown> = Promise.resolve();
  const keyOf = (model: Model<never>, id: string) => `${model.modelName}:${id}`;

  /**
   * Everything pending in one query, taken `batchSize` documents at a time. One query per batch would re-read the
   * whole backlog every time on the Mongo-wire server, which applies a limit only after fetching every match
   * (100 pending import chunks: 0.6 s per `limit(4)` query against 0.2 s with 4 pending, bench/credit).
   * A document in flight when the pass began, or handed over since, may come back as it was then (pending
   * although its handoff has sent and trimmed it): it is skipped, its handoff sends it.
   */
  async function drainModel(model: Model<never>, handedSince: Set<string>): Promise<number> {
    const cursor = model
      .find({ outboxPending: true } as never)
      .select({ _id: 1, version: 1, outbox: 1 })
      .lean()
      .cursor({ batchSize });
    const docs = (cursor as AsyncIterable<PendingDoc>)[Symbol.asyncIterator]();
    const nextGroup = async (): Promise<PendingDoc[]> => {
      const group: PendingDoc[] = [];
      while (group.length < batchSize) {
        const r = await docs.next();
        if (r.done) break;
        const key = keyOf(model, r.value._id);
        if (!inFlight.has(key) && !handedSince.has(key)) group.push(r.value);
      }
      return group;
    };
    let total = 0;
    let trim: Promise<void> = Promise.resolve();
    try {
      let group = await nextGroup();
      while (group.length > 0) {
        // three things at once: this group goes to Kafka while the next is read and the previous trimmed
        const ahead = stopped ? Promise.resolve([]) : nextGroup();
        ahead.catch(() => undefined);
        const sent = group;
        total += await publishPending(sent);
        // one trim outstanding at most: the trims keep their order and a pass never runs far ahead of them
        await trim;
        trim = trimPending(model, sent);
        group = await ahead;
      }
    } finally {
      // the pass ends with every outbox it sent trimmed, so the next query cannot see them pending again
      await trim.finally(() => cursor.close());
    }
    return total;
  }

  async function publishPending(docs: PendingDoc[]): Promise<number> {
    const entries = docs.flatMap((d) => d.outbox.map((e) => ({ ...e, payload: bytesOf(e.payload) })));
    opts.metrics.outboxBacklog.set(entries.length);
    await opts.publisher.publish(entries);
    for (const e of entries) opts.metrics.eventsPublished.inc({ topic: e.topic });
    return entries.length;
  }

  async function trimPending(model: Model<never>, docs: PendingDoc[]): Promise<void> {
    await Promise.all(
      docs.map(async (d) => {
        const sent = new Set(d.outbox.map((e) => e._id));
        const res = await model.updateOne(
          { _id: d._id, version: d.version } as never,
          {
            $set: { outbox: [], outboxPending: false },
          } as never,
        );
        if (res.matchedCount === 0) await removeAfterRace(model, d._id, sent);
      }),
    );
  }

  /** The aggregate changed meanwhile: keep whatever was added since, drop only what was sent. */
  async function removeAfterRace(model: Model<never>, id: string, sent: Set<string>): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const cur = (await model.findById(id).select({ version: 1, outbox: 1 }).lean()) as unknown as PendingDoc | null;
      if (!cur) return;
      const rest = cur.outbox.filter((e) => !sent.has(e._id));
      const res = await model.updateOne(
        { _id: id, version: cur.version } as never,
        {
          $set: { outbox: rest, outboxPending: rest.length > 0 },
        } as never,
      );
      if (res.matchedCount === 1) return;
    }
    // leaving them is safe: they are published again and consumers drop the duplicates by ce_id
    log.warn({ id }, 'could not trim outbox after repeated races; entries will be re-sent');
  }

  /** One pass at a time (a drain() and a timer may ask together): a pass must not re-send what another trimmed. */
  function runOnce(): Promise<number> {
    const pass = lastPass.then(async () => {
      // in flight now, or handed over during the pass: the pass's query may hold them as they were before
      const handedSince = new Set(inFlight.keys());
      passes.add(handedSince);
      try {
        return await passOver(handedSince);
      } finally {
        passes.delete(handedSince);
      }
    });
    lastPass = pass.catch(() => undefined);
    return pass;
  }

  async function passOver(handedSince: Set<string>): Promise<number> {
    let total = 0;
    for (const model of opts.models) {
      let n: number;
      do {
        n = await drainModel(model, handedSince);
        total += n;
      } while (n > 0 && !stopped);
    }
    opts.metrics.outboxBacklog.set(0);
    return total;
  }

  function kick(): void {
    if (running) {
      again = true;
      return;
    }
    // a pass serves many writers: it runs outside the caller's trace; each send joins its own event's trace
    running = context
      .with(ROOT_CONTEXT, runOnce)
      .then((n) => {
        failures = 0;
        if (n === 0) idlePasses++;
        else if (idlePasses > 0) reschedule(opts.pollMs); // work again: look again soon, not after the idle pause
        return n;
      })
      .catch((err: unknown) => {
        failures++;
        // the broker or the store is unavailable: the poll retries with a growing pause
        log.warn({ err, failures }, 'outbox relay pass failed');
        return 0;
      })
      .finally(() => {
        running = undefined;
        if (again && !stopped) {
          again = false;
          kick();
        }
      });
  }

  /** Trims the outboxes of a handed-over batch Kafka acknowledged; a failure leaves them to the poller. */
  async function trimHanded(batch: Handoff[]): Promise<void> {
    try {
      await Promise.all(
        batch.map(async (h) => {
          // conditioned on the version the writer left (a later write's entries must survive the trim) and on
          // the outbox holding only what was sent (an older entry whose own handoff failed must survive it too)
          const res = await h.model.updateOne(
            { _id: h.id, version: h.version, outbox: { $size: h.entries.length } } as never,
            {
              $set: { outbox: [], outboxPending: false },
            } as never,
          );
          if (res.matchedCount === 0) await removeAfterRace(h.model, h.id, new Set(h.entries.map((e) => e._id)));
        }),
      );
    } catch (err) {
      // sent but not trimmed: the poller sends them again and consumers drop the duplicates by ce_id
      log.warn(
        { err, aggregates: batch.length },
        'handed-over events sent but not trimmed; leaving them to the poller',
      );
      reschedule(opts.pollMs);
    } finally {
      for (const h of batch) release(keyOf(h.model, h.id));
    }
  }

  /**
   * Sends what writers handed over, then trims those outboxes; failures fall back to the poller. The trim of one
   * batch runs while the next batch goes to Kafka (one trim outstanding at most, so trims keep their order).
   */
  async function sendHanded(): Promise<void> {
    let trim: Promise<void> = Promise.resolve();
    // what is handed over while the last trim runs is sent by this same loop: nobody else starts one meanwhile
    do {
      await sendBatches();
      await trim;
    } while (handed.length > 0 && !stopped);

    async function sendBatches(): Promise<void> {
      while (handed.length > 0 && !stopped) {
        const batch = handed;
        handed = [];
        try {
          await opts.publisher.publish(batch.flatMap((h) => h.entries));
        } catch (err) {
          // the entries are still in their outboxes: the poller publishes them once the broker is back
          log.warn({ err, aggregates: batch.length }, 'handed-over events not sent; leaving them to the poller');
          reschedule(opts.pollMs);
          for (const h of batch) release(keyOf(h.model, h.id));
          continue;
        }
        for (const h of batch) for (const e of h.entries) opts.metrics.eventsPublished.inc({ topic: e.topic });
        await trim;
        trim = trimHanded(batch);
      }
    }
  }

  /** Runs sendHanded; anything handed over in the instant it was finishing gets a run of its own. */
  function startHanding(): Promise<void> {
    return context.with(ROOT_CONTEXT, sendHanded).finally(() => {
      handing = handed.length > 0 && !stopped ? startHanding() : undefined;
    });
  }

  /**
   * The poll is the recovery path. On the Mongo-wire server its query scans the whole collection (no filter
   * pushdown: ~0.7 s over 10,000 documents), so while passes find nothing it slows down to `idlePollMs`; a
   * pass that finds work, or a failed handoff, brings it back to `pollMs`. Failures back off to 30 s.
   */
  function nextDelay(): number {
    if (failures > 0) return Math.min(opts.pollMs * 2 ** Math.min(failures, 5), 30000);
    return Math.min(opts.pollMs * 2 ** Math.min(idlePasses, 10), idlePollMs);
  }

  function schedule(delay = nextDelay()): void {
    if (stopped) return;
    timer = setTimeout(() => {
      kick();
      schedule();
    }, delay);
    timer.unref();
  }

  function reschedule(delay: number): void {
    idlePasses = 0;
    if (timer) clearTimeout(timer);
    schedule(delay);
  }

  return {
    start(): void {
      stopped = false;
      kick();
      schedule();
    },
    /** Called by repositories right after a write that added events: a poll pass soon. */
    nudge(): void {
      if (!stopped) kick();
    },
    /**
     * Called by repositories right after a write that added `entries` and left the aggregate at `version`:
     * the entries are sent from memory, with no read-back, and the outbox is trimmed after Kafka's ack.
     * The write itself is the durable record, so a crash in between only means the poller sends them again.
     */
    handoff(model: Model<never>, h: { id: string; version: number; entries: OutboxEntry[] }): void {
      if (stopped || h.entries.length === 0) return;
      inFlight.set(keyOf(model, h.id), (inFlight.get(keyOf(model, h.id)) ?? 0) + 1);
      for (const handedSince of passes) handedSince.add(keyOf(model, h.id));
      handed.push({ model, ...h });
      handing ??= startHanding();
    },
    /** One full pass, awaited; tests and shutdown use it. */
    async drain(): Promise<number> {
      if (handing) await handing;
      if (running) await running;
      return runOnce();
    },
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (handing) await handing;
      if (running) await running;
    },
  };
}
export type OutboxRelay = ReturnType<typeof createOutboxRelay>;
/** What a repository needs of the relay: hand over the entries it just wrote. */
export type OutboxHandoff = OutboxRelay['handoff'];
