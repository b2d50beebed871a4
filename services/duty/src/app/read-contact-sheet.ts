import { hasRole } from '@gov/platform/auth';
import type { Clock } from '../domain/clock';
import { buildContactSheet, dutyDateOf, dutyDay, renderContactSheet, type ContactSheet } from '../domain/contact-sheet';
import { DutyError } from '../domain/duty-error';
import type { ReportTarget } from '../domain/reporting-policy';
import type { Actor } from './ports';
import type { RosterCache } from './roster-cache';

/** The desk, its leaders, the log custodian and auditors hold the sheet; it carries private phone numbers. */
const readers = [
  'DUTY_OFFICER',
  'INFO_OFFICER',
  'DUTY_ROOM_MANAGER',
  'OFFICE_LEADER',
  'OFFICE_LEADER_ON_DUTY',
  'OFFICE_DIRECTOR',
  'LOG_CUSTODIAN',
  'AUDITOR',
];

/**
 * NF-8 (spec duty §9.11): the offline contact sheet of one duty day, read from the in-memory roster and the
 * configured report targets — the same sources the alert path uses, so the paper matches what the system would
 * have done. An empty date means the duty day running now.
 */
export function createGetContactSheet(deps: {
  cache: Pick<RosterCache, 'shiftsBetween' | 'directory'>;
  clock: Clock;
  dayStartMinute: number;
  targets: ReportTarget[];
}) {
  return function getContactSheet(cmd: { date: string }, actor: Actor): ContactSheet & { text: string } {
    if (!hasRole(actor, ...readers))
      throw new DutyError('ROSTER_NOT_PERMITTED', 'only the duty desk and its leaders print the contact sheet');
    const now = deps.clock.now();
    const date = cmd.date.trim() || dutyDateOf(now, deps.dayStartMinute);
    const { from, to } = dutyDay(date, deps.dayStartMinute);
    const dir = deps.cache.directory(from);
    const sheet = buildContactSheet({
      date,
      from,
      to,
      generatedAt: now,
      shifts: deps.cache.shiftsBetween(from, to),
      contact: dir.contact,
      byRole: dir.byRole,
      targets: deps.targets,
    });
    return { ...sheet, text: renderContactSheet(sheet) };
  };
}
