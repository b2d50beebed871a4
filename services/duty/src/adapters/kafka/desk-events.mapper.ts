import { dutyDeskEventsV1 as ev, dutyDeskEventTypes as types, topics } from '@gov/contracts';
import { outboxEntry, type OutboxEntry } from '@gov/platform';
import type { DeskEvent } from '../../domain/desk-events';

const iso = (d: Date) => d.toISOString();

/**
 * Desk events on gov.duty.events.v1, keyed by the desk item's id (documents are read by document, calls by
 * supervision). Event ids are derived from the item and the step, so a re-run of the same write re-sends the
 * same ce_id and consumers drop the copy.
 */
export function toDeskOutbox(events: DeskEvent[]): OutboxEntry[] {
  return events.map((e) => {
    switch (e.type) {
      case 'document.received_offhours':
        return outboxEntry({
          topic: topics.duty,
          key: e.documentId,
          type: types.offHoursDocumentReceived,
          time: e.receivedAt,
          id: `${e.documentId}:received_offhours`,
          payload: ev.OffHoursDocumentReceived.encode({
            documentId: e.documentId,
            kind: e.kind,
            sender: e.sender,
            title: e.title,
            urgency: e.urgency,
            receivedAt: iso(e.receivedAt),
            registerBy: iso(e.registerBy),
            secrecyLevel: e.secrecyLevel,
            senderOrgId: e.senderOrgId,
          }).finish(),
        });
      case 'urgent_document.received':
        return outboxEntry({
          topic: topics.duty,
          key: e.documentId,
          type: types.urgentDocumentReceived,
          time: e.receivedAt,
          id: `${e.documentId}:urgent_received`,
          payload: ev.UrgentDocumentReceived.encode({
            documentId: e.documentId,
            urgency: e.urgency,
            receivedAt: iso(e.receivedAt),
            forwardWarnAt: iso(e.forwardWarnAt),
            forwardDueAt: iso(e.forwardDueAt),
            title: e.title,
            sender: e.sender,
            kind: e.kind,
          }).finish(),
        });
      case 'urgent_document.forward_warning':
        return outboxEntry({
          topic: topics.duty,
          key: e.documentId,
          type: types.urgentDocumentForwardWarning,
          time: e.at,
          id: `${e.documentId}:forward_warning`,
          payload: ev.UrgentDocumentForwardWarning.encode({
            documentId: e.documentId,
            urgency: e.urgency,
            forwardDueAt: iso(e.forwardDueAt),
            at: iso(e.at),
          }).finish(),
        });
      case 'urgent_document.late':
        return outboxEntry({
          topic: topics.duty,
          key: e.documentId,
          type: types.urgentDocumentLate,
          time: e.at,
          id: `${e.documentId}:late`,
          payload: ev.UrgentDocumentLate.encode({
            documentId: e.documentId,
            urgency: e.urgency,
            forwardDueAt: iso(e.forwardDueAt),
            at: iso(e.at),
          }).finish(),
        });
      case 'call.received':
        return outboxEntry({
          topic: topics.duty,
          key: e.callId,
          type: types.callReceived,
          time: e.receivedAt,
          id: `${e.callId}:received`,
          payload: ev.CallReceived.encode({
            callId: e.callId,
            line: e.line,
            category: e.category,
            receivedAt: iso(e.receivedAt),
            inScope: e.inScope,
          }).finish(),
        });
      case 'call.transferred':
        return outboxEntry({
          topic: topics.duty,
          key: e.callId,
          type: types.callTransferred,
          time: e.at,
          id: `${e.callId}:transferred`,
          payload: ev.CallTransferred.encode({
            callId: e.callId,
            line: e.line,
            category: e.category,
            unitId: e.unitId,
            instruction: e.instruction,
            at: iso(e.at),
            important: e.important,
            multiDepartment: e.multiDepartment,
          }).finish(),
        });
      case 'security.visitor_denied':
        return outboxEntry({
          topic: topics.duty,
          key: e.visitorId,
          type: types.visitorDenied,
          time: e.at,
          id: `${e.visitorId}:denied`,
          payload: ev.VisitorDenied.encode({ visitorId: e.visitorId, reasons: e.reasons, at: iso(e.at) }).finish(),
        });
      case 'security.petition_notified':
        return outboxEntry({
          topic: topics.duty,
          key: e.visitId,
          type: types.petitionNotified,
          time: e.at,
          id: `${e.visitId}:notified`,
          payload: ev.PetitionNotified.encode({
            visitId: e.visitId,
            groupSize: e.groupSize,
            largeScale: e.largeScale,
            recipients: e.recipients,
            at: iso(e.at),
          }).finish(),
        });
    }
  });
}
