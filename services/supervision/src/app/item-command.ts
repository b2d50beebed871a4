import { createHash } from 'node:crypto';
import type { Actor } from '@gov/platform/auth';
import { isAppError } from '@gov/platform/errors';
import { SupervisionError } from '../domain/supervision-error';
import type { SupervisionItem } from '../domain/supervision-item';
import type { Clock, Idempotency, ReadItem, SupervisionEvent, SupervisionItems } from './ports';

/** What one command does to an item: the next item, its events and the audit line's words. */
export interface ItemChange {
  next: SupervisionItem;
  events: SupervisionEvent['type'][];
  action: string;
  role: string;
  reason: string;
  details?: Record<string, unknown>;
}

export interface ItemCommandDeps {
  items: SupervisionItems;
  idempotency: Idempotency;
  clock: Clock;
}

/**
 * The frame every lifecycle command runs in: idempotent per caller key, the change and its outbox events and
 * audit line in one conditional write. The item remembers which request changed it, so a retry whose first
 * attempt wrote the change (but not the idempotency record), or lost a race to itself, is answered, not refused.
 */
export function createItemCommand(deps: ItemCommandDeps) {
  const read = async (id: string): Promise<ReadItem> => {
    const found = await deps.items.get(id);
    if (!found) throw new SupervisionError('ITEM_NOT_FOUND', `supervision item ${id} does not exist`);
    return found;
  };
  return async function runItemCommand(
    name: string,
    cmd: { idempotencyKey: string; id: string },
    request: unknown,
    actor: Actor,
    change: (item: SupervisionItem, now: Date) => ItemChange,
  ): Promise<SupervisionItem> {
    const scope = `supervision.${name}:${actor.userId}`;
    const ref = createHash('sha256').update(`${scope}:${cmd.idempotencyKey}`).digest('hex').slice(0, 24);
    const applied = (r: ReadItem) => r.item.appliedCommands?.includes(ref) ?? false;
    await deps.idempotency.run(scope, cmd.idempotencyKey, { id: cmd.id, ...(request as object) }, async () => {
      const found = await read(cmd.id);
      if (applied(found)) return { id: cmd.id };
      const now = deps.clock.now();
      const c = change(found.item, now);
      const next = { ...c.next, appliedCommands: [...(found.item.appliedCommands ?? []), ref] };
      try {
        await deps.items.update(
          found,
          next,
          c.events.map((type) => ({ type, item: next })),
          { action: c.action, actor, role: c.role, reason: c.reason, at: now, details: c.details ?? {} },
        );
      } catch (e) {
        if (!isAppError(e) || e.code !== 'CONCURRENT_MODIFICATION' || !applied(await read(cmd.id))) throw e;
      }
      return { id: cmd.id };
    });
    return (await read(cmd.id)).item;
  };
}
export type RunItemCommand = ReturnType<typeof createItemCommand>;

/** The first of the actor's roles that the rule accepted, for the audit line. */
export const roleAmong = (actor: Actor, roles: string[]): string =>
  actor.roles.find((r) => roles.includes(r)) ?? actor.roles[0] ?? '';
