import type { Contact, Roster, Shift } from './roster';
import type { DutyDirectory } from './escalation-ladder';

/** Shanghai wall-clock time as an instant: sh('2024-10-03 18:00'). Test helper, no I/O. */
export const sh = (local: string): Date => new Date(local.replace(' ', 'T') + ':00+08:00');

export const shift = (o: Partial<Shift> & Pick<Shift, 'type' | 'personId'>, from: string, to: string): Shift => ({
  startsAt: sh(from),
  endsAt: sh(to),
  ...o,
});

export const contact = (personId: string, o: Partial<Contact> = {}): Contact => ({
  personId,
  name: personId,
  phone: '1380000' + personId.padStart(4, '0').slice(-4),
  away: false,
  ...o,
});

/** One office day (08:30 → next 08:30) fully covered: day officer, night officer, leader, government leader. */
export function coveredDay(day: string, people = { day: 'o1', night: 'o2', leader: 'l1', gov: 'g1' }): Shift[] {
  const next = new Date(sh(`${day} 08:30`).getTime() + 86_400_000);
  const nextDay = new Date(next.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  return [
    shift({ type: 'OFFICE_DAY', personId: people.day }, `${day} 08:30`, `${day} 18:00`),
    shift({ type: 'OFFICE_NIGHT', personId: people.night }, `${day} 18:00`, `${nextDay} 08:30`),
    shift({ type: 'OFFICE_LEADER_24H', personId: people.leader }, `${day} 08:30`, `${nextDay} 08:30`),
    shift({ type: 'GOV_LEADER_24H', personId: people.gov }, `${day} 08:30`, `${nextDay} 08:30`),
  ];
}

export function roster(o: Partial<Roster> = {}): Roster {
  return {
    id: 'r1',
    version: 1,
    periodStart: sh('2024-10-03 08:30'),
    periodEnd: sh('2024-10-04 08:30'),
    shifts: coveredDay('2024-10-03'),
    contacts: ['o1', 'o2', 'l1', 'g1'].map((p) => contact(p)),
    ...o,
  };
}

/** A directory like the one main.ts builds from the roster cache. */
export function directory(o: Partial<DutyDirectory> & { contacts?: Contact[] } = {}): DutyDirectory {
  const contacts = o.contacts ?? [
    contact('l1'),
    contact('dir', { standingRole: 'OFFICE_DIRECTOR' }),
    contact('act', { standingRole: 'OFFICE_ACTING_DIRECTOR' }),
    contact('g1'),
    contact('head', { standingRole: 'GOV_PRINCIPAL' }),
    contact('exec', { standingRole: 'GOV_EXEC_DEPUTY' }),
  ];
  return {
    officeLeaderOnDuty: 'l1',
    govLeaderOnDuty: 'g1',
    byRole: {
      OFFICE_DIRECTOR: 'dir',
      OFFICE_ACTING_DIRECTOR: 'act',
      GOV_PRINCIPAL: 'head',
      GOV_EXEC_DEPUTY: 'exec',
    },
    contact: (id) => contacts.find((c) => c.personId === id),
    ...o,
  };
}
