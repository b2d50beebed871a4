import type { Actor } from '@gov/platform/auth';
import type { ChannelKind, EscalationTimer, Incident, SentNotification } from '../domain/incident';
import type { Contact, Roster } from '../domain/roster';
import type { LogEntry } from '../domain/duty-log';
import type { LeaderInstruction } from '../domain/instruction';
import type { ReportingChange } from '../domain/upward-reporting';
import type { Chronology, ChronologyEntry } from '../domain/chronology';
import type { RebuiltLine } from '../domain/chronology-repair';

export type { Actor };

/**
 * The alert path's store. Measured on FerretDB v1 (SQLite), an update by _id scans the collection
 * (≈130 ms at 10 000 documents) while an insert stays ≈3 ms; so everything between intake and
 * acknowledgement is an INSERT with a unique _id — a timer completes, a notification is claimed, an
 * incident is acknowledged exactly once because a second insert of the same key fails.
 */
export interface AlertStore {
  /** Inserts the incident (state, first timers, event, audit) owned by `owner`; false when it exists (a retry). */
  insertIncident(incident: Incident, owner: string): Promise<boolean>;
  getIncident(id: string): Promise<Incident | undefined>;
  /**
   * One step of the ladder in ONE write: the follow-up timers and the done mark of the timer that fired.
   * True when this call made the done mark, i.e. it alone acts on the step (a second replica or a re-fire
   * after a crash gets false; the follow-ups it wrote again are left as they were).
   */
  advance(
    incidentId: string,
    owner: string,
    firedKey: string,
    timers: Record<string, EscalationTimer>,
    at: Date,
  ): Promise<boolean>;
  /** Marks timers done, in one write; per key false when it was done already (it then must not act twice). */
  completeTimers(incidentId: string, keys: string[], owner: string, at: Date): Promise<boolean[]>;
  /** The first acknowledgement wins; false when someone acknowledged before. */
  acknowledge(incidentId: string, personId: string, at: Date): Promise<boolean>;
  /** The stop mark of an incident: its first acknowledgement, or a void (`voided`) that came before any. */
  acknowledgement(incidentId: string): Promise<{ personId: string; at: Date; voided?: boolean } | undefined>;
  /**
   * A void stops escalation as an acknowledgement does: the same unique stop mark, which every replica's engine
   * reads; false when the incident was acknowledged (or voided) before, i.e. escalation had stopped already.
   */
  stopEscalation(incidentId: string, personId: string, at: Date): Promise<boolean>;
  /** Incidents acknowledged at or after `since` (any replica), for the engine's in-memory view. */
  acknowledgedSince(since: Date): Promise<{ incidentId: string; at: Date }[]>;
  /**
   * Incidents of `owner` still escalating, with the timers not yet done (restart and takeover); also the RC-1
   * upgrade rounds of its incidents not yet acknowledged, each with its `trackId` (the round id).
   */
  pending(owner: string): Promise<{ incident: Incident; timers: Record<string, EscalationTimer>; trackId?: string }[]>;
  /**
   * RC-1: arms an upgrade round's timers under the incident's owner, after a hand-over note the owner's engine
   * reads (see the engine's takeHandoffs). `created` is true when this call wrote the timers (the round's claim:
   * a retry or a second replica gets false). Undefined when the incident does not exist.
   */
  armRound(
    incidentId: string,
    roundId: string,
    timers: Record<string, EscalationTimer>,
    at: Date,
  ): Promise<{ owner: string; created: boolean } | undefined>;
  /** An upgrade round with its owner and the timers not yet done; undefined when nothing was armed. */
  pendingRound(
    roundId: string,
  ): Promise<{ incident: Incident; owner: string; timers: Record<string, EscalationTimer> } | undefined>;
  /** Hand-over notes of upgrade rounds armed for `owner` by other replicas. */
  handoffs(owner: string): Promise<{ roundId: string; at: Date }[]>;
  dropHandoff(roundId: string): Promise<void>;
  /**
   * The first acknowledgement of an upgrade round stops it (AK-1), with an audit line and an
   * incident.acknowledged event on the incident; false when the round was acknowledged before.
   */
  acknowledgeRound(incidentId: string, roundId: string, personId: string, at: Date): Promise<boolean>;
  /**
   * Records escalation steps on the incident — the incident.escalated events and an audit entry — after their
   * alerts went out (slow path, on the aggregate; event ids make a repeat harmless).
   */
  recordEscalation(
    incidentId: string,
    steps: {
      recipientId: string;
      step: string;
      reason: 'ACK_TIMEOUT' | 'AWAY' | 'RECLASSIFIED';
      substituteFor?: string;
    }[],
    after: string,
    at: Date,
  ): Promise<void>;
  /** Appends a leader instruction with its events and audit (slow path, on the aggregate). */
  recordInstruction(instruction: LeaderInstruction): Promise<void>;
  /** Delivery receipts from the SMS provider (AK-2), unique by message id; returns how many were new. */
  recordReceipts(receipts: { messageId: string; status: 'DELIVERED' | 'FAILED'; at: Date }[]): Promise<number>;
  /** Whether the provider confirmed this message delivered. */
  delivered(messageId: string): Promise<boolean>;
  /** Notifications claimed for an incident, from the delivery ledger (read side). */
  notifications(incidentId: string): Promise<SentNotification[]>;
}

/**
 * Replica leases (ARCHITECTURE §7): each replica holds one lease document and renews it; a replica whose
 * lease lapsed is adopted by exactly one survivor (a unique insert decides), which then serves its incidents
 * until it comes back under the same id.
 */
export interface ReplicaLeases {
  /** Starts (or restarts) serving `owner`'s own incidents; returns the epoch that fences older holders. */
  register(owner: string, leaseUntil: Date): Promise<number>;
  /** Renews every lease `owner` serves; returns the owners still served (others were taken back). */
  renew(server: string, served: Map<string, number>, leaseUntil: Date): Promise<Map<string, number>>;
  /** Adopts lapsed replicas; returns the owners this replica now serves in addition, with their epoch. */
  adoptLapsed(server: string, now: Date, leaseUntil: Date): Promise<Map<string, number>>;
}

/** (incident, step, recipient, attempt): the identity of one notification, unique in the delivery ledger. */
export interface DeliveryKey {
  incidentId: string;
  step: string;
  recipientId: string;
  attempt: number;
}

/** Per-recipient delivery ledger: the unique key is what makes a notification go out once. */
export interface DeliveryLedger {
  /**
   * Records notifications in one write: about to go out (`sent: false`, a claim), or already out
   * (`sent: true`, which also marks their timers done). For each key: true when this call created it.
   */
  claim(
    keys: DeliveryKey[],
    meta: { owner: string; at: Date; channels: ChannelKind[][]; sent: boolean },
  ): Promise<boolean[]>;
}

/** One alert to one person on one channel; `messageId` lets the provider drop a resend of the same message. */
export interface AlertMessage {
  messageId: string;
  incidentId: string;
  channel: ChannelKind;
  to: Contact;
  text: string;
  dueAt: Date;
}

/** Channel adapters (SMS gateway, voice, push/SSE) behind one interface. */
export interface Notifier {
  send(msg: AlertMessage): Promise<void>;
}

export interface Rosters {
  save(roster: Roster): Promise<void>;
  all(): Promise<Roster[]>;
}

/** Runs a command once per idempotency key and replays its first result to retries. */
export interface Idempotency {
  run<T>(scope: string, key: string, request: unknown, fn: () => Promise<T>): Promise<T>;
}

/** Timing probes of the alert path (metrics adapter). */
export interface EscalationProbe {
  fired(kind: EscalationTimer['kind'], lateMs: number): void;
  failed(err: unknown, context: Record<string, unknown>): void;
}

/** The duty log: append-only; `insert` fails with false when the sequence number is taken (a racing append). */
export interface DutyLogStore {
  all(): Promise<LogEntry[]>;
  insert(entry: LogEntry): Promise<boolean>;
}

/** Who changed the reporting state, for the audit chain. */
export interface ReportingAudit {
  action: string;
  actor: Actor;
  role: string;
  details?: Record<string, unknown>;
}

/**
 * Upward reporting on the incident aggregate (slow path, off the alert path): each change is one
 * version-checked write of the new state with its events and audit entry, retried on a concurrent change.
 */
export interface ReportingStore {
  /**
   * Applies `change` to the stored incident. `applied` is null when the change found nothing to do (a
   * retry or a timer that another replica handled); domain errors from `change` propagate.
   */
  applyReporting(
    incidentId: string,
    change: (i: Incident) => ReportingChange | null,
    audit: ReportingAudit,
    at: Date,
  ): Promise<{ incident: Incident; applied: ReportingChange | null } | undefined>;
  /**
   * The incident's record for the LG-3 check at close (spec duty §6, §9.10), its lines in the order their facts
   * happened; undefined when it does not exist.
   */
  chronology(incidentId: string): Promise<Chronology | undefined>;
  /**
   * Appends rebuilt lines to the incident's record (LG-4: append only, chained to the tail), then one line of
   * `note` saying the record was repaired. `plan` sees the incident and its chronology as stored now and returns
   * the lines, or null to write nothing; one version-checked write, planned again after a concurrent change.
   * `appended` holds the lines written, the note's last. Undefined when the incident does not exist.
   */
  appendToRecord(
    incidentId: string,
    plan: (i: Incident, c: Chronology) => { lines: RebuiltLine[]; details: Record<string, unknown> } | null,
    note: ReportingAudit,
    at: Date,
  ): Promise<{ appended: ChronologyEntry[] } | undefined>;
  /** Incidents with an open obligation whose next guard or deadline is at or before `dueBy` (all when omitted). */
  openObligations(dueBy?: Date): Promise<Incident[]>;
  /** Incidents of one replica (`owner`) with an open obligation: what an adopting replica must arm. */
  openObligationsOf(owner: string): Promise<Incident[]>;
}
