import { commonV1, documentEventsV1, eventTypes, topics } from '@gov/contracts';
import { outboxEntry, type OutboxEntry } from '@gov/platform';
import type { DocumentEvent } from '../../app/ports';
import type { IncomingDocument } from '../../domain/incoming-document';
import { toProtoClassification, toProtoNature, toProtoUrgency } from '../grpc/document.mapper';

function incomingRegistered(d: IncomingDocument): OutboxEntry {
  const msg: documentEventsV1.IncomingRegistered = {
    documentId: d.id,
    receiptNo: d.receiptNo,
    title: d.title,
    sender: commonV1.OrgUnit.fromPartial(d.sender),
    urgency: toProtoUrgency(d.urgency),
    classification: toProtoClassification(d.classification),
    nature: toProtoNature(d.nature),
    registeredAt: d.registeredAt.toISOString(),
    // the proto field means "as the sender set it": supervision applies its own default rule (§6.1)
    handlingLimitWorkingDays: d.senderLimitWorkingDays,
    handlingDueAt: d.handlingDueAt?.toISOString() ?? '',
    fromSuperior: d.fromSuperior,
  };
  return outboxEntry({
    topic: topics.document,
    key: d.id,
    type: eventTypes.documentIncomingRegistered,
    payload: documentEventsV1.IncomingRegistered.encode(msg).finish(),
    time: d.registeredAt,
  });
}

function handoverRegistered(d: IncomingDocument): OutboxEntry {
  if (!d.dutyHandover) throw new Error(`document ${d.id} did not come from the duty desk`);
  const msg: documentEventsV1.HandoverRegistered = {
    documentId: d.id,
    deskDocumentId: d.dutyHandover.deskDocumentId,
    receiptNo: d.receiptNo,
    registeredAt: d.registeredAt.toISOString(),
    registrationDueAt: d.registrationDueAt.toISOString(),
    registeredLate: d.registeredLate,
    registeredByUnit: { id: d.registeredBy.orgUnitId, name: '' },
  };
  return outboxEntry({
    topic: topics.document,
    key: d.id,
    type: eventTypes.documentIncomingHandoverRegistered,
    payload: documentEventsV1.HandoverRegistered.encode(msg).finish(),
    time: d.registeredAt,
  });
}

/** Domain events → protobuf outbox entries on gov.document.events.v1, keyed by document id. */
export function toOutboxEntries(events: DocumentEvent[]): OutboxEntry[] {
  return events.map((e) =>
    e.type === 'IncomingRegistered' ? incomingRegistered(e.document) : handoverRegistered(e.document),
  );
}
