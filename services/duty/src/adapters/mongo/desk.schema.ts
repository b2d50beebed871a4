import { Schema, type Connection, type Model } from 'mongoose';
import { aggregateFields, modelOf, type AggregateDocument } from '@gov/platform';

// Nested domain values (slips, notifications, reasons) are stored whole; the domain owns their shape.
const mixed = { type: Schema.Types.Mixed };
const options = (collection: string) => ({ collection, versionKey: false as const, minimize: false });

/** `desk_documents`: documents received at the duty desk (spec duty §7 DK-4, DK-5). */
const deskDocumentSchema = new Schema(
  {
    _id: { type: String, required: true },
    kind: String,
    addressedTo: String,
    sender: String,
    title: String,
    urgency: String,
    receivedAt: Date,
    loggedBy: String,
    secrecyLevel: String,
    senderOrgId: String,
    offHours: Boolean,
    // serves the 综合股 registration list (status = WITH_GENERAL_SECTION)
    status: { type: String, index: true },
    registerBy: Date,
    registeredAt: Date,
    registeredBy: String,
    forwardWarnAt: Date,
    forwardDueAt: Date,
    forwardedTo: String,
    forwardedAt: Date,
    alertedAt: Date,
    late: Boolean,
    // serves the urgent-document sweep (timerDueAt <= now); unset once nothing is pending
    timerDueAt: { type: Date, index: true },
    ...aggregateFields,
  } as never,
  options('desk_documents'),
);

/** `public_calls`: calls and visits on the public lines with their 处理笺 (spec duty §8, §7 DK-2). */
const publicCallSchema = new Schema(
  {
    _id: { type: String, required: true },
    line: String,
    channel: String,
    callerName: String,
    callerPhone: String,
    category: String,
    content: String,
    receivedAt: Date,
    receivedBy: String,
    status: String,
    outcome: String,
    answer: String,
    redirectNote: String,
    slip: mixed,
    transferredUnitId: String,
    important: Boolean,
    multiDepartment: Boolean,
    // supervision's verdict on a transferred call (itemId, via, outcome, at)
    supervision: mixed,
    closedAt: Date,
    ...aggregateFields,
  } as never,
  options('public_calls'),
);

/** `visitor_entries`: 来客登记 at the compound gate (spec duty §12.1). */
const visitorSchema = new Schema(
  {
    _id: { type: String, required: true },
    visitorKind: String,
    name: String,
    hostUnitId: String,
    business: String,
    hostConfirmed: Boolean,
    idVerified: Boolean,
    screened: Boolean,
    status: String,
    denyReasons: [String],
    arrivedAt: Date,
    exitedAt: Date,
    recordedBy: String,
    ...aggregateFields,
  } as never,
  options('visitor_entries'),
);

/** `post_leaves`: guards' approved temporary absences with their replacement (spec duty §12.3 SC-10). */
const postLeaveSchema = new Schema(
  {
    _id: { type: String, required: true },
    guardId: String,
    post: String,
    approvedBy: String,
    replacementId: String,
    from: Date,
    to: Date,
    reason: String,
    recordedAt: Date,
    ...aggregateFields,
  } as never,
  options('post_leaves'),
);

/** `petition_visits`: petitioners at the gate and the notifications made (spec duty §12.5). */
const petitionVisitSchema = new Schema(
  {
    _id: { type: String, required: true },
    groupSize: Number,
    matter: String,
    gate: String,
    arrivedAt: Date,
    collective: Boolean,
    largeScale: Boolean,
    status: String,
    notifications: mixed,
    recordedBy: String,
    ...aggregateFields,
  } as never,
  options('petition_visits'),
);

export interface DeskModels {
  documents: Model<AggregateDocument>;
  calls: Model<AggregateDocument>;
  visitors: Model<AggregateDocument>;
  leaves: Model<AggregateDocument>;
  petitions: Model<AggregateDocument>;
}

/** The desk's aggregate models; every one carries version, outbox and audit, so the relay publishes them. */
export function createDeskModels(conn: Connection): DeskModels {
  return {
    documents: modelOf(conn, 'DeskDocument', deskDocumentSchema as never),
    calls: modelOf(conn, 'PublicCall', publicCallSchema as never),
    visitors: modelOf(conn, 'VisitorEntry', visitorSchema as never),
    leaves: modelOf(conn, 'PostLeave', postLeaveSchema as never),
    petitions: modelOf(conn, 'PetitionVisit', petitionVisitSchema as never),
  };
}
