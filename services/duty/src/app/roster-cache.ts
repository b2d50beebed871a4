import type { DutyDirectory } from '../domain/escalation-ladder';
import { onDutyAt, type Contact, type Roster, type Shift } from '../domain/roster';
import type { Rosters } from './ports';

/**
 * Published rosters and contacts held in memory: the alert path resolves recipients from here and never
 * from the store or another service (spec duty §9.5 AK-5). Rebuilt from this service's own store.
 */
export function createRosterCache(deps: { rosters: Rosters }) {
  let rosters: Roster[] = [];
  let contacts = new Map<string, Contact>();

  function replace(list: Roster[]): void {
    rosters = [...list].sort((a, b) => a.periodStart.getTime() - b.periodStart.getTime());
    const next = new Map<string, Contact>();
    for (const r of rosters) for (const c of r.contacts) next.set(c.personId, c);
    contacts = next;
  }

  return {
    async reload(): Promise<void> {
      replace(await deps.rosters.all());
    },
    put(roster: Roster): void {
      replace([...rosters.filter((r) => r.id !== roster.id), roster]);
    },
    onDuty: (at: Date) => onDutyAt(rosters, at),
    /** Every rostered shift overlapping [from, to) (the NF-8 contact sheet of a duty day). */
    shiftsBetween: (from: Date, to: Date): Shift[] =>
      rosters.flatMap((r) =>
        r.shifts.filter((x) => x.startsAt.getTime() < to.getTime() && x.endsAt.getTime() > from.getTime()),
      ),
    directory(at: Date): DutyDirectory {
      const now = onDutyAt(rosters, at);
      const byRole: DutyDirectory['byRole'] = {};
      for (const c of contacts.values()) if (c.standingRole) byRole[c.standingRole] = c.personId;
      return {
        officeLeaderOnDuty: now.find((x) => x.shift.type === 'OFFICE_LEADER_24H')?.shift.personId,
        govLeaderOnDuty: now.find((x) => x.shift.type === 'GOV_LEADER_24H')?.shift.personId,
        officersOnDuty: now
          .filter((x) => x.shift.type === 'OFFICE_DAY' || x.shift.type === 'OFFICE_NIGHT')
          .map((x) => x.shift.personId),
        byRole,
        contact: (id) => contacts.get(id),
      };
    },
  };
}
export type RosterCache = ReturnType<typeof createRosterCache>;
