import { Schema } from 'mongoose';
import { aggregateFields, type AggregateDocument } from '@gov/platform';
import type { StoredIncoming } from '../../domain/incoming-document';

/** Stored shape: the domain object plus version, outbox and audit chain; one document per 收文. */
export type IncomingDocumentRecord = DistributiveOmit<StoredIncoming, 'id'> & AggregateDocument;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

// registration checks the sender's id itself; a duty handover knows only the name the desk wrote down
const orgRef = { id: { type: String, default: '' }, name: { type: String, default: '' } };

export const incomingDocumentSchema: Schema<IncomingDocumentRecord> = new Schema(
  {
    _id: { type: String, required: true },
    // unique: one 收文号 per document; also serves look-up by receipt number at the desk. Sparse because a
    // signed-in duty handover has no number until the 综合股 registers it
    receiptNo: { type: String, unique: true, sparse: true },
    title: { type: String, required: true },
    sender: orgRef,
    senderDocNo: { type: String, default: '' },
    urgency: { type: String, required: true },
    classification: { type: String, required: true },
    nature: String,
    channel: { type: String, required: true },
    ccOnly: Boolean,
    fromSuperior: Boolean,
    // serves the registration desk's "received today" list, newest first
    receivedAt: { type: Date, required: true, index: true },
    registeredAt: Date,
    registeredBy: { userId: String, orgUnitId: String },
    registrationDueAt: Date,
    registeredLate: Boolean,
    handlingLimitWorkingDays: Number,
    senderLimitWorkingDays: Number,
    handlingDueAt: Date,
    handlingDueProvisional: Boolean,
    calendarVersion: String,
    state: { type: String, required: true },
    // SIGNED_IN only: the off-hours handover from the duty desk (spec document R-IN-5)
    signedInAt: Date,
    handedToUnitId: String,
    dutyHandover: { deskDocumentId: String, kind: String },
    // REGISTERED from SIGNED_IN: the request that registered it, so its retry is told apart from a second one
    registrationRef: String,
    ...aggregateFields,
  } as never,
  { collection: 'incoming_documents', versionKey: false },
);

// serves the 综合股's awaiting-registration list: state SIGNED_IN, oldest receipt first, paged by (receivedAt, _id)
incomingDocumentSchema.index({ state: 1, receivedAt: 1, _id: 1 });
