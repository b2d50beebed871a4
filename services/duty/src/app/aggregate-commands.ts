import { AppError } from '@gov/platform/errors';
import type { Clock } from '../domain/clock';
import type { Actor, Idempotency } from './ports';

/** Who did what, for the aggregate's hash-chained audit trail (written in the same document write). */
export interface AuditNote {
  action: string;
  actor: Actor;
  at: Date;
  reason?: string;
  details?: Record<string, unknown>;
}

/** An aggregate as read, with what an update needs: the version (optimistic concurrency) and the audit tail. */
export interface Stored<T> {
  value: T;
  version: number;
  auditTail?: { seq: number; hash: string };
}

/**
 * One kind of aggregate with events of type E: state, outbox events and audit in ONE document write. `create` is
 * false when the id exists (a retried command); `update` throws CONCURRENT_MODIFICATION when the version moved on.
 */
export interface AggregateStore<T extends { id: string }, E> {
  create(value: T, events: E[], note: AuditNote): Promise<boolean>;
  get(id: string): Promise<Stored<T> | undefined>;
  update(prev: Stored<T>, value: T, events: E[], note: AuditNote): Promise<void>;
}

/** The result of a rule: the new state, what to publish, and the audit action that records it. */
export interface Transition<T, E> {
  next: T;
  events: E[];
  action: string;
  details?: Record<string, unknown>;
}

export interface CommandDeps {
  clock: Clock;
  idempotency: Idempotency;
}

/** The stable errors an area answers with: a missing idempotency key, an unknown aggregate. */
export interface CommandErrors {
  keyMissing(): Error;
  /** `code`: the command's own not-found code, where an area names one per aggregate kind. */
  notFound(id: string, code?: string): Error;
}

export interface Command {
  scope: string;
  key: string;
  request: unknown;
  actor: Actor;
  id: string;
  /** The not-found code for this aggregate kind (see CommandErrors.notFound). */
  missing?: string;
}

/**
 * The command plumbing of the desk and shift areas (each binds its own error codes): create or change an
 * aggregate once per idempotency key, with audited, version-checked writes.
 */
export function aggregateCommands(errors: CommandErrors) {
  function requireKey(key: string): void {
    if (!key.trim()) throw errors.keyMissing();
  }

  async function load<T extends { id: string }, E>(
    store: AggregateStore<T, E>,
    id: string,
    missing?: string,
  ): Promise<Stored<T>> {
    const s = id.trim() ? await store.get(id) : undefined;
    if (!s) throw errors.notFound(id, missing);
    return s;
  }

  /** Creates an aggregate once per idempotency key; returns it as stored. */
  async function createOnce<T extends { id: string }, E>(
    deps: CommandDeps,
    store: AggregateStore<T, E>,
    cmd: Command,
    make: (now: Date) => Promise<Transition<T, E>> | Transition<T, E>,
  ): Promise<T> {
    requireKey(cmd.key);
    const { id } = await deps.idempotency.run(`${cmd.scope}:${cmd.actor.userId}`, cmd.key, cmd.request, async () => {
      const now = deps.clock.now();
      const t = await make(now);
      await store.create(t.next, t.events, { action: t.action, actor: cmd.actor, at: now, details: t.details });
      return { id: t.next.id };
    });
    return (await load(store, id, cmd.missing)).value;
  }

  /**
   * Applies a rule to an aggregate once per idempotency key: read, decide, write conditioned on the version;
   * a concurrent writer makes it re-read and decide again (the rule may then refuse).
   */
  async function changeOnce<T extends { id: string }, E>(
    deps: CommandDeps,
    store: AggregateStore<T, E>,
    cmd: Command,
    rule: (current: T, now: Date) => Promise<Transition<T, E>> | Transition<T, E>,
  ): Promise<T> {
    requireKey(cmd.key);
    await deps.idempotency.run(`${cmd.scope}:${cmd.actor.userId}`, cmd.key, cmd.request, async () => {
      for (let attempt = 0; ; attempt++) {
        const prev = await load(store, cmd.id, cmd.missing);
        const now = deps.clock.now();
        const t = await rule(prev.value, now);
        try {
          await store.update(prev, t.next, t.events, {
            action: t.action,
            actor: cmd.actor,
            at: now,
            details: t.details,
          });
          return { id: cmd.id };
        } catch (e) {
          if (!(e instanceof AppError && e.code === 'CONCURRENT_MODIFICATION') || attempt >= 4) throw e;
        }
      }
    });
    return (await load(store, cmd.id, cmd.missing)).value;
  }

  return { requireKey, load, createOnce, changeOnce };
}
