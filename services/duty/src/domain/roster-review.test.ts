import type { Actor } from '@gov/platform/auth';
import { defaultCalendar } from '@gov/platform/calendar';
import { coveredDay, sh, shift } from './duty.fixtures';
import { defaultShiftPolicy as office } from './roster';
import {
  approveDraft,
  checkFairness,
  checkHolidayLead,
  lockRoster,
  newDraft,
  publishDraft,
  publishedRoster,
  rejectDraft,
  reviseDraft,
  submitDraft,
  type RosterDraft,
  quarterBounds,
  quarterOf,
} from './roster-review';

const policy = { office, holidayLeadWorkingDays: 3 };
const actor = (userId: string, ...roles: string[]): Actor => ({
  userId,
  name: userId,
  orgUnitId: 'duty-room',
  roles,
  clearance: 'INTERNAL',
});
const admin = actor('sec', 'ROSTER_ADMIN');
const director = actor('dir', 'OFFICE_DIRECTOR');
const manager = actor('mgr', 'DUTY_ROOM_MANAGER');

/** A two-day regular roster that passes every rule, with overrides. */
function draft(o: Partial<RosterDraft> = {}): RosterDraft {
  return {
    id: 'rd1',
    kind: 'REGULAR',
    status: 'DRAFT',
    periodStart: sh('2026-09-14 08:30'),
    periodEnd: sh('2026-09-16 08:30'),
    shifts: [
      ...coveredDay('2026-09-14', { day: 'o1', night: 'o2', leader: 'l1', gov: 'g1' }),
      ...coveredDay('2026-09-15', { day: 'o3', night: 'o1', leader: 'l2', gov: 'g1' }),
    ],
    contacts: [],
    restOverrides: [],
    preparedBy: 'sec',
    ...o,
  };
}
const approved = (o: Partial<RosterDraft> = {}) =>
  approveDraft(submitDraft(draft(o), office, sh('2026-09-01 09:00')).next, director, sh('2026-09-01 10:00')).next;

describe('lockRoster', () => {
  it('locks a published roster once its period has ended, announcing its last version (spec duty §4.3 PUBLISHED → LOCKED)', () => {
    const p = publishDraft(approved(), director, sh('2026-09-01 11:00'), defaultCalendar, policy).next;
    expect(lockRoster(p, sh('2026-09-16 08:29'))).toBeUndefined();
    const t = lockRoster({ ...p, publishedVersion: 3 }, sh('2026-09-16 08:30'));
    expect(t?.next).toMatchObject({ status: 'LOCKED', lockedAt: sh('2026-09-16 08:30') });
    expect(t?.events).toEqual([
      {
        type: 'roster.locked',
        rosterId: 'rd1',
        version: 3,
        periodEnd: sh('2026-09-16 08:30'),
        at: sh('2026-09-16 08:30'),
      },
    ]);
    expect(t?.action).toBe('roster.locked');
    // locked already, or never published: nothing to do
    expect(lockRoster(t!.next, sh('2026-09-17 09:00'))).toBeUndefined();
    expect(lockRoster(approved(), sh('2026-09-17 09:00'))).toBeUndefined();
  });
});

describe('roster review (spec duty §4.3)', () => {
  it('walks DRAFT → SUBMITTED → APPROVED → PUBLISHED and emits duty.roster.published (spec duty §4.3, §16.1)', () => {
    const s = submitDraft(draft(), office, sh('2026-09-01 09:00'));
    expect(s.next.status).toBe('SUBMITTED');
    const a = approveDraft(s.next, manager, sh('2026-09-01 10:00'));
    expect(a.next).toMatchObject({ status: 'APPROVED', approvedBy: 'mgr' });
    const p = publishDraft(a.next, director, sh('2026-09-01 11:00'), defaultCalendar, policy);
    expect(p.next).toMatchObject({ status: 'PUBLISHED', publishedVersion: 1, publishedBy: 'dir' });
    expect(p.events).toEqual([
      expect.objectContaining({ type: 'roster.published', rosterId: 'rd1', version: 1, shifts: draft().shifts }),
    ]);
    expect(publishedRoster(p.next)).toMatchObject({ id: 'rd1', version: 1, shifts: draft().shifts });
  });

  it('refuses to submit a draft with an uncovered night as COVERAGE_GAP (spec duty §4.3 guard RS-1, §19 scenario 1)', () => {
    const shifts = draft().shifts.filter((x) => !(x.type === 'OFFICE_NIGHT' && x.personId === 'o2'));
    expect(() => submitDraft(draft({ shifts }), office, sh('2026-09-01 09:00'))).toThrow(
      expect.objectContaining({ code: 'COVERAGE_GAP' }),
    );
  });

  it('refuses to submit a day without an office leader (spec duty §4.3 guard RS-3, §19 scenario 2)', () => {
    const shifts = draft().shifts.filter((x) => x.personId !== 'l2');
    expect(() => submitDraft(draft({ shifts }), office, sh('2026-09-01 09:00'))).toThrow(
      expect.objectContaining({ code: 'NO_LEADER_ON_DUTY' }),
    );
  });

  it('refuses a night followed directly by a day unless an override gives a reason (spec duty §4.2 RS-4)', () => {
    const shifts = [
      ...coveredDay('2026-09-14', { day: 'o1', night: 'o2', leader: 'l1', gov: 'g1' }),
      ...coveredDay('2026-09-15', { day: 'o2', night: 'o1', leader: 'l2', gov: 'g1' }),
    ];
    expect(() => submitDraft(draft({ shifts }), office, sh('2026-09-01 09:00'))).toThrow(
      expect.objectContaining({ code: 'ROSTER_NIGHT_THEN_DAY' }),
    );
    const restOverrides = [{ personId: 'o2', startsAt: sh('2026-09-15 08:30'), reason: '人手不足，经主任同意' }];
    expect(submitDraft(draft({ shifts, restOverrides }), office, sh('2026-09-01 09:00')).next.status).toBe('SUBMITTED');
  });

  it('refuses to submit shift counts that differ by more than one unless exempted (spec duty §4.2 RS-2)', () => {
    const shifts = [
      ...coveredDay('2026-09-14', { day: 'o1', night: 'o2', leader: 'l1', gov: 'g1' }),
      ...coveredDay('2026-09-15', { day: 'o3', night: 'o1', leader: 'l2', gov: 'g1' }),
      shift({ type: 'OFFICE_DAY', personId: 'o1' }, '2026-09-14 12:00', '2026-09-14 13:00'),
    ]
      .filter(
        (x) =>
          !(x.type === 'OFFICE_DAY' && x.personId === 'o1' && x.endsAt.getTime() === sh('2026-09-14 18:00').getTime()),
      )
      .concat(shift({ type: 'OFFICE_DAY', personId: 'o1' }, '2026-09-14 08:30', '2026-09-14 12:00'))
      .concat(shift({ type: 'OFFICE_DAY', personId: 'o1' }, '2026-09-14 13:00', '2026-09-14 18:00'));
    expect(() => checkFairness(shifts)).toThrow(expect.objectContaining({ code: 'ROSTER_UNFAIR' }));
    expect(() => checkFairness(shifts, 'o3 病假，经批准')).not.toThrow();
  });

  it('counts RS-2 over the calendar quarter with the rosters already approved, each shift in the quarter it starts (spec duty §4.2 RS-2)', () => {
    // each stretch is fair on its own (two shifts for o1 and o2, one for o3 and o4), but o1 and o2 take the extra
    // shifts both times
    const week = (d1: string, d2: string, d3: string) => [
      ...coveredDay(d1, { day: 'o1', night: 'o2', leader: 'l1', gov: 'g1' }),
      ...coveredDay(d2, { day: 'o1', night: 'o2', leader: 'l2', gov: 'g1' }),
      ...coveredDay(d3, { day: 'o3', night: 'o4', leader: 'l1', gov: 'g1' }),
    ];
    const first = week('2026-09-14', '2026-09-15', '2026-09-16');
    const second = week('2026-09-21', '2026-09-22', '2026-09-23');
    expect(() => checkFairness(second)).not.toThrow();
    expect(() => checkFairness(second, '', first)).toThrow(expect.objectContaining({ code: 'ROSTER_UNFAIR' }));
    expect(() => checkFairness(second, 'o2 借调两周，经主任批准', first)).not.toThrow();
    // the same imbalance in the previous quarter does not count against this one
    const june = week('2026-06-15', '2026-06-16', '2026-06-17');
    expect(() => checkFairness(second, '', june)).not.toThrow();
    expect(quarterOf(sh('2026-09-30 18:00'))).toBe('2026-Q3');
    expect(quarterOf(new Date('2026-09-30T16:00:00Z'))).toBe('2026-Q4'); // 10-01 00:00 in Shanghai
    expect(quarterBounds('2026-Q4')).toEqual({
      start: new Date('2026-09-30T16:00:00Z'),
      end: new Date('2026-12-31T16:00:00Z'),
    });
  });

  it('lets only the office director or the duty-room manager approve (spec duty §3.2, §4.3)', () => {
    const s = submitDraft(draft(), office, sh('2026-09-01 09:00')).next;
    expect(() => approveDraft(s, admin, sh('2026-09-01 10:00'))).toThrow(
      expect.objectContaining({ code: 'ROSTER_REVIEW_NOT_PERMITTED' }),
    );
    expect(() => publishDraft(approved(), admin, sh('2026-09-01 11:00'), defaultCalendar, policy)).toThrow(
      expect.objectContaining({ code: 'ROSTER_REVIEW_NOT_PERMITTED' }),
    );
  });

  it('returns a rejected roster to DRAFT with the reason, and it can be revised and resubmitted (spec duty §4.3)', () => {
    const s = submitDraft(draft(), office, sh('2026-09-01 09:00')).next;
    expect(() => rejectDraft(s, director, '  ')).toThrow(expect.objectContaining({ code: 'ROSTER_INPUT_INVALID' }));
    const r = rejectDraft(s, director, '国庆前请调整带班领导');
    expect(r.next).toMatchObject({ status: 'DRAFT', rejectedBy: 'dir', rejectionReason: '国庆前请调整带班领导' });
    expect(r.next.submittedAt).toBeUndefined();
    const revised = reviseDraft(r.next, { shifts: draft().shifts, contacts: [], restOverrides: [] }).next;
    expect(submitDraft(revised, office, sh('2026-09-01 12:00')).next.status).toBe('SUBMITTED');
  });

  it('refuses commands out of order with ROSTER_STATE (spec duty §4.3)', () => {
    expect(() => approveDraft(draft(), director, sh('2026-09-01 10:00'))).toThrow(
      expect.objectContaining({ code: 'ROSTER_STATE' }),
    );
    expect(() => publishDraft(draft(), director, sh('2026-09-01 10:00'), defaultCalendar, policy)).toThrow(
      expect.objectContaining({ code: 'ROSTER_STATE' }),
    );
    const s = submitDraft(draft(), office, sh('2026-09-01 09:00')).next;
    expect(() => reviseDraft(s, { shifts: [], contacts: [], restOverrides: [] })).toThrow(
      expect.objectContaining({ code: 'ROSTER_STATE' }),
    );
    expect(() => publishedRoster(s)).toThrow(expect.objectContaining({ code: 'ROSTER_STATE' }));
  });

  it('requires the holiday of a HOLIDAY roster and a period that ends after it starts (spec duty §15.1)', () => {
    const base = { ...draft(), holidayName: undefined };
    expect(() => newDraft({ ...base, kind: 'HOLIDAY' }, 'sec')).toThrow(
      expect.objectContaining({ code: 'ROSTER_INPUT_INVALID' }),
    );
    expect(() => newDraft({ ...base, periodEnd: base.periodStart }, 'sec')).toThrow(
      expect.objectContaining({ code: 'ROSTER_INPUT_INVALID' }),
    );
    expect(newDraft(base, 'sec').next).toMatchObject({ status: 'DRAFT', preparedBy: 'sec' });
  });
});

describe('checkHolidayLead (spec duty §4.2 RS-5)', () => {
  // 2026 National Day: 10-01..10-07; 09-25..27 Mid-Autumn off; the last working days before are 09-28, 29, 30
  const nationalDay = { kind: 'HOLIDAY' as const, periodStart: sh('2026-10-01 08:30') };

  it('publishes a holiday roster 3 working days before National Day 2026, skipping the Mid-Autumn days off', () => {
    expect(() => checkHolidayLead(nationalDay, sh('2026-09-24 17:00'), defaultCalendar, 3)).not.toThrow();
  });

  it('refuses it with ROSTER_PUBLISH_TOO_LATE when fewer working days remain', () => {
    expect(() => checkHolidayLead(nationalDay, sh('2026-09-28 09:00'), defaultCalendar, 3)).toThrow(
      expect.objectContaining({ code: 'ROSTER_PUBLISH_TOO_LATE', message: expect.stringContaining('2 remain') }),
    );
    expect(() => checkHolidayLead(nationalDay, sh('2026-10-02 09:00'), defaultCalendar, 3)).toThrow(
      expect.objectContaining({ code: 'ROSTER_PUBLISH_TOO_LATE' }),
    );
  });

  it('counts a make-up Saturday as a working day (Spring Festival 2026: 02-14 is worked)', () => {
    // the holiday starts 02-15; 02-12, 02-13 and the make-up 02-14 are the three working days before it
    const spring = { kind: 'HOLIDAY' as const, periodStart: sh('2026-02-15 08:30') };
    expect(() => checkHolidayLead(spring, sh('2026-02-11 18:00'), defaultCalendar, 3)).not.toThrow();
    expect(() => checkHolidayLead(spring, sh('2026-02-12 09:00'), defaultCalendar, 3)).toThrow(
      expect.objectContaining({ code: 'ROSTER_PUBLISH_TOO_LATE', message: expect.stringContaining('2 remain') }),
    );
  });

  it('follows the configured lead instead of the default 3 (spec duty §4.2 RS-5 [inferred])', () => {
    expect(() => checkHolidayLead(nationalDay, sh('2026-09-28 09:00'), defaultCalendar, 2)).not.toThrow();
  });

  it('does not apply to a REGULAR roster', () => {
    expect(() =>
      checkHolidayLead({ ...nationalDay, kind: 'REGULAR' }, sh('2026-09-30 09:00'), defaultCalendar, 3),
    ).not.toThrow();
  });

  it('is checked when an approved HOLIDAY roster is published (spec duty §4.3 APPROVED → PUBLISHED)', () => {
    const a = approved({ kind: 'HOLIDAY', holidayName: 'National Day' });
    expect(() =>
      publishDraft(
        { ...a, periodStart: sh('2026-09-14 08:30') },
        director,
        sh('2026-09-11 09:00'),
        defaultCalendar,
        policy,
      ),
    ).toThrow(expect.objectContaining({ code: 'ROSTER_PUBLISH_TOO_LATE' }));
    expect(publishDraft(a, director, sh('2026-09-08 09:00'), defaultCalendar, policy).next.status).toBe('PUBLISHED');
  });
});
