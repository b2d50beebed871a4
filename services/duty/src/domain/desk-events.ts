/** What the duty desk tells other services (spec duty §16.1); the Kafka mapper turns these into messages. */
export type DeskEvent =
  | {
      type: 'document.received_offhours';
      documentId: string;
      kind: string;
      sender: string;
      title: string;
      urgency: string;
      receivedAt: Date;
      registerBy: Date;
      secrecyLevel: string;
      senderOrgId: string;
    }
  | {
      type: 'urgent_document.received';
      documentId: string;
      urgency: string;
      kind: string;
      title: string;
      sender: string;
      receivedAt: Date;
      forwardWarnAt: Date;
      forwardDueAt: Date;
    }
  | { type: 'urgent_document.forward_warning'; documentId: string; urgency: string; forwardDueAt: Date; at: Date }
  | { type: 'urgent_document.late'; documentId: string; urgency: string; forwardDueAt: Date; at: Date }
  | { type: 'call.received'; callId: string; line: string; category: string; receivedAt: Date; inScope: boolean }
  | {
      type: 'call.transferred';
      callId: string;
      line: string;
      category: string;
      unitId: string;
      instruction: string;
      at: Date;
      important: boolean;
      multiDepartment: boolean;
    }
  | { type: 'security.visitor_denied'; visitorId: string; reasons: string[]; at: Date }
  | {
      type: 'security.petition_notified';
      visitId: string;
      groupSize: number;
      largeScale: boolean;
      recipients: string[];
      at: Date;
    };

/** The result of a rule: the new state, what to publish, and the audit action that records it. */
export interface Transition<T> {
  next: T;
  events: DeskEvent[];
  action: string;
  details?: Record<string, unknown>;
}
