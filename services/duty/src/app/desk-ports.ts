import type { Actor } from '@gov/platform/auth';
import type { DeskDocument } from '../domain/desk-document';
import type { DeskEvent } from '../domain/desk-events';
import type { PublicCall } from '../domain/call';
import type { PetitionVisit, PostLeave, VisitorEntry } from '../domain/security';
import type { AggregateStore, Stored } from './aggregate-commands';

export type { Actor };

export type { AuditNote, Stored } from './aggregate-commands';
/** One kind of desk aggregate (see `AggregateStore`). */
export type DeskAggregateStore<T extends { id: string }> = AggregateStore<T, DeskEvent>;

export interface DeskDocumentStore extends DeskAggregateStore<DeskDocument> {
  /** The 综合股 registration list: off-hours documents not registered yet, oldest first (DK-4). */
  registrationQueue(): Promise<DeskDocument[]>;
  /** Urgent documents whose timer is due at `now` (the sweep's query), oldest due first. */
  timersDue(now: Date, limit: number): Promise<Stored<DeskDocument>[]>;
}

export type CallStore = DeskAggregateStore<PublicCall>;
export type VisitorStore = DeskAggregateStore<VisitorEntry>;
export type PostLeaveStore = DeskAggregateStore<PostLeave>;
export type PetitionVisitStore = DeskAggregateStore<PetitionVisit>;
