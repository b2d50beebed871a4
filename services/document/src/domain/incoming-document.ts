import type { Actor, Clearance } from '@gov/platform/auth';

/** 紧急程度 (spec document §3.3). */
export type Urgency = 'NORMAL' | 'URGENT' | 'EXTRA_URGENT';
/** 办件 (needs action) or 阅件 (for reading), spec document §3.4. */
export type IncomingNature = 'FOR_ACTION' | 'FOR_READING';
/** How a document arrived (spec document §4.2). */
export type Channel =
  'PAPER' | 'ELECTRONIC_GOV_NET' | 'ELECTRONIC_PARTY_NET' | 'FAX' | 'TELEGRAM' | 'DUTY_HANDOVER' | 'HAND_DELIVERED';
/**
 * States of the incoming flow (spec document §5.11) implemented so far: a duty handover waits SIGNED_IN for the
 * 综合股 (I1); registration, direct or from SIGNED_IN (I2), leaves a document REGISTERED.
 */
export type IncomingState = 'SIGNED_IN' | 'REGISTERED';

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
  /** Kept from a duty handover (R-IN-5) when it was registered from SIGNED_IN; absent otherwise. */
  signedInAt?: Date;
  handedToUnitId?: string;
  dutyHandover?: { deskDocumentId: string; kind: string };
  /**
   * Which registration request turned a signed-in document into this one (a digest of the caller and the
   * idempotency key), so a retry of that request is answered and any other refused. Absent for RegisterIncoming,
   * whose document id is itself derived from the request.
   */
  registrationRef?: string;
  state: 'REGISTERED';
}

/**
 * 签收 — a document the duty desk took in outside working hours and handed over (spec document §5.11 I1, R-IN-5,
 * §19.2). It waits for the 综合股 to classify and register it; until then it has no receipt number, and its
 * nature (办件/阅件) is not known.
 */
export interface SignedInDocument {
  id: string;
  title: string;
  /** As the duty desk wrote it down: a name only; the 综合股 identifies the organ at registration. */
  sender: OrgRef;
  urgency: Urgency;
  classification: Clearance;
  channel: 'DUTY_HANDOVER';
  receivedAt: Date;
  signedInAt: Date;
  /** The unit that must classify and register it: the 综合股. */
  handedToUnitId: string;
  registrationDueAt: Date;
  /** The duty desk's record (document, letter, fax or telegram) this came from. */
  dutyHandover: { deskDocumentId: string; kind: string };
  state: 'SIGNED_IN';
}

/** Whatever the incoming store holds. */
export type StoredIncoming = IncomingDocument | SignedInDocument;

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

/**
 * What the 综合股 adds when it classifies and registers a signed-in handover (R-IN-5): the organ the desk only
 * named, the 密级 the desk log does not carry, and whether it is a 办件 or a 阅件. The rest comes from the sign-in.
 */
export interface SignedInRegistration {
  /** An empty name keeps the one the duty desk wrote down. */
  sender: OrgRef;
  senderDocNo: string;
  classification: Clearance;
  nature: IncomingNature;
  /** Absent: the urgency the duty desk recorded stands. */
  urgency?: Urgency;
  ccOnly: boolean;
  fromSuperior: boolean;
  /** 0 = the sender set no limit. */
  handlingLimitWorkingDays: number;
}

export type { Actor };
