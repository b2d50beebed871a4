import { Schema } from 'mongoose';
import { aggregateFields, type AggregateDocument } from '@gov/platform';
import type { SupervisionItem } from '../../domain/supervision-item';

export type SupervisionItemRecord = Omit<SupervisionItem, 'id'> & AggregateDocument;

export const supervisionItemSchema: Schema<SupervisionItemRecord> = new Schema(
  {
    _id: { type: String, required: true },
    // unique: one ledger number per item; serves look-up by ledger number
    ledgerNo: { type: String, required: true, unique: true },
    sourceType: { type: String, required: true },
    sourceSystem: { type: String, required: true },
    // serves "items opened from this document/instruction" (ListItems by source_id)
    sourceId: { type: String, required: true, index: true },
    title: String,
    supervisingUnitId: String,
    leadUnitId: String,
    instructionOriginal: String,
    state: { type: String, required: true },
    openedAt: Date,
    // serves the overdue sweep: open items by due date
    dueAt: { type: Date, index: true },
    originalDueAt: Date,
    deadlineRule: String,
    workingDays: Number,
    dueProvisional: Boolean,
    urgency: String,
    calendarVersion: String,
    feedback: [
      {
        _id: false,
        progress: String,
        result: String,
        problems: String,
        nextSteps: String,
        submittedBy: String,
        principalSignedBy: String,
        submittedAt: Date,
        review: String,
        reviewComment: String,
        reviewedBy: String,
        reviewedAt: Date,
      },
    ],
    outcome: String,
    completedAt: Date,
    closedAt: Date,
    closure: { _id: false, leaderReport: String, cancellationReason: String },
    appliedCommands: { type: [String], default: undefined },
    ...aggregateFields,
  } as never,
  { collection: 'supervision_items', versionKey: false },
);
