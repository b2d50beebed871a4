import type { Actor, Clearance } from '@gov/platform/auth';

/** 紧急程度 (spec document §3.3). */
export type Urgency = 'NORMAL' | 'URGENT' | 'EXTRA_URGENT';
/** 办件 (needs action) or 阅件 (for reading), spec document §3.4. */
export type IncomingNature = 'FOR_ACTION' | 'FOR_READING';
/** How a document arrived (spec document §4.2). */
export type Channel =
  'PAPER' | 'ELECTRONIC_GOV_NET' | 'ELECTRONIC_PARTY_NET' | 'FAX' | 'TELEGRAM' | 'DUTY_HANDOVER' | 'HAND_DELIVERED';
/** States of the incoming flow (spec document §5.11); registration leaves a document REGISTERED. */
export type IncomingState = 'REGISTERED';

export interface OrgRef {
  id: string;
  name: string;
}

/** 收文 — a received document once registered (登记). */
export interface IncomingDocument {
  id: string;
  /** 收文号 SW-{YYYY}-{NNNNN} [inferred]. */
  receiptNo: string;
  title: string;
  sender: OrgRef;
  senderDocNo: string;
  urgency: Urgency;
  classification: Clearance;
  nature: IncomingNature;
  channel: Channel;
  ccOnly: boolean;
  fromSuperior: boolean;
  receivedAt: Date;
  registeredAt: Date;
  registeredBy: { userId: string; orgUnitId: string };
  registrationDueAt: Date;
  registeredLate: boolean;
  /** Working days allowed for handling; the sender's limit or the default. 0 for documents for reading. */
  handlingLimitWorkingDays: number;
  /** The limit the sender wrote on the document, 0 when none (the default then applies). */
  senderLimitWorkingDays: number;
  handlingDueAt?: Date;
  handlingDueProvisional: boolean;
  calendarVersion: string;
  state: IncomingState;
}

/** What the clerk enters at registration. */
export interface RegisterIncomingInput {
  title: string;
  sender: OrgRef;
  senderDocNo: string;
  urgency: Urgency;
  classification: Clearance;
  nature: IncomingNature;
  channel: Channel;
  receivedAt: Date;
  ccOnly: boolean;
  fromSuperior: boolean;
  /** 0 = the sender set no limit. */
  handlingLimitWorkingDays: number;
}

export type { Actor };
