/**
 * CloudEvents `ce_type` values of the duty desk on gov.duty.events.v1 (produced by duty, messages in
 * gov.duty.desk.events.v1; key = the desk item's id). Documents are read by document, calls by supervision.
 */
export const dutyDeskEventTypes = {
  offHoursDocumentReceived: 'gov.duty.document.received_offhours',
  urgentDocumentReceived: 'gov.duty.urgent_document.received',
  urgentDocumentForwardWarning: 'gov.duty.urgent_document.forward_warning',
  urgentDocumentLate: 'gov.duty.urgent_document.late',
  callReceived: 'gov.duty.call.received',
  callTransferred: 'gov.duty.call.transferred',
  visitorDenied: 'gov.duty.security.visitor_denied',
  petitionNotified: 'gov.duty.security.petition_notified',
} as const;
