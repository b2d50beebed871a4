import { Schema, type Connection } from 'mongoose';
import { modelOf } from '@gov/platform';
import { aggregateFields, type AggregateDocument } from '@gov/platform';
import type { Incident } from '../../domain/incident';

export type IncidentRecord = Omit<Incident, 'id' | 'acknowledgedAt' | 'acknowledgedBy'> &
  AggregateDocument & {
    acknowledgedAt: Date | null;
    acknowledgedBy: string | null;
    /** Replica whose engine escalates the incident (ARCHITECTURE §7: one sender per incident, see replica_leases). */
    owner: string;
    /** The earliest guard time or deadline of an open obligation; null when none is open (the sweep's index). */
    nextObligationAt?: Date | null;
  };

export const incidentSchema: Schema<IncidentRecord> = new Schema(
  {
    _id: { type: String, required: true },
    title: String,
    category: String,
    severity: String,
    possiblyMajor: Boolean,
    occurredAt: Date,
    occurredAtEstimated: Boolean,
    // serves the duty console's "latest incidents" list
    receivedAt: { type: Date, index: true },
    receivedBy: String,
    sourceChannel: String,
    sourceUnitId: String,
    location: String,
    description: String,
    classified: Boolean,
    status: String,
    flags: [String],
    sourceDelayMinutes: Number,
    obligations: { type: Schema.Types.Mixed, default: [] },
    timers: { type: Schema.Types.Mixed, default: {} },
    recipients: [String],
    notifications: { type: Schema.Types.Mixed, default: [] },
    instructions: { type: Schema.Types.Mixed, default: [] },
    reports: { type: Schema.Types.Mixed, default: [] },
    enquiries: { type: Schema.Types.Mixed, default: [] },
    verification: { type: String, default: 'UNVERIFIED' },
    verificationTasks: { type: Schema.Types.Mixed, default: [] },
    violations: { type: Schema.Types.Mixed, default: [] },
    drafts: { type: Schema.Types.Mixed, default: [] },
    reportedWithoutInstruction: { type: Boolean, default: false },
    resolvedAt: { type: Date, default: null },
    voidedAt: { type: Date, default: null },
    voidedBy: { type: String, default: null },
    voidReason: { type: String, default: null },
    closedAt: { type: Date, default: null },
    closedBy: { type: String, default: null },
    upgradedToMajorAt: { type: Date, default: null },
    // serves the obligation sweep: incidents with a guard or deadline that has come
    nextObligationAt: { type: Date, default: null, index: true },
    acknowledgedAt: { type: Date, default: null },
    acknowledgedBy: { type: String, default: null },
    // serves re-arming a replica's timers after a restart or takeover
    owner: { type: String, index: true },
    ...aggregateFields,
  } as never,
  { collection: 'incidents', versionKey: false, minimize: false },
);

// serves the supervision consumer: the incident that holds an instruction, by the instruction's id
incidentSchema.index({ 'instructions.id': 1 });

/** The incident model on the kit's connection: the outbox relay and acknowledgement updates use it. */
export const createIncidentModel = (conn: Connection) => modelOf(conn, 'Incident', incidentSchema);
