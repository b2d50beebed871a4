import type { Consequence, ViolationType } from './discipline';
import type { Shift } from './roster';

/** An open matter handed from one shift to the next (spec duty §15.2 pendingItems, §5 HO-3). */
export interface PendingItem {
  kind: string;
  refId: string;
  note: string;
}

/** What shift handling tells other services (spec duty §16.1); the Kafka mapper turns these into messages. */
export type ShiftEvent =
  | {
      type: 'handover.incoming_late';
      handoverId: string;
      fromShiftId: string;
      toShiftId: string;
      incomingOfficerId: string;
      shiftStart: Date;
      at: Date;
    }
  | {
      type: 'post.at_risk';
      handoverId: string;
      fromShiftId: string;
      toShiftId: string;
      outgoingOfficerId: string;
      incomingOfficerId: string;
      shiftStart: Date;
      at: Date;
    }
  | {
      type: 'handover.completed';
      handoverId: string;
      fromShiftId: string;
      toShiftId: string;
      outgoingOfficerId: string;
      incomingOfficerId: string;
      onTime: boolean;
      pendingItems: PendingItem[];
      at: Date;
    }
  | { type: 'shift.ended'; shiftId: string; handoverId: string; officerId: string; at: Date }
  | {
      type: 'roster.swap_approved';
      swapId: string;
      rosterId: string;
      rosterVersion: number;
      firstPersonId: string;
      secondPersonId: string;
      approvedBy: string;
      at: Date;
    }
  | {
      /** An amendment published the roster at a new version (spec duty §4.3: each change announces it). */
      type: 'roster.published';
      rosterId: string;
      version: number;
      kind: 'REGULAR' | 'HOLIDAY';
      periodStart: Date;
      periodEnd: Date;
      shifts: Shift[];
      publishedBy: string;
      approvedBy: string;
      at: Date;
    }
  | {
      /** An automatic violation candidate from a handover (LATE_CHECKIN), for the director to decide. */
      type: 'violation.candidate';
      violationId: string;
      personId: string;
      violationType: ViolationType;
      handoverId: string;
      at: Date;
    }
  | {
      type: 'violation.confirmed';
      violationId: string;
      personId: string;
      violationType: ViolationType;
      circularCount: number;
      consequence: Consequence;
      circularLevel?: string;
      at: Date;
    };

/** The result of a rule: the new state, what to publish, and the audit action that records it. */
export interface ShiftTransition<T> {
  next: T;
  events: ShiftEvent[];
  action: string;
  details?: Record<string, unknown>;
}
