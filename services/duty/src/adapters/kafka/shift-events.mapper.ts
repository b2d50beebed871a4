import {
  dutyEventsV1,
  dutyEventTypes,
  dutyShiftEventTypes as types,
  dutyShiftsEventsV1 as ev,
  topics,
} from '@gov/contracts';
import { outboxEntry, type OutboxEntry } from '@gov/platform';
import { atRiskAlertRoles, lateAlertRoles } from '../../domain/handover-record';
import type { ShiftEvent } from '../../domain/shift-events';
import { toRosterOutbox } from './roster-review-events.mapper';

const iso = (d: Date) => d.toISOString();

/**
 * Shift events on gov.duty.events.v1, keyed by the handover, swap or violation id (read by supervision and
 * finance). Event ids are derived from the aggregate and the step, so a re-run of the same write re-sends the
 * same ce_id and consumers drop the copy.
 */
export function toShiftOutbox(events: ShiftEvent[]): OutboxEntry[] {
  return events.map((e) => {
    switch (e.type) {
      case 'handover.incoming_late':
        return outboxEntry({
          topic: topics.duty,
          key: e.handoverId,
          type: types.handoverIncomingLate,
          time: e.at,
          id: `${e.handoverId}:incoming_late`,
          payload: ev.HandoverIncomingLate.encode({
            handoverId: e.handoverId,
            fromShiftId: e.fromShiftId,
            toShiftId: e.toShiftId,
            incomingOfficerId: e.incomingOfficerId,
            shiftStart: iso(e.shiftStart),
            at: iso(e.at),
            alertRoles: lateAlertRoles,
          }).finish(),
        });
      case 'post.at_risk':
        return outboxEntry({
          topic: topics.duty,
          key: e.handoverId,
          type: types.postAtRisk,
          time: e.at,
          id: `${e.handoverId}:at_risk`,
          payload: ev.PostAtRisk.encode({
            handoverId: e.handoverId,
            fromShiftId: e.fromShiftId,
            toShiftId: e.toShiftId,
            outgoingOfficerId: e.outgoingOfficerId,
            incomingOfficerId: e.incomingOfficerId,
            shiftStart: iso(e.shiftStart),
            at: iso(e.at),
            alertRoles: atRiskAlertRoles,
          }).finish(),
        });
      case 'handover.completed':
        return outboxEntry({
          topic: topics.duty,
          key: e.handoverId,
          type: types.handoverCompleted,
          time: e.at,
          id: `${e.handoverId}:completed`,
          payload: ev.HandoverCompleted.encode({
            handoverId: e.handoverId,
            fromShiftId: e.fromShiftId,
            toShiftId: e.toShiftId,
            outgoingOfficerId: e.outgoingOfficerId,
            incomingOfficerId: e.incomingOfficerId,
            onTime: e.onTime,
            pendingItems: e.pendingItems,
            completedAt: iso(e.at),
          }).finish(),
        });
      case 'shift.ended':
        return outboxEntry({
          topic: topics.duty,
          key: e.handoverId,
          type: types.shiftEnded,
          time: e.at,
          id: `${e.handoverId}:shift_ended`,
          payload: ev.ShiftEnded.encode({
            shiftId: e.shiftId,
            handoverId: e.handoverId,
            officerId: e.officerId,
            at: iso(e.at),
          }).finish(),
        });
      case 'roster.swap_approved':
        return outboxEntry({
          topic: topics.duty,
          key: e.swapId,
          type: types.shiftSwapApproved,
          time: e.at,
          id: `${e.swapId}:approved`,
          payload: ev.ShiftSwapApproved.encode({
            swapId: e.swapId,
            rosterId: e.rosterId,
            rosterVersion: e.rosterVersion,
            firstPersonId: e.firstPersonId,
            secondPersonId: e.secondPersonId,
            approvedBy: e.approvedBy,
            at: iso(e.at),
          }).finish(),
        });
      case 'roster.published':
        // the same message and event id as a publication through review: consumers see one kind of announcement
        return toRosterOutbox([e])[0]!;
      case 'violation.candidate':
        // the same ce_type and message as the incident's candidates (LATE_REPORT, REVERSE_FLOW), so supervision
        // reads every candidate one way; handover_id says where this one came from
        return outboxEntry({
          topic: topics.duty,
          key: e.violationId,
          type: dutyEventTypes.violationCandidate,
          time: e.at,
          id: `${e.violationId}:candidate`,
          payload: dutyEventsV1.ViolationCandidateRaised.encode({
            incidentId: '',
            handoverId: e.handoverId,
            violation: {
              id: e.violationId,
              type: e.violationType,
              personId: e.personId,
              obligationId: '',
              at: iso(e.at),
              status: 'CANDIDATE',
            },
          }).finish(),
        });
      case 'violation.confirmed':
        return outboxEntry({
          topic: topics.duty,
          key: e.violationId,
          type: types.violationConfirmed,
          time: e.at,
          id: `${e.violationId}:confirmed`,
          payload: ev.ViolationConfirmed.encode({
            violationId: e.violationId,
            personId: e.personId,
            type: e.violationType,
            circularCount: e.circularCount,
            consequence: e.consequence,
            circularLevel: e.circularLevel ?? '',
            at: iso(e.at),
          }).finish(),
        });
    }
  });
}
