import { createHash } from 'node:crypto';
import { hasRole } from '@gov/platform/auth';
import { AppError } from '@gov/platform/errors';
import type { Clock } from '../domain/clock';
import { ShiftError, type ShiftErrorCode } from '../domain/shift-error';
import type { ShiftTransition } from '../domain/shift-events';
import type { Idempotency } from './ports';
import type { Actor, ShiftAggregateStore, StoredShift } from './shift-ports';

/** The command plumbing every shift use case shares: permission, idempotency, derived ids, audited writes. */
export interface ShiftCommandDeps {
  clock: Clock;
  idempotency: Idempotency;
}

export function mayActOnShifts(actor: Actor, roles: readonly string[], what: string): void {
  if (!hasRole(actor, ...roles))
    throw new ShiftError('SHIFT_NOT_PERMITTED', `${what} needs one of the roles ${roles.join(', ')}`);
}

/** An id derived from a natural key, so a retried or repeated create finds the first result. */
export const shiftId = (prefix: string, ...parts: string[]): string =>
  `${prefix}-${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 24)}`;

function requireKey(key: string): void {
  if (!key.trim())
    throw new ShiftError('SHIFT_INPUT_INVALID', 'an idempotency key is required', [
      { field: 'idempotencyKey', message: 'is required' },
    ]);
}

export async function loadShift<T extends { id: string }>(
  store: ShiftAggregateStore<T>,
  id: string,
  missing: ShiftErrorCode,
): Promise<StoredShift<T>> {
  const s = id.trim() ? await store.get(id) : undefined;
  if (!s) throw new ShiftError(missing, `no such item ${id}`);
  return s;
}

interface Cmd {
  scope: string;
  key: string;
  request: unknown;
  actor: Actor;
  id: string;
  missing: ShiftErrorCode;
}

/** Creates an aggregate once per idempotency key (and once per derived id); returns it as stored. */
export async function createShiftOnce<T extends { id: string }>(
  deps: ShiftCommandDeps,
  store: ShiftAggregateStore<T>,
  cmd: Cmd,
  make: (now: Date) => Promise<ShiftTransition<T>> | ShiftTransition<T>,
): Promise<T> {
  requireKey(cmd.key);
  await deps.idempotency.run(`${cmd.scope}:${cmd.actor.userId}`, cmd.key, cmd.request, async () => {
    const now = deps.clock.now();
    const t = await make(now);
    await store.create(t.next, t.events, { action: t.action, actor: cmd.actor, at: now, details: t.details });
    return { id: t.next.id };
  });
  return (await loadShift(store, cmd.id, cmd.missing)).value;
}

const isConflict = (e: unknown) => e instanceof AppError && e.code === 'CONCURRENT_MODIFICATION';

/**
 * Applies a rule to an aggregate once per idempotency key: read, decide, write conditioned on the version;
 * a concurrent writer makes it re-read and decide again (the rule may then refuse).
 */
export async function changeShiftOnce<T extends { id: string }>(
  deps: ShiftCommandDeps,
  store: ShiftAggregateStore<T>,
  cmd: Cmd,
  rule: (current: T, now: Date) => Promise<ShiftTransition<T>> | ShiftTransition<T>,
): Promise<T> {
  requireKey(cmd.key);
  await deps.idempotency.run(`${cmd.scope}:${cmd.actor.userId}`, cmd.key, cmd.request, async () => {
    for (let attempt = 0; ; attempt++) {
      const prev = await loadShift(store, cmd.id, cmd.missing);
      const now = deps.clock.now();
      const t = await rule(prev.value, now);
      try {
        await store.update(prev, t.next, t.events, { action: t.action, actor: cmd.actor, at: now, details: t.details });
        return { id: cmd.id };
      } catch (e) {
        if (!isConflict(e) || attempt >= 4) throw e;
      }
    }
  });
  return (await loadShift(store, cmd.id, cmd.missing)).value;
}
