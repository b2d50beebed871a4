import { Schema, type Connection, type Model } from 'mongoose';
import { aggregateFields, modelOf, type AggregateDocument } from '@gov/platform';

// Nested domain values (items, log sequence lists, swap sides) are stored whole; the domain owns their shape.
const mixed = { type: Schema.Types.Mixed };
const options = (collection: string) => ({ collection, versionKey: false as const, minimize: false });

/** `handovers`: one 交接班 per shift change (spec duty §5, §15.2). */
const handoverSchema = new Schema(
  {
    _id: { type: String, required: true },
    fromShiftId: String,
    // serves "the handover into this shift" when the next one opens and carries its pending items
    toShiftId: { type: String, index: true },
    outgoingOfficerId: String,
    incomingOfficerId: String,
    shiftStart: Date,
    state: String,
    checkInAt: Date,
    onTime: Boolean,
    pending: mixed,
    pendingItems: mixed,
    logSeqsToConfirm: mixed,
    confirmedLogSeqs: mixed,
    notes: String,
    openedAt: Date,
    lateAlertedAt: Date,
    atRiskAt: Date,
    outgoingSignedAt: Date,
    // serves "the last handover completed before now" (the start of the log to read, HO-3)
    incomingSignedAt: { type: Date, index: true },
    shiftEndedAt: Date,
    // serves the handover sweep (timerDueAt <= now); null once nothing is pending
    timerDueAt: { type: Date, index: true },
    ...aggregateFields,
  } as never,
  options('handovers'),
);

/** `shift_swaps`: requests to exchange two people's shifts on a published roster (spec duty §4.3). */
const swapSchema = new Schema(
  {
    _id: { type: String, required: true },
    rosterId: String,
    first: mixed,
    second: mixed,
    reason: String,
    requestedBy: String,
    requestedAt: Date,
    agreedBy: [String],
    status: String,
    decidedBy: String,
    decidedAt: Date,
    decisionNote: String,
    rosterVersion: Number,
    ...aggregateFields,
  } as never,
  options('shift_swaps'),
);

/** `duty_violations`: violation candidates and decisions (spec duty §11, §15.6 DutyViolation). */
const violationSchema = new Schema(
  {
    _id: { type: String, required: true },
    personId: String,
    type: String,
    incidentId: String,
    evidence: String,
    circularLevel: String,
    causedByLeavingPost: Boolean,
    occurredAt: Date,
    status: String,
    circularCountYear: Number,
    consequence: String,
    recordedBy: String,
    decidedBy: String,
    decidedAt: Date,
    decisionNote: String,
    ...aggregateFields,
  } as never,
  options('duty_violations'),
);

export interface ShiftModels {
  handovers: Model<AggregateDocument>;
  swaps: Model<AggregateDocument>;
  violations: Model<AggregateDocument>;
}

/** The shift aggregates; every one carries version, outbox and audit, so the relay publishes them. */
export function createShiftModels(conn: Connection): ShiftModels {
  return {
    handovers: modelOf(conn, 'Handover', handoverSchema as never),
    swaps: modelOf(conn, 'ShiftSwap', swapSchema as never),
    violations: modelOf(conn, 'DutyViolation', violationSchema as never),
  };
}
