import { clears } from '@gov/platform/auth';
import { DutyError } from '../domain/duty-error';
import type { Actor, AlertStore } from './ports';
import type { RosterCache } from './roster-cache';

/**
 * Reads an incident with its notifications; a classified one looks missing to a caller without clearance
 * (ARCHITECTURE §8). `getIncident.visible` is that check alone (one read), for commands that must refuse such a
 * caller before they change anything.
 */
export function createGetIncident(deps: { store: AlertStore }) {
  async function visible(id: string, actor: Actor) {
    const found = await deps.store.getIncident(id);
    if (!found || (found.classified && !clears(actor.clearance, 'SECRET')))
      throw new DutyError('INCIDENT_NOT_FOUND', `incident ${id} does not exist`);
    return found;
  }
  async function getIncident(id: string, actor: Actor) {
    const found = await visible(id, actor);
    const notifications = await deps.store.notifications(id);
    return {
      ...found,
      notifications,
      recipients: [...new Set([...found.recipients, ...notifications.map((n) => n.recipientId)])],
    };
  }
  return Object.assign(getIncident, { visible });
}

/** "Who is on duty now / at T" from memory (spec duty §4, §9.5 AK-5). */
export function createGetOnDuty(deps: { cache: RosterCache; clock: { now(): Date } }) {
  return function getOnDuty(at?: Date) {
    const t = at ?? deps.clock.now();
    if (Number.isNaN(t.getTime()))
      throw new DutyError('ROSTER_INVALID', 'at is not a valid instant', [
        { field: 'at', message: 'is not a valid instant' },
      ]);
    return { at: t, people: deps.cache.onDuty(t) };
  };
}
