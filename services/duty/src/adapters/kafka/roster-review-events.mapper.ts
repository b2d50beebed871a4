import { dutyEventTypes, dutyRosterEventTypes as types, dutyRostersEventsV1 as ev, topics } from '@gov/contracts';
import { outboxEntry, type OutboxEntry } from '@gov/platform';
import type { RosterEvent } from '../../domain/roster-review';

const iso = (d: Date) => d.toISOString();

/**
 * Roster events on gov.duty.events.v1, keyed by the roster id (read by the notification gateway and finance). The
 * event id is derived from the roster and its version, so a re-run of the same write re-sends the same ce_id.
 */
export function toRosterOutbox(events: RosterEvent[]): OutboxEntry[] {
  return events.map((e) =>
    e.type === 'roster.locked'
      ? outboxEntry({
          topic: topics.duty,
          key: e.rosterId,
          type: dutyEventTypes.rosterLocked,
          time: e.at,
          id: `${e.rosterId}:locked`,
          payload: ev.RosterLocked.encode({
            rosterId: e.rosterId,
            version: e.version,
            periodEnd: iso(e.periodEnd),
            at: iso(e.at),
          }).finish(),
        })
      : outboxEntry({
          topic: topics.duty,
          key: e.rosterId,
          type: types.rosterPublished,
          time: e.at,
          id: `${e.rosterId}:published:v${e.version}`,
          payload: ev.RosterPublished.encode({
            rosterId: e.rosterId,
            version: e.version,
            kind: e.kind,
            periodStart: iso(e.periodStart),
            periodEnd: iso(e.periodEnd),
            shifts: e.shifts.map((s) => ({
              type: s.type,
              startsAt: iso(s.startsAt),
              endsAt: iso(s.endsAt),
              personId: s.personId,
            })),
            publishedBy: e.publishedBy,
            approvedBy: e.approvedBy,
            at: iso(e.at),
          }).finish(),
        }),
  );
}
