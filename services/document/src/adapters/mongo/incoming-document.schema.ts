import { Schema } from 'mongoose';
import { aggregateFields, type AggregateDocument } from '@gov/platform';
import type { IncomingDocument } from '../../domain/incoming-document';

/** Stored shape: the domain object plus version, outbox and audit chain; one document per 收文. */
export type IncomingDocumentRecord = Omit<IncomingDocument, 'id'> & AggregateDocument;

const orgRef = { id: { type: String, required: true }, name: { type: String, default: '' } };

export const incomingDocumentSchema: Schema<IncomingDocumentRecord> = new Schema(
  {
    _id: { type: String, required: true },
    // unique: one 收文号 per document; also serves look-up by receipt number at the desk
    receiptNo: { type: String, required: true, unique: true },
    title: { type: String, required: true },
    sender: orgRef,
    senderDocNo: { type: String, default: '' },
    urgency: { type: String, required: true },
    classification: { type: String, required: true },
    nature: { type: String, required: true },
    channel: { type: String, required: true },
    ccOnly: Boolean,
    fromSuperior: Boolean,
    // serves the registration desk's "received today" list, newest first
    receivedAt: { type: Date, required: true, index: true },
    registeredAt: { type: Date, required: true },
    registeredBy: { userId: String, orgUnitId: String },
    registrationDueAt: Date,
    registeredLate: Boolean,
    handlingLimitWorkingDays: Number,
    senderLimitWorkingDays: Number,
    handlingDueAt: Date,
    handlingDueProvisional: Boolean,
    calendarVersion: String,
    state: { type: String, required: true },
    ...aggregateFields,
  } as never,
  { collection: 'incoming_documents', versionKey: false },
);
