import {
  assertShiftMayClose,
  checkIn,
  confirmLogRead,
  defaultHandoverPolicy as p,
  handoverClocks,
  markAtRisk,
  presentPending,
  signIncoming,
  signOutgoing,
  type Handover,
} from './handover';
import { sh } from './duty.fixtures';

const scheduled = (start = '2024-10-03 08:30'): Handover => ({
  shiftStart: sh(start),
  state: 'SCHEDULED',
  pending: [],
  logSeqsToConfirm: [],
  confirmedLogSeqs: [],
});

describe('handover', () => {
  it('counts a check-in at 08:22 for an 08:30 shift as late, 08:19 as on time; the alert is due 08:20 (spec duty §19 scenario 3, HO-1)', () => {
    expect(checkIn(scheduled(), sh('2024-10-03 08:22'), p).onTime).toBe(false);
    expect(checkIn(scheduled(), sh('2024-10-03 08:19'), p).onTime).toBe(true);
    expect(handoverClocks(scheduled(), p).lateAlertAt).toEqual(sh('2024-10-03 08:20'));
  });

  it('refuses the incoming signature until the log since the last handover is confirmed, then completes (spec duty §19 scenario 4)', () => {
    let h = checkIn(scheduled(), sh('2024-10-03 08:15'), p);
    h = presentPending(h, ['inc-1', 'slip-7'], [41, 42]);
    h = signOutgoing(h, sh('2024-10-03 08:25'));
    expect(() => signIncoming(h, sh('2024-10-03 08:26'))).toThrow(
      expect.objectContaining({ code: 'HANDOVER_LOG_NOT_CONFIRMED' }),
    );
    const done = signIncoming(confirmLogRead(h, [41, 42]), sh('2024-10-03 08:27'));
    expect(done.state).toBe('COMPLETED');
    expect(done.pending).toEqual(['inc-1', 'slip-7']);
  });

  it('puts the post at risk when nobody checks in by 18:00, and the day officer cannot end the shift (spec duty §19 scenario 5)', () => {
    const h = markAtRisk(scheduled('2024-10-03 18:00'), sh('2024-10-03 18:00'));
    expect(h.state).toBe('AT_RISK');
    expect(() => assertShiftMayClose(h)).toThrow(expect.objectContaining({ code: 'HANDOVER_NOT_COMPLETED' }));
    expect(markAtRisk(scheduled('2024-10-03 18:00'), sh('2024-10-03 17:59')).state).toBe('SCHEDULED');
  });

  it('follows a configured arrival lead instead of the seed 10 minutes', () => {
    expect(checkIn(scheduled(), sh('2024-10-03 08:22'), { earlyArrivalMin: 5 }).onTime).toBe(true);
  });
});
