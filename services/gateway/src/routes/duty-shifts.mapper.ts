import type { dutyShiftsV1 } from '@gov/contracts';
import { orNull } from './common.mapper';

/** proto → JSON for duty shifts: empty strings (proto3's "unset") become null. */
export const handoverToJson = (h: dutyShiftsV1.Handover) => ({
  id: h.id,
  fromShiftId: h.fromShiftId,
  toShiftId: h.toShiftId,
  outgoingOfficerId: h.outgoingOfficerId,
  incomingOfficerId: h.incomingOfficerId,
  shiftStart: h.shiftStart,
  status: h.status,
  checkInAt: orNull(h.checkInAt),
  onTime: h.checkInAt ? h.onTime : null,
  lateAlertedAt: orNull(h.lateAlertedAt),
  atRiskAt: orNull(h.atRiskAt),
  pendingItems: h.pendingItems.map((i) => ({ kind: i.kind, refId: i.refId, note: i.note })),
  logSeqsToConfirm: h.logSeqsToConfirm,
  confirmedLogSeqs: h.confirmedLogSeqs,
  notes: h.notes,
  outgoingSignedAt: orNull(h.outgoingSignedAt),
  incomingSignedAt: orNull(h.incomingSignedAt),
  shiftEndedAt: orNull(h.shiftEndedAt),
});

const side = (s: dutyShiftsV1.SwapSide | undefined) =>
  s ? { personId: s.personId, shiftType: s.shiftType, startsAt: s.startsAt } : null;

export const swapToJson = (s: dutyShiftsV1.ShiftSwap) => ({
  id: s.id,
  rosterId: s.rosterId,
  first: side(s.first),
  second: side(s.second),
  reason: s.reason,
  requestedBy: s.requestedBy,
  requestedAt: s.requestedAt,
  agreedBy: s.agreedBy,
  status: s.status,
  decidedBy: orNull(s.decidedBy),
  decidedAt: orNull(s.decidedAt),
  decisionNote: orNull(s.decisionNote),
  rosterVersion: s.rosterVersion || null,
});

export const violationToJson = (v: dutyShiftsV1.Violation) => ({
  id: v.id,
  personId: v.personId,
  type: v.type,
  incidentId: orNull(v.incidentId),
  evidence: v.evidence,
  circularLevel: orNull(v.circularLevel),
  causedByLeavingPost: v.causedByLeavingPost,
  occurredAt: v.occurredAt,
  status: v.status,
  circularCountYear: v.status === 'CONFIRMED' ? v.circularCountYear : null,
  consequence: orNull(v.consequence),
  recordedBy: v.recordedBy,
  decidedBy: orNull(v.decidedBy),
  decidedAt: orNull(v.decidedAt),
  decisionNote: orNull(v.decisionNote),
});
