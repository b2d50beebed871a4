import { sh } from './duty.fixtures';
import { defaultHandoverPolicy as p } from './handover';
import {
  checkInHandover,
  confirmHandoverLog,
  endShift,
  openHandover,
  presentHandoverItems,
  signHandoverIncoming,
  signHandoverOutgoing,
  sweepHandover,
  type HandoverRecord,
} from './handover-record';
import type { PendingItem } from './shift-events';

const opened = (start = '2024-10-03 08:30', carried: PendingItem[] = []): HandoverRecord =>
  openHandover(
    {
      id: 'ho-1',
      fromShiftId: 'night-02',
      toShiftId: 'day-03',
      outgoingOfficerId: 'out',
      incomingOfficerId: 'in',
      shiftStart: sh(start),
      carried,
    },
    sh('2024-10-03 07:00'),
    p,
  ).next;

const item = (refId: string, kind = 'INCIDENT'): PendingItem => ({ kind, refId, note: '' });

describe('handover record', () => {
  it('alerts at 08:20 when the incoming officer is not there, and a check-in at 08:22 is late (spec duty §19 scenario 3, §5 HO-1)', () => {
    const h = opened();
    expect(h.timerDueAt).toEqual(sh('2024-10-03 08:20'));
    expect(sweepHandover(h, sh('2024-10-03 08:19'), p)).toBeNull();
    const alerted = sweepHandover(h, sh('2024-10-03 08:20'), p)!;
    expect(alerted.events).toEqual([
      expect.objectContaining({ type: 'handover.incoming_late', at: sh('2024-10-03 08:20') }),
    ]);
    expect(alerted.next).toMatchObject({ state: 'SCHEDULED', timerDueAt: sh('2024-10-03 08:30') });
    const late = checkInHandover(alerted.next, 'in', sh('2024-10-03 08:22'), p);
    expect(late.next).toMatchObject({ state: 'CHECKED_IN', onTime: false });
    expect(late.next.timerDueAt).toBeUndefined();
    expect(late.events).toEqual([]); // announced once, by the clock
  });

  it('counts a check-in at 08:19 as on time and announces nothing (spec duty §19 scenario 3)', () => {
    const t = checkInHandover(opened(), 'in', sh('2024-10-03 08:19'), p);
    expect(t.next.onTime).toBe(true);
    expect(t.events).toEqual([]);
  });

  it('announces a late arrival at check-in when the clock had not yet done so (spec duty §5 HO-1)', () => {
    const t = checkInHandover(opened(), 'in', sh('2024-10-03 08:25'), p);
    expect(t.events).toEqual([expect.objectContaining({ type: 'handover.incoming_late' })]);
    expect(t.next.lateAlertedAt).toEqual(sh('2024-10-03 08:25'));
  });

  it('lets only the incoming officer check in and only the outgoing officer present and sign (spec duty §3.2 own shift)', () => {
    expect(() => checkInHandover(opened(), 'out', sh('2024-10-03 08:10'), p)).toThrow(
      expect.objectContaining({ code: 'HANDOVER_NOT_YOUR_SHIFT' }),
    );
    const h = checkInHandover(opened(), 'in', sh('2024-10-03 08:10'), p).next;
    expect(() => presentHandoverItems(h, 'in', { items: [], resolvedRefIds: [], notes: '', logSeqs: [] })).toThrow(
      expect.objectContaining({ code: 'HANDOVER_NOT_YOUR_SHIFT' }),
    );
  });

  it('refuses the incoming signature until every log entry since the last handover is confirmed; the items move to the new shift (spec duty §19 scenario 4, HO-2, HO-3)', () => {
    let h = checkInHandover(
      opened('2024-10-03 08:30', [item('inc-1'), item('slip-7', 'CALL_SLIP')]),
      'in',
      sh('2024-10-03 08:15'),
      p,
    ).next;
    h = presentHandoverItems(h, 'out', {
      items: [item('doc-3', 'OFFHOURS_DOCUMENT')],
      resolvedRefIds: ['slip-7'],
      notes: '',
      logSeqs: [41, 42],
    }).next;
    h = signHandoverOutgoing(h, 'out', sh('2024-10-03 08:25')).next;
    expect(() => signHandoverIncoming(h, 'in', sh('2024-10-03 08:26'))).toThrow(
      expect.objectContaining({ code: 'HANDOVER_LOG_NOT_CONFIRMED' }),
    );
    expect(() => confirmHandoverLog(h, 'in', [99])).toThrow(expect.objectContaining({ code: 'SHIFT_INPUT_INVALID' }));
    h = confirmHandoverLog(h, 'in', [41, 42]).next;
    const done = signHandoverIncoming(h, 'in', sh('2024-10-03 08:27'));
    expect(done.next.state).toBe('COMPLETED');
    expect(done.events).toEqual([
      expect.objectContaining({
        type: 'handover.completed',
        toShiftId: 'day-03',
        pendingItems: [item('inc-1'), item('doc-3', 'OFFHOURS_DOCUMENT')],
      }),
    ]);
  });

  it('puts the post at risk at 18:00 with nobody checked in and refuses to end the day shift (spec duty §19 scenario 5, HO-4)', () => {
    const h = opened('2024-10-03 18:00');
    const t = sweepHandover(h, sh('2024-10-03 18:00'), p)!;
    expect(t.next).toMatchObject({ state: 'AT_RISK', atRiskAt: sh('2024-10-03 18:00') });
    expect(t.next.timerDueAt).toBeUndefined();
    // a sweep that missed 17:50 still sends the late alert along with the at-risk one
    expect(t.events.map((e) => e.type)).toEqual(['handover.incoming_late', 'post.at_risk']);
    expect(sweepHandover(t.next, sh('2024-10-03 18:05'), p)).toBeNull();
    expect(() => endShift(t.next, 'out', sh('2024-10-03 18:10'))).toThrow(
      expect.objectContaining({ code: 'HANDOVER_NOT_COMPLETED' }),
    );
    // the incoming officer arriving late still takes over (AT_RISK → CHECKED_IN)
    expect(checkInHandover(t.next, 'in', sh('2024-10-03 18:20'), p).next.state).toBe('CHECKED_IN');
  });

  it('ends the shift once, after completion (spec duty §5 HO-4)', () => {
    let h = checkInHandover(opened(), 'in', sh('2024-10-03 08:10'), p).next;
    h = presentHandoverItems(h, 'out', { items: [], resolvedRefIds: [], notes: '', logSeqs: [] }).next;
    h = signHandoverOutgoing(h, 'out', sh('2024-10-03 08:20')).next;
    h = signHandoverIncoming(h, 'in', sh('2024-10-03 08:21')).next;
    const ended = endShift(h, 'out', sh('2024-10-03 08:30'));
    expect(ended.events).toEqual([expect.objectContaining({ type: 'shift.ended', shiftId: 'night-02' })]);
    expect(() => endShift(ended.next, 'out', sh('2024-10-03 08:31'))).toThrow(
      expect.objectContaining({ code: 'SHIFT_ALREADY_ENDED' }),
    );
  });

  it('refuses a handover from a person to themselves', () => {
    expect(() =>
      openHandover(
        {
          id: 'x',
          fromShiftId: 'a',
          toShiftId: 'b',
          outgoingOfficerId: 'o',
          incomingOfficerId: 'o',
          shiftStart: sh('2024-10-03 08:30'),
          carried: [],
        },
        sh('2024-10-03 07:00'),
        p,
      ),
    ).toThrow(expect.objectContaining({ code: 'SHIFT_INPUT_INVALID' }));
  });
});
