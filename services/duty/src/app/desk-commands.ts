import { createHash } from 'node:crypto';
import { hasRole } from '@gov/platform/auth';
import { DeskError } from '../domain/desk-error';
import type { DeskEvent } from '../domain/desk-events';
import { aggregateCommands, type CommandDeps, type Stored } from './aggregate-commands';
import type { Actor, DeskAggregateStore } from './desk-ports';

/** The command plumbing every desk use case shares (`aggregate-commands.ts`), answering with the desk's codes. */
export type DeskCommandDeps = CommandDeps;

export function mayAct(actor: Actor, roles: readonly string[], what: string): void {
  if (!hasRole(actor, ...roles))
    throw new DeskError('DESK_NOT_PERMITTED', `${what} needs one of the roles ${roles.join(', ')}`);
}

/** An id derived from the caller and the idempotency key, so a retried create finds its first result. */
export const derivedId = (prefix: string, actor: Actor, key: string): string =>
  `${prefix}-${createHash('sha256').update(`${actor.userId}\u0000${key}`).digest('hex').slice(0, 24)}`;

const commands = aggregateCommands({
  keyMissing: () =>
    new DeskError('DESK_INPUT_INVALID', 'an idempotency key is required', [
      { field: 'idempotencyKey', message: 'is required' },
    ]),
  notFound: (id) => new DeskError('DESK_ITEM_NOT_FOUND', `no desk item ${id}`),
});

export const { requireKey, createOnce, changeOnce } = commands;
export const load = <T extends { id: string }>(store: DeskAggregateStore<T>, id: string): Promise<Stored<T>> =>
  commands.load<T, DeskEvent>(store, id);
