import { sh } from './duty.fixtures';
import {
  circularYear,
  confirmViolation,
  dismissViolation,
  lateCheckinCandidate,
  recordViolation,
  type Violation,
} from './violation';

const candidate = (o: Partial<Parameters<typeof recordViolation>[0]> = {}): Violation =>
  recordViolation(
    {
      id: 'v1',
      personId: 'p1',
      type: 'LATE_REPORT',
      incidentId: 'inc-1',
      evidence: '离岗致迟报，市政府办通报',
      circularLevel: 'CITY',
      causedByLeavingPost: true,
      occurredAt: sh('2024-05-01 10:00'),
      ...o,
    },
    'mgr',
    sh('2024-05-02 10:00'),
  ).next;

describe('violation', () => {
  it('confirms the first city circular of the year as WITHHOLD_50_PCT_MONTH, the second as full month and a failing rating (spec duty §19 scenario 25, §11.2 PN-2/PN-3, PN-6)', () => {
    const first = confirmViolation(candidate(), 1, 'dir', '', sh('2024-05-03 09:00'));
    expect(first.next).toMatchObject({
      status: 'CONFIRMED',
      consequence: 'WITHHOLD_50_PCT_MONTH',
      circularCountYear: 1,
    });
    expect(first.events).toEqual([
      expect.objectContaining({
        type: 'violation.confirmed',
        personId: 'p1',
        violationType: 'LATE_REPORT',
        circularCount: 1,
        consequence: 'WITHHOLD_50_PCT_MONTH',
      }),
    ]);
    const second = confirmViolation(candidate({ id: 'v2' }), 2, 'dir', '', sh('2024-09-03 09:00'));
    expect(second.next.consequence).toBe('WITHHOLD_FULL_MONTH_AND_YEAR_END_UNSATISFACTORY');
  });

  it('gives no penalty for a violation without a circular (spec duty §11.2)', () => {
    const t = confirmViolation(candidate({ circularLevel: '' }), 0, 'dir', '', sh('2024-05-03 09:00'));
    expect(t.next.consequence).toBe('NONE');
  });

  it('counts circulars per calendar year in Shanghai time (spec duty §11.2 PN-5)', () => {
    expect(circularYear({ occurredAt: sh('2024-12-31 23:30') })).toBe(2024);
    expect(circularYear({ occurredAt: sh('2025-01-01 00:30') })).toBe(2025);
  });

  it('decides a candidate once and needs a reason to dismiss it (spec duty §11.1)', () => {
    const done = confirmViolation(candidate(), 1, 'dir', '', sh('2024-05-03 09:00')).next;
    expect(() => confirmViolation(done, 1, 'dir', '', sh('2024-05-03 09:01'))).toThrow(
      expect.objectContaining({ code: 'VIOLATION_STATE' }),
    );
    expect(() => dismissViolation(candidate(), 'dir', ' ', sh('2024-05-03 09:00'))).toThrow(
      expect.objectContaining({ code: 'SHIFT_INPUT_INVALID' }),
    );
    expect(dismissViolation(candidate(), 'dir', '查无实据', sh('2024-05-03 09:00')).next.status).toBe('DISMISSED');
  });

  it('refuses an unknown type or circular level with a field violation (spec duty §11.1, §15.6)', () => {
    expect(() => candidate({ type: 'SLEEPING' })).toThrow(
      expect.objectContaining({
        code: 'SHIFT_INPUT_INVALID',
        violations: [expect.objectContaining({ field: 'type' })],
      }),
    );
    expect(() => candidate({ circularLevel: 'COUNTY' })).toThrow(
      expect.objectContaining({ code: 'SHIFT_INPUT_INVALID' }),
    );
    expect(() => candidate({ occurredAt: sh('2024-06-01 00:00') })).toThrow(
      expect.objectContaining({ code: 'SHIFT_INPUT_INVALID' }),
    );
  });
});

describe(lateCheckinCandidate.name, () => {
  const handover = (checkIn: string) => ({
    id: 'ho-1',
    shiftStart: sh('2024-10-03 08:30'),
    checkInAt: sh(checkIn),
    incomingOfficerId: 'li',
  });

  it('raises a LATE_CHECKIN candidate for a check-in past start − 10 min beyond the configured tolerance (spec duty §5 HO-1, §11.1)', () => {
    const p = { earlyArrivalMin: 10, lateCheckinToleranceMin: 5 };
    expect(lateCheckinCandidate(handover('2024-10-03 08:20'), 'v', p)).toBeNull();
    expect(lateCheckinCandidate(handover('2024-10-03 08:25'), 'v', p)).toBeNull();
    const t = lateCheckinCandidate(handover('2024-10-03 08:26'), 'v', p);
    expect(t?.next).toMatchObject({ id: 'v', personId: 'li', type: 'LATE_CHECKIN', status: 'CANDIDATE' });
    expect(t?.events).toEqual([expect.objectContaining({ type: 'violation.candidate', handoverId: 'ho-1' })]);
  });

  it('with no tolerance any lateness counts, and it carries no penalty by itself (spec duty §5, §11.2)', () => {
    const t = lateCheckinCandidate(handover('2024-10-03 08:21'), 'v', { earlyArrivalMin: 10 });
    expect(t?.next.type).toBe('LATE_CHECKIN');
    expect(confirmViolation(t!.next, 0, 'dir', '', sh('2024-10-04 10:00')).next.consequence).toBe('NONE');
    expect(
      lateCheckinCandidate({ ...handover('2024-10-03 08:21'), checkInAt: undefined }, 'v', { earlyArrivalMin: 10 }),
    ).toBeNull();
  });
});
