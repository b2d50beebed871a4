/**
 * CloudEvents `ce_type` values of duty shifts on gov.duty.events.v1 (produced by duty, messages in
 * gov.duty.shifts.events.v1; key = the handover, swap or violation id). Read by supervision and finance.
 */
export const dutyShiftEventTypes = {
  handoverIncomingLate: 'gov.duty.handover.incoming_late',
  postAtRisk: 'gov.duty.post.at_risk',
  handoverCompleted: 'gov.duty.handover.completed',
  shiftEnded: 'gov.duty.shift.ended',
  shiftSwapApproved: 'gov.duty.roster.swap_approved',
  violationConfirmed: 'gov.duty.violation.confirmed',
} as const;
