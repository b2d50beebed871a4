import { createHash } from 'node:crypto';
import { hasRole } from '@gov/platform/auth';
import { ShiftError, type ShiftErrorCode } from '../domain/shift-error';
import type { ShiftEvent } from '../domain/shift-events';
import { aggregateCommands, type CommandDeps } from './aggregate-commands';
import type { Actor, ShiftAggregateStore, StoredShift } from './shift-ports';

/** The command plumbing every shift use case shares (`aggregate-commands.ts`), answering with the shift codes. */
export type ShiftCommandDeps = CommandDeps;

export function mayActOnShifts(actor: Actor, roles: readonly string[], what: string): void {
  if (!hasRole(actor, ...roles))
    throw new ShiftError('SHIFT_NOT_PERMITTED', `${what} needs one of the roles ${roles.join(', ')}`);
}

/** An id derived from a natural key, so a retried or repeated create finds the first result. */
export const shiftId = (prefix: string, ...parts: string[]): string =>
  `${prefix}-${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 24)}`;

const commands = aggregateCommands({
  keyMissing: () =>
    new ShiftError('SHIFT_INPUT_INVALID', 'an idempotency key is required', [
      { field: 'idempotencyKey', message: 'is required' },
    ]),
  notFound: (id, code) => new ShiftError((code ?? 'SHIFT_INPUT_INVALID') as ShiftErrorCode, `no such item ${id}`),
});

export const loadShift = <T extends { id: string }>(
  store: ShiftAggregateStore<T>,
  id: string,
  missing: ShiftErrorCode,
): Promise<StoredShift<T>> => commands.load<T, ShiftEvent>(store, id, missing);

export const createShiftOnce = commands.createOnce;
export const changeShiftOnce = commands.changeOnce;
