import { checkCoverage, defaultShiftPolicy, nightsFollowedByDay, onDutyAt, shiftWindows } from './roster';
import { coveredDay, roster, sh, shift } from './duty.fixtures';

describe('checkCoverage', () => {
  it('publishes a roster that covers every instant with an officer and one leader (spec duty §4.2 RS-1)', () => {
    expect(() => checkCoverage(roster(), defaultShiftPolicy)).not.toThrow();
  });

  it('rejects a night with no duty officer as COVERAGE_GAP (spec duty §19 scenario 1, RS-1)', () => {
    const shifts = coveredDay('2024-10-03').filter((s) => s.type !== 'OFFICE_NIGHT');
    expect(() => checkCoverage(roster({ shifts }), defaultShiftPolicy)).toThrow(
      expect.objectContaining({ code: 'COVERAGE_GAP', message: expect.stringContaining('2024-10-03T10:00:00.000Z') }),
    );
  });

  it('rejects a holiday day with no office leader on 24-hour duty (spec duty §19 scenario 2, RS-3)', () => {
    const shifts = [
      ...coveredDay('2024-10-03'),
      ...coveredDay('2024-10-04').filter((s) => s.type !== 'OFFICE_LEADER_24H'),
    ];
    const r = roster({ shifts, periodEnd: sh('2024-10-05 08:30') });
    expect(() => checkCoverage(r, defaultShiftPolicy)).toThrow(expect.objectContaining({ code: 'NO_LEADER_ON_DUTY' }));
  });

  it('rejects two leaders on duty at once (spec duty §4.2 RS-1 "exactly 1 leader")', () => {
    const shifts = [
      ...coveredDay('2024-10-03'),
      shift({ type: 'OFFICE_LEADER_24H', personId: 'l2' }, '2024-10-03 08:30', '2024-10-04 08:30'),
    ];
    expect(() => checkCoverage(roster({ shifts }), defaultShiftPolicy)).toThrow(
      expect.objectContaining({ code: 'NO_LEADER_ON_DUTY' }),
    );
  });

  it('rejects one person holding two overlapping shifts (spec duty §4.2 RS-4)', () => {
    const shifts = coveredDay('2024-10-03', { day: 'o1', night: 'o2', leader: 'o1', gov: 'g1' });
    expect(() => checkCoverage(roster({ shifts }), defaultShiftPolicy)).toThrow(
      expect.objectContaining({ code: 'OVERLAPPING_SHIFTS' }),
    );
  });
});

describe('shiftWindows', () => {
  it('cuts office days at 08:30 and 18:00 Shanghai time (spec duty §4.1, 003 L388)', () => {
    const w = shiftWindows(sh('2024-10-03 08:30'), sh('2024-10-04 08:30'), defaultShiftPolicy);
    expect(w.filter((x) => x.type === 'OFFICE_DAY').map((x) => [x.startsAt, x.endsAt])).toEqual([
      [sh('2024-10-03 08:30'), sh('2024-10-03 18:00')],
    ]);
    expect(w.find((x) => x.type === 'OFFICE_NIGHT')?.endsAt).toEqual(sh('2024-10-04 08:30'));
  });

  it('follows configured hours instead of the seed defaults (spec duty §4.1 [config])', () => {
    const w = shiftWindows(sh('2024-10-03 09:00'), sh('2024-10-04 09:00'), {
      dayStartMinute: 9 * 60,
      nightStartMinute: 17 * 60 + 30,
    });
    expect(w.find((x) => x.type === 'OFFICE_DAY')?.endsAt).toEqual(sh('2024-10-03 17:30'));
  });
});

describe('onDutyAt', () => {
  it('answers who is on duty at an instant, the night officer at 18:00 sharp (spec duty §4.1)', () => {
    const at = onDutyAt([roster()], sh('2024-10-03 18:00'));
    expect(at.map((x) => `${x.shift.type}:${x.shift.personId}`).sort()).toEqual([
      'GOV_LEADER_24H:g1',
      'OFFICE_LEADER_24H:l1',
      'OFFICE_NIGHT:o2',
    ]);
  });

  it('answers nobody outside every roster period', () => {
    expect(onDutyAt([roster()], sh('2024-10-05 12:00'))).toEqual([]);
  });
});

describe('nightsFollowedByDay', () => {
  it('finds a night officer who is rostered on the day shift right after (spec duty §4.2 RS-4)', () => {
    const shifts = [
      ...coveredDay('2024-10-03', { day: 'o1', night: 'o2', leader: 'l1', gov: 'g1' }),
      ...coveredDay('2024-10-04', { day: 'o2', night: 'o1', leader: 'l2', gov: 'g2' }),
    ];
    expect(nightsFollowedByDay(shifts)).toEqual([
      { personId: 'o2', nightStartsAt: sh('2024-10-03 18:00'), nextStartsAt: sh('2024-10-04 08:30') },
    ]);
  });

  it('lets a night be followed by a rest day (spec duty §4.2 RS-4)', () => {
    const shifts = [
      ...coveredDay('2024-10-03', { day: 'o1', night: 'o2', leader: 'l1', gov: 'g1' }),
      ...coveredDay('2024-10-04', { day: 'o3', night: 'o1', leader: 'l2', gov: 'g2' }),
    ];
    expect(nightsFollowedByDay(shifts)).toEqual([]);
  });
});
