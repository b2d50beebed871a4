import { Schema, type Connection, type Model } from 'mongoose';
import { aggregateFields, modelOf, type AggregateDocument } from '@gov/platform';

// Shifts, contacts and overrides are stored whole; the domain owns their shape.
const mixed = { type: Schema.Types.Mixed };

/**
 * `roster_drafts`: rosters under review (spec duty §4.3, §15.1 DutyRoster), one aggregate per roster with version,
 * outbox (duty.roster.published) and audit chain. A published one is also written to `rosters`, which the
 * on-duty cache reads; drafts never reach the cache.
 */
const rosterDraftSchema = new Schema(
  {
    _id: { type: String, required: true },
    kind: String,
    // with periodEnd, serves "the PUBLISHED rosters not yet ended" (re-projection into `rosters` at start-up)
    status: { type: String, index: true },
    periodStart: Date,
    periodEnd: Date,
    shifts: { ...mixed, default: [] },
    contacts: { ...mixed, default: [] },
    restOverrides: { ...mixed, default: [] },
    fairnessExemption: String,
    holidayName: String,
    preparedBy: String,
    submittedAt: Date,
    approvedBy: String,
    approvedAt: Date,
    rejectedBy: String,
    rejectionReason: String,
    publishedBy: String,
    publishedAt: Date,
    publishedVersion: Number,
    lockedAt: Date,
    ...aggregateFields,
  } as never,
  { collection: 'roster_drafts', versionKey: false, minimize: false },
);

export const createRosterDraftModel = (conn: Connection): Model<AggregateDocument> =>
  modelOf(conn, 'RosterDraft', rosterDraftSchema as never);
