import { Schema } from 'mongoose';

/** A published roster with its shifts and the contacts the alert path needs (spec duty §15.1, §14). */
export interface RosterRecord {
  _id: string;
  version: number;
  periodStart: Date;
  periodEnd: Date;
  shifts: { type: string; startsAt: Date; endsAt: Date; personId: string }[];
  contacts: {
    personId: string;
    name: string;
    phone: string;
    standingRole?: string;
    away: boolean;
    substituteId?: string;
  }[];
  kind?: 'REGULAR' | 'HOLIDAY';
  lockedAt?: Date | null;
}

export const rosterSchema: Schema<RosterRecord> = new Schema(
  {
    _id: { type: String, required: true },
    version: Number,
    // serves loading the rosters that are current or ahead into the in-memory cache
    periodEnd: { type: Date, index: true },
    periodStart: Date,
    shifts: { type: Schema.Types.Mixed, default: [] },
    contacts: { type: Schema.Types.Mixed, default: [] },
    kind: String,
    // null until the period ended and the lock sweep marked it (§4.3 LOCKED); amendments require null
    lockedAt: { type: Date, default: null },
  },
  { collection: 'rosters', versionKey: false, minimize: false },
);
