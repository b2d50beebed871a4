import type { AuditEntry } from '@gov/platform';
import type { Actor } from '@gov/platform/auth';
import type { CreditLine, Loan, PendingUpgrade } from '../domain/credit-line';
import type { Household, HouseholdPii, Rating } from '../domain/household';
import type { Notice, NoticeEntry, Objection } from '../domain/notice';
import type { Entity } from '../domain/entity';
import type { SettledLossCase } from '../domain/loss-case';
import type { NplSnapshot } from '../domain/npl-snapshot';
import type { OverdueTask } from '../domain/overdue-task';
import type { Grade } from '../domain/policy';
import type { RatingApplication } from '../domain/rating-application';
import type { SubsidyPeriod } from '../domain/subsidy';
import type { SubsidyBorrower, SubsidyPayment } from '../domain/subsidy-payment';

/**
 * Domain events of the credit service; the Kafka mapper turns each into one gov.credit.events.v1 message, except
 * CertificateHolderDisclosed, which only the credit-line repository takes, sealed, to gov.credit.pii.v1.
 */
export type CreditEvent =
  | { type: 'RatingApplicationSubmitted'; application: RatingApplication; villageId: string }
  | { type: 'ScoreComputed'; household: Household; rating: Rating }
  | { type: 'NoticeOpened'; notice: Notice }
  | { type: 'ObjectionFiled'; notice: Notice; objection: Objection }
  | { type: 'NoticeClosed'; notice: Notice }
  | { type: 'BankAssessmentRequested'; notice: Notice; batchId: string; entries: NoticeEntry[]; at: Date }
  | { type: 'CertificateIssued'; line: CreditLine; headNameMasked: string; idNumberMasked: string }
  /** The holder's full identity number and phone for the partners; sealed onto gov.credit.pii.v1 only (§19.1). */
  | { type: 'CertificateHolderDisclosed'; line: CreditLine; idNumber: string; phone: string }
  | {
      type: 'CreditRejected';
      householdId: string;
      noticeId: string;
      reason: string;
      cause: string;
      evidenceRefs: string[];
      at: Date;
    }
  | { type: 'CertificateRegraded'; line: CreditLine; oldGrade: Grade; oldLimitFen: number; reason: string; at: Date }
  | { type: 'CertificateRevoked'; line: CreditLine; reason: string; at: Date }
  /** R17.3: a higher grade waits for the bank; `withdrawnReason` set when a later re-score took it back. */
  | { type: 'CertificateUpgradePending'; line: CreditLine; upgrade: PendingUpgrade; withdrawnReason?: string; at: Date }
  | { type: 'CertificateExpired'; line: CreditLine; oldStatus: CreditLine['status']; at: Date }
  | { type: 'CertificateReviewDue'; line: CreditLine; at: Date }
  | { type: 'CertificateReviewed'; line: CreditLine; ratingId: string; at: Date }
  | { type: 'OverdueTaskCreated'; task: OverdueTask }
  | { type: 'OverdueTaskClosed'; task: OverdueTask }
  | { type: 'NplSnapshotTaken'; snapshot: NplSnapshot }
  | { type: 'CreditLineStatusChanged'; line: CreditLine; oldStatus: CreditLine['status']; reason: string; at: Date }
  | { type: 'LoanDrawn'; line: CreditLine; loan: Loan }
  | { type: 'LoanRepaid'; line: CreditLine; loan: Loan; principalFen: number; paidAt: Date; onTime: boolean }
  | { type: 'RepaymentBehaviourUpdated'; line: CreditLine; behaviour: 'ON_TIME' | 'LATE' | 'DEFAULTED'; at: Date }
  | { type: 'LossAllocated'; lossCase: LossCase }
  | { type: 'SubsidyAccrued'; borrower: SubsidyBorrower; loanId: string; period: SubsidyPeriod }
  | { type: 'SubsidyPaymentApproved'; payment: SubsidyPayment }
  | { type: 'SubsidyDisbursed'; payment: SubsidyPayment }
  | { type: 'HonorAwarded'; award: HonorAward }
  | {
      type: 'RiskFundUtilisationWarning';
      coveredOutstandingFen: number;
      ceilingFen: number;
      utilisationBp: number;
      thresholdBp: number;
      creditLineId: string;
      at: Date;
    }
  | { type: 'MutualFundContributionRequired'; entity: Entity; bankLoanNo: string; requiredFen: number; at: Date }
  | {
      type: 'BreakerLifted';
      unitType: 'VILLAGE' | 'TOWNSHIP';
      unitId: string;
      nplBp: number;
      liftedBy: string;
      reason: string;
      at: Date;
    }
  | {
      type: 'VillageBreakerTripped';
      villageId: string;
      townshipId: string;
      outstandingFen: number;
      nplFen: number;
      thresholdBp: number;
      at: Date;
    }
  | {
      type: 'TownshipBreakerTripped';
      townshipId: string;
      breachedVillageIds: string[];
      villageCount: number;
      shareBp: number;
      accountableHeads: string[];
      at: Date;
    };

/** What an audit entry needs besides the chain; the repository links it to the previous entry. */
export interface AuditNote {
  action: string;
  actor: Actor;
  role: string;
  reason?: string;
  at: Date;
  details?: Record<string, unknown>;
}

/** A stored aggregate with the version it was read at (for the conditional write) and its audit trail. */
export interface Stored<T> {
  value: T;
  version: number;
  audit: AuditEntry[];
}

/** One event-publishing aggregate collection: insert, read, conditional update. */
export interface AggregateStore<T extends { id: string }> {
  /** false when an aggregate with this id already exists (a retry). */
  create(value: T, events: CreditEvent[], note: AuditNote): Promise<boolean>;
  get(id: string): Promise<Stored<T> | undefined>;
  /** Throws CONCURRENT_MODIFICATION when someone wrote since `expectedVersion`. */
  update(value: T, expectedVersion: number, events: CreditEvent[], note: AuditNote, prev: Stored<T>): Promise<void>;
}

export interface Households extends AggregateStore<Household> {
  savePii(householdId: string, pii: HouseholdPii): Promise<void>;
  /** Full personal data; callers decide whether to mask it. */
  getPii(householdId: string): Promise<HouseholdPii | undefined>;
  /**
   * Batch import of one chunk: households with their first rating, then ONE import-chunk aggregate carrying
   * the chunk's events in its outbox (see ImportChunk). Returns how many households were new.
   */
  importChunk(
    chunk: { id: string; batchId: string },
    rows: { household: Household; pii: HouseholdPii }[],
    events: CreditEvent[],
    note: AuditNote,
  ): Promise<number>;
}

export interface Notices extends AggregateStore<Notice> {
  /** Notices still OPEN whose end is at or before `at`, for the closing job. */
  listOpenEndedBy(at: Date): Promise<Stored<Notice>[]>;
}

export interface CreditLines extends AggregateStore<CreditLine> {
  /** The household's most recent line (any status). */
  findByHousehold(householdId: string): Promise<Stored<CreditLine> | undefined>;
  findByBankLoanNo(bankLoanNo: string): Promise<Stored<CreditLine> | undefined>;
  listByTownship(townshipId: string): Promise<Stored<CreditLine>[]>;
  /** Outstanding principal of lines of registered poor households that are not revoked (R13.4). */
  coveredOutstandingFen(): Promise<number>;
  /** Every township that has a line (the month-end NPL snapshot walks them one by one). */
  listTownshipIds(): Promise<string[]>;
  /** Lines not yet revoked or expired whose validity ended before `at` (the certificate expiry job). */
  listValidityEndedBefore(at: Date): Promise<Stored<CreditLine>[]>;
  /**
   * Live lines not flagged for review whose next review is at or before `at` — or, lacking a review date, that
   * were issued at or before `issuedBy` (the review-due job; the domain has the last word).
   */
  listReviewCandidates(at: Date, issuedBy: Date): Promise<Stored<CreditLine>[]>;
}

/** 逾期催收任务 per loan and stage (spec credit R15.4). */
export interface OverdueTasks extends AggregateStore<OverdueTask> {
  /** OPEN tasks of the stage due at or before `at`, for the escalation sweep. */
  listOpenDue(stage: OverdueTask['stage'], at: Date): Promise<Stored<OverdueTask>[]>;
  /** OPEN tasks of a loan (to close them when it is repaid). */
  listOpenByLoan(loanId: string): Promise<Stored<OverdueTask>[]>;
}

/** Month-end NPL snapshots, one per unit and month end (spec credit §13.4). */
export interface NplSnapshots extends AggregateStore<NplSnapshot> {
  listByAsOf(asOf: string): Promise<NplSnapshot[]>;
}

/** Marks a month end whose snapshots are all written, so the job does not walk the book again. */
export interface NplSnapshotRun {
  id: string;
  asOf: string;
  units: number;
  completedAt: Date;
}
export type NplSnapshotRuns = AggregateStore<NplSnapshotRun>;

/** Circuit-breaker state per village and township (spec credit §13.4). */
export interface BreakerState {
  id: string;
  unitType: 'VILLAGE' | 'TOWNSHIP';
  tripped: boolean;
  trippedAt?: Date;
}
export type Breakers = AggregateStore<BreakerState>;

/**
 * 损失 case of a non-performing loan as AllocateLoss creates it, split 30/20/50 (spec credit §13.2): the
 * settled case (domain/loss-case.ts) before any confirmation, payout or recovery.
 */
export type LossCase = Omit<
  SettledLossCase,
  | 'bankConfirmation'
  | 'insurerConfirmation'
  | 'compensation'
  | 'recoveries'
  | 'recoveriesFen'
  | 'history'
  | 'closeReason'
>;
export type LossCases = AggregateStore<LossCase>;

/** 信用村 / 信用乡 title for a year (spec credit §16). */
export interface HonorAward {
  id: string;
  level: 'VILLAGE' | 'TOWNSHIP';
  subjectId: string;
  title: string;
  year: number;
  basisNplBp: number;
  awardedAt: Date;
}
export type HonorAwards = AggregateStore<HonorAward>;

export type Entities = AggregateStore<Entity>;

/** 贴息拨付 records, one per (loan, period) (spec credit R12.4-R12.5). */
export interface SubsidyPayments extends AggregateStore<SubsidyPayment> {
  /** Payments not yet PAID whose due instant is before `at`, oldest due first (the R12.4 SLA list). */
  listUnpaidDueBefore(at: Date): Promise<SubsidyPayment[]>;
}

export interface Applications extends AggregateStore<RatingApplication> {
  /** The household's applications, newest first. */
  listByHousehold(householdId: string): Promise<Stored<RatingApplication>[]>;
}

export interface Clock {
  now(): Date;
}

export interface Idempotency {
  run<T>(scope: string, key: string, request: unknown, fn: () => Promise<T>): Promise<T>;
}

export interface Sequences {
  next(name: string): Promise<number>;
}
