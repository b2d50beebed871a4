import { createHash } from 'node:crypto';
import { hasRole } from '@gov/platform/auth';
import { AppError } from '@gov/platform/errors';
import type { Clock } from '../domain/clock';
import { DeskError } from '../domain/desk-error';
import type { Transition } from '../domain/desk-events';
import type { Idempotency } from './ports';
import type { Actor, DeskAggregateStore, Stored } from './desk-ports';

/** The command plumbing every desk use case shares: permission, idempotency, derived ids, audited writes. */
export interface DeskCommandDeps {
  clock: Clock;
  idempotency: Idempotency;
}

export function mayAct(actor: Actor, roles: readonly string[], what: string): void {
  if (!hasRole(actor, ...roles))
    throw new DeskError('DESK_NOT_PERMITTED', `${what} needs one of the roles ${roles.join(', ')}`);
}

/** An id derived from the caller and the idempotency key, so a retried create finds its first result. */
export const derivedId = (prefix: string, actor: Actor, key: string): string =>
  `${prefix}-${createHash('sha256').update(`${actor.userId}\u0000${key}`).digest('hex').slice(0, 24)}`;

export function requireKey(key: string): void {
  if (!key.trim())
    throw new DeskError('DESK_INPUT_INVALID', 'an idempotency key is required', [
      { field: 'idempotencyKey', message: 'is required' },
    ]);
}

/** Creates an aggregate once per idempotency key; returns it as stored. */
export async function createOnce<T extends { id: string }>(
  deps: DeskCommandDeps,
  store: DeskAggregateStore<T>,
  cmd: { scope: string; key: string; request: unknown; actor: Actor; id: string },
  make: (now: Date) => Transition<T>,
): Promise<T> {
  requireKey(cmd.key);
  const { id } = await deps.idempotency.run(`${cmd.scope}:${cmd.actor.userId}`, cmd.key, cmd.request, async () => {
    const t = make(deps.clock.now());
    await store.create(t.next, t.events, {
      action: t.action,
      actor: cmd.actor,
      at: deps.clock.now(),
      details: t.details,
    });
    return { id: t.next.id };
  });
  return (await load(store, id)).value;
}

export async function load<T extends { id: string }>(store: DeskAggregateStore<T>, id: string): Promise<Stored<T>> {
  const s = id.trim() ? await store.get(id) : undefined;
  if (!s) throw new DeskError('DESK_ITEM_NOT_FOUND', `no desk item ${id}`);
  return s;
}

const isConflict = (e: unknown) => e instanceof AppError && e.code === 'CONCURRENT_MODIFICATION';

/**
 * Applies a rule to an aggregate once per idempotency key: read, decide, write conditioned on the version;
 * a concurrent writer makes it re-read and decide again (the rule may then refuse).
 */
export async function changeOnce<T extends { id: string }>(
  deps: DeskCommandDeps,
  store: DeskAggregateStore<T>,
  cmd: { scope: string; key: string; request: unknown; actor: Actor; id: string },
  rule: (current: T, now: Date) => Transition<T>,
): Promise<T> {
  requireKey(cmd.key);
  await deps.idempotency.run(`${cmd.scope}:${cmd.actor.userId}`, cmd.key, cmd.request, async () => {
    for (let attempt = 0; ; attempt++) {
      const prev = await load(store, cmd.id);
      const now = deps.clock.now();
      const t = rule(prev.value, now);
      try {
        await store.update(prev, t.next, t.events, { action: t.action, actor: cmd.actor, at: now, details: t.details });
        return { id: cmd.id };
      } catch (e) {
        if (!isConflict(e) || attempt >= 4) throw e;
      }
    }
  });
  return (await load(store, cmd.id)).value;
}
