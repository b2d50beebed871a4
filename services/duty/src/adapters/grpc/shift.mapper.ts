import type { dutyShiftsV1 } from '@gov/contracts';
import type { HandoverRecord } from '../../domain/handover-record';
import type { PendingItem } from '../../domain/shift-events';
import type { ShiftSwap, SwapSide } from '../../domain/swap';
import type { Violation } from '../../domain/violation';

/** Instants as RFC 3339, empty when unset (proto3 strings have no null). */
const iso = (d: Date | undefined): string => (d ? new Date(d).toISOString() : '');
const item = (i: PendingItem): dutyShiftsV1.PendingItem => ({ kind: i.kind, refId: i.refId, note: i.note });

export const toProtoHandover = (h: HandoverRecord): dutyShiftsV1.Handover => ({
  id: h.id,
  fromShiftId: h.fromShiftId,
  toShiftId: h.toShiftId,
  outgoingOfficerId: h.outgoingOfficerId,
  incomingOfficerId: h.incomingOfficerId,
  shiftStart: iso(h.shiftStart),
  status: h.state,
  checkInAt: iso(h.checkInAt),
  onTime: h.onTime ?? false,
  lateAlertedAt: iso(h.lateAlertedAt),
  atRiskAt: iso(h.atRiskAt),
  pendingItems: h.pendingItems.map(item),
  logSeqsToConfirm: h.logSeqsToConfirm,
  confirmedLogSeqs: h.confirmedLogSeqs,
  notes: h.notes,
  outgoingSignedAt: iso(h.outgoingSignedAt),
  incomingSignedAt: iso(h.incomingSignedAt),
  shiftEndedAt: iso(h.shiftEndedAt),
});

/** Wire pending items to domain ones (kind and refId are checked by the use case). */
export const fromProtoItems = (items: dutyShiftsV1.PendingItem[]): PendingItem[] =>
  items.map((i) => ({ kind: i.kind.trim(), refId: i.refId.trim(), note: i.note }));

const side = (s: SwapSide): dutyShiftsV1.SwapSide => ({
  personId: s.personId,
  shiftType: s.shiftType,
  startsAt: iso(s.startsAt),
});

export const toProtoSwap = (s: ShiftSwap): dutyShiftsV1.ShiftSwap => ({
  id: s.id,
  rosterId: s.rosterId,
  first: side(s.first),
  second: side(s.second),
  reason: s.reason,
  requestedBy: s.requestedBy,
  requestedAt: iso(s.requestedAt),
  status: s.status,
  decidedBy: s.decidedBy ?? '',
  decidedAt: iso(s.decidedAt),
  decisionNote: s.decisionNote ?? '',
  rosterVersion: s.rosterVersion ?? 0,
  agreedBy: s.agreedBy,
});

export const toProtoViolation = (v: Violation): dutyShiftsV1.Violation => ({
  id: v.id,
  personId: v.personId,
  type: v.type,
  incidentId: v.incidentId ?? '',
  evidence: v.evidence,
  circularLevel: v.circularLevel ?? '',
  causedByLeavingPost: v.causedByLeavingPost,
  occurredAt: iso(v.occurredAt),
  status: v.status,
  circularCountYear: v.circularCountYear ?? 0,
  consequence: v.consequence ?? '',
  recordedBy: v.recordedBy,
  decidedBy: v.decidedBy ?? '',
  decidedAt: iso(v.decidedAt),
  decisionNote: v.decisionNote ?? '',
});
