/** 事件等级 (spec duty §9.1 EM-2): I 特别重大, II 重大, III 较大, IV 一般, or not yet known. */
export type Severity = 'I' | 'II' | 'III' | 'IV' | 'UNKNOWN';

/** Kinds of information that must be reported (spec duty §9.1 EM-1). */
export type Category =
  | 'NATURAL_DISASTER'
  | 'ACCIDENT'
  | 'PUBLIC_HEALTH'
  | 'MASS_INCIDENT'
  | 'PUBLIC_ORDER_CRIMINAL'
  | 'NATIONAL_SECURITY_STABILITY'
  | 'SENSITIVE_OPINION'
  | 'PRECURSOR_INTELLIGENCE'
  | 'OTHER';

/** Incident states (spec duty §9.10). VOIDED still owes its corrections; CLOSED is final. */
export type IncidentStatus =
  'ESCALATING' | 'COMMANDED' | 'FIRST_REPORTED' | 'FOLLOWING_UP' | 'RESOLVED' | 'VOIDED' | 'CLOSED';

/** ReportObligation states (spec duty §9.10). */
export type ObligationStatus =
  'PENDING' | 'WARNING' | 'BREACHED' | 'BREACHED_ON_RECEIPT' | 'FULFILLED_ON_TIME' | 'FULFILLED_LATE' | 'WAIVED';
export type ReportMode = 'PHONE' | 'WRITTEN';
/** CORRECTION: 更正 — tells a target that an incident it was told about has been voided (spec duty §9.10). */
export type ReportKind = 'FIRST' | 'FOLLOW_UP' | 'FINAL' | 'CORRECTION';

/** 上报时限 — one upward report owed to a target, counted from occurrence (spec duty §15.5). */
export interface Obligation {
  id: string;
  targetId: string;
  mode: ReportMode;
  kind: ReportKind;
  dueAt: Date;
  /** AK-4 guard: when a still-pending obligation raises the CRITICAL alert. */
  warnAt: Date;
  status: ObligationStatus;
  /** The upward report that met it, and when (§9.10: fulfilment needs the report). */
  fulfilledByReportId?: string;
  fulfilledAt?: Date;
  /** Why a WAIVED obligation no longer applies (RC-1 downgrade, resolution, void). */
  waivedReason?: string;
}

/** 上报 — one report made to a target (spec duty §15.5 UpwardReport). */
export interface UpwardReport {
  id: string;
  targetId: string;
  mode: ReportMode;
  kind: ReportKind;
  content: string;
  reportedAt: Date;
  reportedBy: string;
  /** The person at the target who took the call or signed for the document (§9.10). */
  receiverName: string;
  /** The signed document's reference; required for written reports (§9.10). */
  documentRef: string;
  /** Made before any leader acknowledged or instructed (AK-4, TL-4: a report never waits for approval). */
  reportedWithoutInstruction: boolean;
  /** Present when the target is reported VIA_PARTY_OFFICE (PO-1): the party office's word that it reported. */
  partyOffice?: PartyOfficeConfirmation;
}

/** 党委办公室确认 — who at the same-level party office confirmed the upward report was made, and when (PO-1). */
export interface PartyOfficeConfirmation {
  confirmedBy: string;
  confirmedAt: Date;
  /** The office's own reference for it (a phone-log or message number), when it gives one. */
  reference: string;
}

/** A higher authority asked about the incident (PO-2: used to detect information reverse flow). */
export interface Enquiry {
  id: string;
  targetId: string;
  at: Date;
  loggedBy: string;
  note: string;
}

/** S5 verification of the facts (spec duty §15.4); it never blocks reporting (§19 scenario 20). */
export type Verification = 'UNVERIFIED' | 'VERIFYING' | 'CONFIRMED' | 'DOUBTFUL' | 'REFUTED';
export interface VerificationTask {
  party: 'REPORTING_UNIT' | 'LOCAL_PARTY_COMMITTEE' | 'PUBLIC_SECURITY' | 'EMERGENCY_OFFICE';
  status: 'OPEN' | 'DONE';
  openedAt: Date;
  closedAt?: Date;
}

/** 违纪候选 — a possible violation for a person to confirm or dismiss later (spec duty §11, §15.6 DutyViolation). */
export interface ViolationCandidate {
  id: string;
  type: 'LATE_REPORT' | 'REVERSE_FLOW';
  personId: string;
  obligationId?: string;
  at: Date;
  status: 'CANDIDATE';
}

/** Escalation steps (spec duty §9.4, §15.5 Notification.step). */
export type Step = 'S2' | 'S3' | 'ESCALATION' | 'REPEAT' | 'FALLBACK';
export type ChannelKind = 'SMS' | 'PUSH' | 'VOICE';
/** The two chains of command of spec duty §9.4. */
export type Chain = 'OFFICE' | 'GOV';

/** A pending escalation action, persisted with its due time and held in the in-memory scheduler. */
export type EscalationTimer =
  | {
      kind: 'NOTIFY';
      recipientId: string;
      step: Step;
      attempt: number;
      channels: ChannelKind[];
      dueAt: Date;
      /** When set, the recipient stands in for this person who is away (AK-3). */
      substituteFor?: string;
    }
  | { kind: 'ACK_TIMEOUT'; recipientId: string; chain: Chain; level: number; attempt: number; dueAt: Date }
  /** AK-2: no delivery receipt for this SMS by `dueAt` → an automated voice call. */
  | { kind: 'RECEIPT_CHECK'; recipientId: string; step: Step; attempt: number; dueAt: Date };

/** A notification that went out, per recipient (the delivery ledger holds the channel detail). */
export interface SentNotification {
  recipientId: string;
  step: Step;
  attempt: number;
  channels: ChannelKind[];
  sentAt: Date;
}

/** 突发事件信息 — an emergency report taken in by the duty desk (spec duty §15.4). */
export interface Incident {
  id: string;
  title: string;
  category: Category;
  severity: Severity;
  possiblyMajor: boolean;
  occurredAt: Date;
  occurredAtEstimated: boolean;
  receivedAt: Date;
  receivedBy: string;
  sourceChannel: string;
  sourceUnitId: string;
  location: string;
  description: string;
  /** Details are classified (WR-3); only a reference may leave by SMS. */
  classified: boolean;
  status: IncidentStatus;
  flags: ('BREACHED_ON_RECEIPT' | 'REVERSE_FLOW')[];
  sourceDelayMinutes: number;
  obligations: Obligation[];
  /** Pending escalation actions by key; empty once acknowledged or the chain is exhausted. */
  timers: Record<string, EscalationTimer>;
  recipients: string[];
  notifications: SentNotification[];
  acknowledgedAt?: Date;
  acknowledgedBy?: string;
  /** Upward reporting (spec duty §9.6-9.8); absent on incidents stored before reporting was built. */
  reports?: UpwardReport[];
  enquiries?: Enquiry[];
  verification?: Verification;
  verificationTasks?: VerificationTask[];
  violations?: ViolationCandidate[];
  reportedWithoutInstruction?: boolean;
  resolvedAt?: Date;
  /** 撤销 — voided before resolution by a leader, with the reason (spec duty §9.10). */
  voidedAt?: Date;
  voidedBy?: string;
  voidReason?: string;
  /** Closed by the log custodian once the chronology is complete (LG-3). */
  closedAt?: Date;
  closedBy?: string;
  /** Written reports in review and signed (spec duty §9.7). */
  drafts?: WrittenDraft[];
  /**
   * When a reclassification last lifted it from the lower class into I/II (RC-1): from then on the S3 people
   * are owed the alert an I/II intake would have sent them.
   */
  upgradedToMajorAt?: Date;
}

/** One reviewer or the signer of a written report, resolved when it was drafted (substitutes for people away). */
export interface SignStep {
  role: 'OFFICE_DEPUTY' | 'OFFICE_DIRECTOR' | 'GOV_PRINCIPAL';
  action: 'REVIEW' | 'SIGN';
  personId: string;
  /** The holder who was away, when a substitute acts (AK-3, 003 L568, 001 L9). */
  substituteFor?: string;
  actedAt?: Date;
  /** WR-1: when this step's time to act runs out (set while it is the current step). */
  dueAt?: Date;
  /** WR-1: how often its time ran out; after the second the next level may act in its place. */
  timeouts?: number;
  /** Acted on by the next level after the second timeout, with the reason recorded (WR-1). */
  skipped?: { by: string; reason: string };
}

/** 书面报告 in its review and signing chain (spec duty §9.7); a written report goes up only once SIGNED. */
export interface WrittenDraft {
  id: string;
  kind: ReportKind;
  content: string;
  createdBy: string;
  createdAt: Date;
  chain: SignStep[];
  /** WITHDRAWN: still in review when the incident was voided; nobody is asked to act on it any more. */
  status: 'IN_REVIEW' | 'SIGNED' | 'WITHDRAWN';
  signedAt?: Date;
}

/** What the duty officer enters at intake (spec duty §15.4 "Req at intake"). */
export interface IntakeInput {
  title: string;
  category: Category;
  severity: Severity;
  possiblyMajor?: boolean;
  occurredAt?: Date;
  sourceChannel: string;
  sourceUnitId: string;
  location: string;
  description: string;
  classified: boolean;
}

/** I/II, or UNKNOWN flagged possibly major, follow the I/II clocks and chain (spec duty §9.3 last row). */
export const isMajor = (severity: Severity, possiblyMajor: boolean): boolean =>
  severity === 'I' || severity === 'II' || (severity === 'UNKNOWN' && possiblyMajor);
