import { draftHolidayShifts, holidayRosterPeriod } from '../domain/holiday-roster';
import type { Contact } from '../domain/roster';
import { mayReview, newDraft, rosterPreparers, type RosterDraft } from '../domain/roster-review';
import { invalidRoster, RosterReviewError } from '../domain/roster-review-error';
import { createDraftOnce, type RosterReviewDeps } from './roster-review';
import type { Actor } from './roster-review-ports';

/** A person of a pool, with what the alert path needs to reach them. */
export interface PoolMember {
  personId: string;
  name: string;
  phone: string;
}

/**
 * Drafts a HOLIDAY roster for a holiday of the working-day calendar (spec duty §4.2 RS-2..RS-5, 000 L78 holiday
 * duty arranged by 秘书科): officers on day and night shifts and leaders on 24-hour duty, in rotation. The draft
 * then goes through review like any other (§4.3).
 */
export function createDraftHolidayRoster(
  deps: Pick<RosterReviewDeps, 'drafts' | 'clock' | 'idempotency' | 'calendar' | 'policy'>,
) {
  return async function draftHolidayRoster(
    cmd: {
      idempotencyKey: string;
      holidayName: string;
      year: number;
      officers: PoolMember[];
      leaders: PoolMember[];
      govLeaders: PoolMember[];
      contacts: Contact[];
    },
    actor: Actor,
  ): Promise<RosterDraft> {
    mayReview(actor, rosterPreparers, 'drafting a holiday roster');
    if (!cmd.holidayName.trim()) throw invalidRoster('holidayName', 'is required');
    const name = cmd.holidayName.trim();
    const all = deps.calendar.holidays(cmd.year);
    const holiday = all.find((h) => h.name === name || h.nameZh === name);
    if (!holiday)
      throw new RosterReviewError(
        'HOLIDAY_NOT_FOUND',
        `no holiday '${name}' in ${cmd.year}; the calendar has: ${all.map((h) => h.name).join(', ') || 'none'}`,
      );
    const ids = (pool: PoolMember[]) => pool.map((p) => p.personId);
    const shifts = draftHolidayShifts(
      holiday,
      { officers: ids(cmd.officers), leaders: ids(cmd.leaders), govLeaders: ids(cmd.govLeaders) },
      deps.policy.office,
    );
    const contacts = new Map<string, Contact>();
    for (const p of [...cmd.officers, ...cmd.leaders, ...cmd.govLeaders])
      contacts.set(p.personId, { personId: p.personId, name: p.name, phone: p.phone, away: false });
    for (const c of cmd.contacts) contacts.set(c.personId, c);
    return createDraftOnce(deps, { scope: 'duty.roster.holiday', key: cmd.idempotencyKey, request: cmd, actor }, (id) =>
      newDraft(
        {
          id,
          kind: 'HOLIDAY',
          holidayName: holiday.name,
          ...holidayRosterPeriod(holiday, deps.policy.office),
          shifts,
          contacts: [...contacts.values()],
          restOverrides: [],
        },
        actor.userId,
      ),
    );
  };
}
