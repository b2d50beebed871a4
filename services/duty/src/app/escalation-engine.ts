import { alertText } from '../domain/alert-message';
import { onAckTimeout, type DutyDirectory } from '../domain/escalation-ladder';
import type { EscalationPolicy } from '../domain/escalation-policy';
import { isMajor, type EscalationTimer, type Incident } from '../domain/incident';
import type { Clock } from '../domain/clock';
import type { AlertStore, DeliveryLedger, EscalationProbe, Notifier, ReplicaLeases } from './ports';
import { TimerHeap } from './timer-heap';

export interface EngineDeps {
  store: AlertStore;
  ledger: DeliveryLedger;
  leases: ReplicaLeases;
  notifier: Notifier;
  directory: (at: Date) => DutyDirectory;
  clock: Clock;
  policy: EscalationPolicy;
  probe: EscalationProbe;
  /** This replica's id; stable across restarts of the same replica (pod name). */
  owner: string;
  leaseMs: number;
  /** Told which lapsed replicas this one just adopted (the report clocks load their incidents too). */
  onAdopt?: (owners: string[]) => void;
  /** How long a hand-over note whose round has no timers in the store yet is kept (default 30 s). */
  handoffGraceMs?: number;
}

/**
 * What the engine escalates: an incident's own chain (`id` = the incident id), or the round an RC-1 upgrade opened
 * (`id` = the round id, see upgradeRoundId), which has its own timers and its own acknowledgement. Alerts of
 * both carry the incident's id, so message ids and ledger keys are the incident's either way.
 */
type Tracked = { id: string; incident: Incident; owner: string; timers: Record<string, EscalationTimer> };

/**
 * The in-process escalation scheduler (ARCHITECTURE §7, spec duty §9.11 NF-2/NF-3). Timers are durable
 * (the incident's first timers, later ones as their own documents) and held here in a min-heap with one
 * Node timer armed for the earliest. A timer acts once: its notifications are claimed in the delivery
 * ledger by unique key before sending, and it is marked done by a unique insert. Incidents and timers
 * live in memory, so firing reads the store only to see an acknowledgement made on another replica.
 */
export function createEscalationEngine(d: EngineDeps) {
  const handoffGraceMs = d.handoffGraceMs ?? 30_000;
  const heap = new TimerHeap();
  const tracked = new Map<string, Tracked>();
  const cancelled = new Set<string>();
  /** SMS delivery receipts received on this replica and not yet consumed by a receipt check. */
  const deliveredHere = new Set<string>();
  /** Incidents whose first alerts this replica sent before their insert (bounded, oldest dropped first). */
  const recentlyDispatched = new Set<string>();
  const lanes = new Map<string, Promise<void>>();
  /** Upgrade rounds being loaded (see adoptRound). */
  const adopting = new Map<string, Promise<boolean>>();
  /** Owners whose incidents this replica serves (itself, plus lapsed replicas it adopted), with their epoch. */
  let served = new Map<string, number>();
  let leaseValidUntil = 0;
  let armed: { at: number; handle: NodeJS.Timeout } | undefined;
  let stopped = false;
  let renewHandle: NodeJS.Timeout | undefined;
  let ackHandle: NodeJS.Timeout | undefined;
  /** Acknowledgements since this instant are known from the poll; older incidents still read the store. */
  let ackWindowStart = Number.POSITIVE_INFINITY;
  let ackSeenUntil = new Date(0);

  async function pollAcks(): Promise<void> {
    const from = new Date(ackSeenUntil.getTime() - 2000); // overlap: clocks of replicas differ a little
    const polledAt = d.clock.now();
    // an upgrade round's acknowledgement is stored under the round id, so it stops that round alone
    for (const a of await d.store.acknowledgedSince(from)) if (tracked.has(a.incidentId)) forget(a.incidentId);
    ackSeenUntil = polledAt;
  }

  const leaseUntil = () => new Date(d.clock.now().getTime() + d.leaseMs);

  function arm(): void {
    const next = heap.peek();
    if (!next || stopped) return;
    if (armed && armed.at <= next.at) return;
    if (armed) clearTimeout(armed.handle);
    armed = { at: next.at, handle: setTimeout(tick, Math.max(0, next.at - Date.now())) };
  }

  function tick(): void {
    armed = undefined;
    const now = Date.now();
    while (heap.size && heap.peek()!.at <= now) {
      const e = heap.pop()!;
      enqueue(e.incidentId, () => fireStored(e.incidentId, e.key));
    }
    arm();
  }

  /** One incident's timers run one after another, so its follow-ups never race each other. */
  function enqueue(incidentId: string, job: () => Promise<void>): void {
    const prev = lanes.get(incidentId) ?? Promise.resolve();
    const run = prev
      .then(job)
      .catch((err: unknown) => d.probe.failed(err, { incidentId }))
      .finally(() => {
        if (lanes.get(incidentId) === run) lanes.delete(incidentId);
      });
    lanes.set(incidentId, run);
  }

  function schedule(t: Tracked, timers: Record<string, EscalationTimer>): void {
    Object.assign(t.timers, timers);
    for (const [key, timer] of Object.entries(timers)) heap.push({ at: timer.dueAt.getTime(), incidentId: t.id, key });
    arm();
  }

  const mayAct = (t: Tracked) =>
    !stopped && served.has(t.owner) && d.clock.now().getTime() < leaseValidUntil && !cancelled.has(t.id);

  async function fireStored(incidentId: string, key: string): Promise<void> {
    const t = tracked.get(incidentId);
    if (!t || !t.timers[key] || !mayAct(t)) return;
    // acknowledgements made on other replicas arrive through the ack poll (≤ ackPollMs); the store is read
    // here only for an incident tracked before the poll's window began
    if (t.incident.receivedAt.getTime() < ackWindowStart && (await d.store.acknowledgement(incidentId)))
      return forget(incidentId);
    // a void stops an upgrade round too (its own acknowledgement is checked above, by the round id)
    if (t.id !== t.incident.id && (await d.store.acknowledgement(t.incident.id))?.voided) return forget(incidentId);
    await fire(t, [key]);
  }

  async function fire(t: Tracked, keys: string[]): Promise<void> {
    const notifyKeys = keys.filter((k) => t.timers[k]?.kind === 'NOTIFY');
    if (notifyKeys.length) await notify(t, notifyKeys);
    for (const k of keys) {
      const timer = t.timers[k];
      if (timer?.kind === 'ACK_TIMEOUT' && mayAct(t)) await ackTimeout(t, k, timer);
      if (timer?.kind === 'RECEIPT_CHECK' && mayAct(t)) await receiptCheck(t, k, timer);
    }
  }

  /**
   * Due notifications of one incident, every send in parallel. A follow-up is claimed in the delivery ledger
   * BEFORE it is sent, since after a takeover two replicas may hold it. The first alerts of a new incident
   * are already claimed by the incident's own insert (only the replica that wrote it holds them), so they go
   * out first and are entered in the ledger right after: the store is not on the way to the first delivery.
   */
  async function notify(t: Tracked, keys: string[], claimFirst = true): Promise<void> {
    const now = d.clock.now();
    const timers = keys.map((k) => t.timers[k] as Extract<EscalationTimer, { kind: 'NOTIFY' }>);
    if (claimFirst) await claim(t, timers, now, false);
    // A timer still pending here was never marked done, so even when its key was claimed before, that
    // attempt may have died before sending: it goes out again under the same message id, which the provider
    // drops if the first did arrive. Never lost beats never twice for an emergency.
    const sentAt = await send(t.incident, timers);
    // a ledger entry written after sending is the timer's done mark too: one write instead of two
    if (claimFirst) await d.store.completeTimers(t.id, keys, t.owner, sentAt);
    else await claim(t, timers, now, true);
    for (const k of keys) delete t.timers[k];
  }

  const claim = (t: Tracked, timers: Extract<EscalationTimer, { kind: 'NOTIFY' }>[], at: Date, sent: boolean) =>
    d.ledger.claim(
      timers.map((x) => ({ incidentId: t.incident.id, step: x.step, recipientId: x.recipientId, attempt: x.attempt })),
      { owner: t.owner, at, channels: timers.map((x) => x.channels), sent },
    );

  /** Sends the alerts of some NOTIFY timers on every channel in parallel; returns when all went out. */
  async function send(incident: Incident, timers: Extract<EscalationTimer, { kind: 'NOTIFY' }>[]): Promise<Date> {
    const text = alertText(incident);
    const directory = d.directory(d.clock.now());
    await Promise.all(
      timers.flatMap((x) => {
        const to = directory.contact(x.recipientId) ?? {
          personId: x.recipientId,
          name: x.recipientId,
          phone: '',
          away: false,
        };
        const base = `${incident.id}|${x.step}|${x.recipientId}|${x.attempt}`;
        return x.channels.map((channel) =>
          d.notifier.send({
            messageId: `${base}|${channel}`,
            incidentId: incident.id,
            channel,
            to,
            text,
            dueAt: x.dueAt,
          }),
        );
      }),
    );
    const sentAt = d.clock.now();
    for (const x of timers) d.probe.fired('NOTIFY', sentAt.getTime() - x.dueAt.getTime());
    return sentAt;
  }

  const dueNotifications = (incident: Incident, nowMs: number) =>
    Object.entries(incident.timers).filter(
      (e): e is [string, Extract<EscalationTimer, { kind: 'NOTIFY' }>] =>
        e[1].kind === 'NOTIFY' && e[1].dueAt.getTime() <= nowMs,
    );

  /**
   * AK-2 / NF-7: the SMS to this person has no delivery receipt by now → the same alert by automated voice, once
   * (a ledger key of its own, step FALLBACK). A receipt received on this replica is known from memory.
   */
  async function receiptCheck(t: Tracked, key: string, timer: Extract<EscalationTimer, { kind: 'RECEIPT_CHECK' }>) {
    const messageId = `${t.incident.id}|${timer.step}|${timer.recipientId}|${timer.attempt}|SMS`;
    const ok = deliveredHere.has(messageId) || (await d.store.delivered(messageId));
    if (!ok) {
      const fallbackKey = `n-FALLBACK-${timer.recipientId}-${timer.attempt}`;
      t.timers[fallbackKey] = {
        kind: 'NOTIFY',
        recipientId: timer.recipientId,
        step: 'FALLBACK',
        attempt: timer.attempt,
        channels: ['VOICE'],
        dueAt: timer.dueAt,
      };
      await notify(t, [fallbackKey]);
    }
    await d.store.completeTimers(t.id, [key], t.owner, d.clock.now());
    delete t.timers[key];
    deliveredHere.delete(messageId);
  }

  async function ackTimeout(t: Tracked, key: string, timer: Extract<EscalationTimer, { kind: 'ACK_TIMEOUT' }>) {
    const now = d.clock.now();
    const major = isMajor(t.incident.severity, t.incident.possiblyMajor);
    const next = onAckTimeout(timer, major, d.directory(now), now, d.policy);
    // follow-ups and this timer's done mark in one write; only the caller that made the mark goes on
    const first = await d.store.advance(t.id, t.owner, key, next.timers, now);
    d.probe.fired('ACK_TIMEOUT', now.getTime() - timer.dueAt.getTime());
    delete t.timers[key];
    if (!first) return;
    const due = Object.keys(next.timers).filter((k) => next.timers[k]!.dueAt.getTime() <= now.getTime());
    const later = Object.fromEntries(Object.entries(next.timers).filter(([k]) => !due.includes(k)));
    Object.assign(t.timers, next.timers);
    // the done mark above is this step's claim (unique), so its alerts go out before their ledger entry
    if (due.length) await notify(t, due, false);
    schedule(t, later);
    // the next person in the chain, on the record (event + audit) once the alerts are out (AK-3, §16.1)
    const steps = Object.values(next.timers).flatMap((x) =>
      x.kind === 'NOTIFY' && x.step === 'ESCALATION'
        ? [
            {
              recipientId: x.recipientId,
              step: x.step,
              reason: x.substituteFor ? ('AWAY' as const) : ('ACK_TIMEOUT' as const),
              ...(x.substituteFor ? { substituteFor: x.substituteFor } : {}),
            },
          ]
        : [],
    );
    // a round's timer keys may repeat the intake's, so its record names the round
    const after = t.id === t.incident.id ? key : `${t.id}|${key}`;
    if (steps.length) await d.store.recordEscalation(t.incident.id, steps, after, now);
  }

  function forget(incidentId: string): void {
    cancelled.add(incidentId);
    tracked.delete(incidentId);
  }

  /** Loads the not-yet-done timers of every owner newly served and arms them; late ones fire at once. */
  async function load(owners: Iterable<string>): Promise<number> {
    let n = 0;
    for (const owner of owners) {
      for (const { incident, timers, trackId } of await d.store.pending(owner)) {
        const id = trackId ?? incident.id;
        const t: Tracked = { id, incident, owner, timers: {} };
        tracked.set(id, t);
        cancelled.delete(id);
        schedule(t, timers);
        n += Object.keys(timers).length;
      }
    }
    return n;
  }

  async function maintain(): Promise<void> {
    const until = leaseUntil();
    const kept = await d.leases.renew(d.owner, served, until);
    if (!kept.has(d.owner)) {
      // another process registered under our id: we are the stale one and stop acting
      served = new Map();
      return;
    }
    leaseValidUntil = until.getTime() - 250;
    for (const [id, t] of tracked) if (!kept.has(t.owner)) tracked.delete(id);
    served = kept;
    const adopted = await d.leases.adoptLapsed(d.owner, d.clock.now(), until);
    for (const [o, e] of adopted) served.set(o, e);
    if (adopted.size) {
      await load(adopted.keys());
      d.onAdopt?.([...adopted.keys()]);
    }
    for (const owner of served.keys()) await takeHandoffs(owner);
  }

  /**
   * Upgrade rounds another replica armed for an owner this replica serves (RC-1): their timers are in the store
   * and a hand-over note names them. A note is dropped once its round is held here; one whose timers are not
   * there yet (the writer is between its two writes) is kept for `handoffGraceMs` and looked at again.
   */
  async function takeHandoffs(owner: string): Promise<void> {
    for (const h of await d.store.handoffs(owner)) {
      const held = tracked.has(h.roundId) || cancelled.has(h.roundId) || (await adoptRound(h.roundId, owner));
      if (held || d.clock.now().getTime() - h.at.getTime() > handoffGraceMs) await d.store.dropHandoff(h.roundId);
    }
  }

  /**
   * Loads an upgrade round's pending timers and holds them; due alerts go out before it resolves. The command
   * and the hand-over poll may ask at the same moment: they share one load, so nothing is sent twice.
   */
  function adoptRound(roundId: string, owner?: string): Promise<boolean> {
    if (tracked.has(roundId)) return Promise.resolve(true);
    const running = adopting.get(roundId);
    if (running) return running;
    const job = loadRound(roundId, owner).finally(() => adopting.delete(roundId));
    adopting.set(roundId, job);
    return job;
  }

  async function loadRound(roundId: string, owner?: string): Promise<boolean> {
    const r = await d.store.pendingRound(roundId);
    if (tracked.has(roundId)) return true;
    if (!r || !served.has(r.owner) || (owner && r.owner !== owner)) return false;
    if (!Object.keys(r.timers).length) return true;
    const t: Tracked = { id: roundId, incident: r.incident, owner: r.owner, timers: {} };
    tracked.set(roundId, t);
    cancelled.delete(roundId);
    const nowMs = d.clock.now().getTime();
    const due = Object.keys(r.timers).filter(
      (k) => r.timers[k]!.kind === 'NOTIFY' && r.timers[k]!.dueAt.getTime() <= nowMs,
    );
    Object.assign(t.timers, r.timers);
    schedule(t, Object.fromEntries(Object.entries(r.timers).filter(([k]) => !due.includes(k))));
    if (due.length) {
      // claimed first: the round's timers are durable, and a crash before the send leaves them pending here
      enqueue(roundId, async () => {
        if (mayAct(t)) await notify(t, due);
      });
      await lanes.get(roundId);
    }
    return true;
  }

  return {
    get pending(): number {
      return heap.size;
    },
    /**
     * A new incident's first alerts, sent at once while its insert is still on the way (ADR 0004): the store
     * is not between intake and the first delivery. Only the replica whose lease is valid sends; message ids
     * are the ledger keys, so a retried intake that reaches here again repeats ids the provider drops.
     * Resolves true when every due alert went out; false leaves them to `track` (never rejects).
     */
    async dispatch(incident: Incident): Promise<boolean> {
      const now = d.clock.now();
      if (stopped || !served.has(d.owner) || now.getTime() >= leaseValidUntil) return false;
      // a retried intake of an incident this replica knows is not alerted again
      if (tracked.has(incident.id) || recentlyDispatched.has(incident.id)) return false;
      recentlyDispatched.add(incident.id);
      if (recentlyDispatched.size > 10_000) recentlyDispatched.delete(recentlyDispatched.values().next().value!);
      const due = dueNotifications(incident, now.getTime()).map(([, x]) => x);
      if (!due.length) return true;
      try {
        await send(incident, due);
        return true;
      } catch (err) {
        d.probe.failed(err, { incidentId: incident.id, during: 'first alerts before the insert' });
        return false;
      }
    },
    /**
     * A just-committed incident: its due notifications go out now without a store read (NF-2) — or, when
     * `dispatched` says `dispatch` sent them already, are only entered in the ledger — and the rest wait in
     * the heap. Returns at once; the work runs behind the intake response.
     */
    track(incident: Incident, dispatched?: Promise<boolean>): void {
      const t: Tracked = { id: incident.id, incident, owner: d.owner, timers: {} };
      tracked.set(incident.id, t);
      const nowMs = d.clock.now().getTime();
      const due = dueNotifications(incident, nowMs).map(([k]) => k);
      const later = Object.fromEntries(Object.entries(incident.timers).filter(([k]) => !due.includes(k)));
      Object.assign(t.timers, incident.timers);
      schedule(t, later);
      if (!due.length) return;
      enqueue(incident.id, async () => {
        if (!mayAct(t)) return;
        if (dispatched && (await dispatched)) {
          const timers = due.map((k) => t.timers[k] as Extract<EscalationTimer, { kind: 'NOTIFY' }>);
          await claim(t, timers, d.clock.now(), true);
          for (const k of due) delete t.timers[k];
        } else await notify(t, due, false);
      });
    },
    /** AK-2: delivery receipts from the provider, stored and remembered here for the receipt checks. */
    async receipts(list: { messageId: string; status: 'DELIVERED' | 'FAILED'; at: Date }[]): Promise<number> {
      const n = await d.store.recordReceipts(list);
      for (const r of list)
        if (r.status === 'DELIVERED' && deliveredHere.size < 100_000) deliveredHere.add(r.messageId);
      return n;
    },
    /** Stops local escalation of an acknowledged incident (or upgrade round, by its id) at once. */
    cancel: forget,
    /**
     * RC-1: takes up an upgrade round armed in the store (see createAlertUpgrade) when this replica serves the
     * incident's owner — its due alerts are out when this resolves true. False: another replica serves the owner
     * and takes the round from its hand-over note at its next lease renewal.
     */
    adoptRound: (roundId: string): Promise<boolean> => (stopped ? Promise.resolve(false) : adoptRound(roundId)),
    /** Registers this replica, re-arms its own timers from the store, then keeps leases and adopts lapsed replicas. */
    async start(renewEveryMs = Math.max(200, Math.floor(d.leaseMs / 3)), ackPollMs = 300): Promise<number> {
      const until = leaseUntil();
      const epoch = await d.leases.register(d.owner, until);
      served = new Map([[d.owner, epoch]]);
      leaseValidUntil = until.getTime() - 250;
      ackSeenUntil = d.clock.now();
      ackWindowStart = ackSeenUntil.getTime();
      const n = await load([d.owner]);
      ackHandle = setInterval(() => {
        void pollAcks().catch((err: unknown) => d.probe.failed(err, { during: 'acknowledgement poll' }));
      }, ackPollMs);
      renewHandle = setInterval(() => {
        void maintain().catch((err: unknown) => d.probe.failed(err, { during: 'lease renewal' }));
      }, renewEveryMs);
      return n;
    },
    async stop(): Promise<void> {
      stopped = true;
      if (armed) clearTimeout(armed.handle);
      if (renewHandle) clearInterval(renewHandle);
      if (ackHandle) clearInterval(ackHandle);
      await Promise.allSettled([...lanes.values()]);
    },
  };
}
export type EscalationEngine = ReturnType<typeof createEscalationEngine>;
