import { sh, shift } from './duty.fixtures';
import { defaultShiftPolicy, type Roster } from './roster';
import { agreeSwap, approveSwap, assertAmendable, rejectSwap, requestSwap, swappedRoster, type SwapSide } from './swap';

const roster = (): Roster => ({
  id: 'ros-1',
  version: 3,
  periodStart: sh('2024-10-03 08:30'),
  periodEnd: sh('2024-10-04 08:30'),
  shifts: [
    shift({ type: 'OFFICE_DAY', personId: 'a' }, '2024-10-03 08:30', '2024-10-03 18:00'),
    shift({ type: 'OFFICE_NIGHT', personId: 'b' }, '2024-10-03 18:00', '2024-10-04 08:30'),
    shift({ type: 'OFFICE_LEADER_24H', personId: 'l' }, '2024-10-03 08:30', '2024-10-04 08:30'),
  ],
  contacts: [],
});
const side = (personId: string, shiftType: SwapSide['shiftType'], at: string): SwapSide => ({
  personId,
  shiftType,
  startsAt: sh(at),
});
const aDay = side('a', 'OFFICE_DAY', '2024-10-03 08:30');
const bNight = side('b', 'OFFICE_NIGHT', '2024-10-03 18:00');

describe('shift swap', () => {
  it('exchanges the two people and bumps the roster version when coverage still holds (spec duty §4.3 amend, §4.2 RS-1)', () => {
    const next = swappedRoster(roster(), { first: aDay, second: bNight }, defaultShiftPolicy);
    expect(next.version).toBe(4);
    expect(next.shifts.map((s) => s.personId)).toEqual(['b', 'a', 'l']);
  });

  it('refuses a swap that puts a person on two overlapping shifts (spec duty §4.2 RS-4)', () => {
    // b works the night and the next day; taking l's 24-hour leader window would overlap b's own night
    const r: Roster = {
      ...roster(),
      periodEnd: sh('2024-10-04 18:00'),
      shifts: [
        ...roster().shifts,
        shift({ type: 'OFFICE_DAY', personId: 'b' }, '2024-10-04 08:30', '2024-10-04 18:00'),
        shift({ type: 'OFFICE_LEADER_24H', personId: 'm' }, '2024-10-04 08:30', '2024-10-05 08:30'),
      ],
    };
    const swap = {
      first: side('b', 'OFFICE_DAY', '2024-10-04 08:30'),
      second: side('l', 'OFFICE_LEADER_24H', '2024-10-03 08:30'),
    };
    expect(() => swappedRoster(r, swap, defaultShiftPolicy)).toThrow(
      expect.objectContaining({ code: 'OVERLAPPING_SHIFTS' }),
    );
  });

  it('refuses a swap naming a shift the person does not hold', () => {
    expect(() =>
      swappedRoster(
        roster(),
        { first: side('a', 'OFFICE_NIGHT', '2024-10-03 18:00'), second: bNight },
        defaultShiftPolicy,
      ),
    ).toThrow(expect.objectContaining({ code: 'SWAP_SHIFT_NOT_FOUND' }));
  });

  it('needs both people to agree before approval; the one asking has agreed (spec duty §4.3 amend guard)', () => {
    const s = requestSwap(
      { id: 's1', rosterId: 'ros-1', first: aDay, second: bNight, reason: '家中有事' },
      'a',
      sh('2024-10-02 09:00'),
    ).next;
    expect(s.agreedBy).toEqual(['a']);
    expect(() => approveSwap(s, 4, 'mgr', '', sh('2024-10-02 10:00'))).toThrow(
      expect.objectContaining({ code: 'SWAP_NOT_AGREED' }),
    );
    expect(() => agreeSwap(s, 'c')).toThrow(expect.objectContaining({ code: 'SWAP_NOT_A_PARTY' }));
    expect(agreeSwap(s, 'b').next.agreedBy).toEqual(['a', 'b']);
    const byManager = requestSwap(
      { id: 's3', rosterId: 'ros-1', first: aDay, second: bNight, reason: 'x' },
      'mgr',
      sh('2024-10-02 09:00'),
    );
    expect(byManager.next.agreedBy).toEqual([]);
  });

  it('is decided once: approved with the roster version, or rejected with a reason (spec duty §4.3)', () => {
    const asked = requestSwap(
      { id: 's1', rosterId: 'ros-1', first: aDay, second: bNight, reason: '家中有事' },
      'a',
      sh('2024-10-02 09:00'),
    ).next;
    const s = agreeSwap(asked, 'b').next;
    const ok = approveSwap(s, 4, 'mgr', '', sh('2024-10-02 10:00'));
    expect(ok.next).toMatchObject({ status: 'APPROVED', rosterVersion: 4 });
    expect(ok.events).toEqual([expect.objectContaining({ type: 'roster.swap_approved', rosterVersion: 4 })]);
    expect(() => rejectSwap(ok.next, 'mgr', 'no', sh('2024-10-02 10:01'))).toThrow(
      expect.objectContaining({ code: 'SWAP_STATE' }),
    );
    expect(() => rejectSwap(s, 'mgr', '', sh('2024-10-02 10:01'))).toThrow(
      expect.objectContaining({ code: 'SHIFT_INPUT_INVALID' }),
    );
    expect(() =>
      requestSwap({ id: 's2', rosterId: 'r', first: aDay, second: aDay, reason: 'x' }, 'a', sh('2024-10-02 09:00')),
    ).toThrow(expect.objectContaining({ code: 'SHIFT_INPUT_INVALID' }));
  });

  it('announces the amended roster as duty.roster.published at its new version in the approval (spec duty §4.3)', () => {
    const asked = requestSwap(
      { id: 's1', rosterId: 'ros-1', first: aDay, second: bNight, reason: '家中有事' },
      'a',
      sh('2024-10-02 09:00'),
    ).next;
    const amended = swappedRoster(roster(), { first: aDay, second: bNight }, defaultShiftPolicy);
    const ok = approveSwap(agreeSwap(asked, 'b').next, amended.version, 'mgr', '', sh('2024-10-02 10:00'), amended);
    expect(ok.events.map((e) => e.type)).toEqual(['roster.swap_approved', 'roster.published']);
    expect(ok.events[1]).toMatchObject({ rosterId: 'ros-1', version: 4, kind: 'REGULAR', publishedBy: 'mgr' });
    expect((ok.events[1] as { shifts: { personId: string }[] }).shifts.map((s) => s.personId)).toEqual(['b', 'a', 'l']);
  });

  it('refuses to amend a roster that is locked or whose period has ended (spec duty §4.3 LOCKED)', () => {
    const code = (fn: () => void) => {
      try {
        fn();
        return 'none';
      } catch (e) {
        return (e as { code: string }).code;
      }
    };
    expect(code(() => assertAmendable(roster(), sh('2024-10-04 08:29')))).toBe('none');
    expect(code(() => assertAmendable(roster(), sh('2024-10-04 08:30')))).toBe('ROSTER_LOCKED');
    expect(code(() => assertAmendable({ ...roster(), lockedAt: sh('2024-10-03 09:00') }, sh('2024-10-03 10:00')))).toBe(
      'ROSTER_LOCKED',
    );
  });
});
