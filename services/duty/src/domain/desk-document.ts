import type { DeskCalendar, DeskPolicy } from './desk-policy';
import { DeskError, oneOf, required } from './desk-error';
import type { DeskEvent, Transition } from './desk-events';

export const documentKinds = ['DOCUMENT', 'LETTER', 'FAX', 'TELEGRAM'] as const;
export const addressees = ['GOVERNMENT', 'OFFICE', 'OTHER'] as const;
/** 普通 / 急件 / 特急件. */
export const urgencies = ['NORMAL', 'URGENT', 'EXTRA_URGENT'] as const;
export type Urgency = (typeof urgencies)[number];
/** 密级 marked on a received document, lowest first (the platform's clearance scale). */
export const secrecyLevels = ['PUBLIC', 'INTERNAL', 'SECRET', 'CONFIDENTIAL', 'TOP_SECRET'] as const;
export type SecrecyLevel = (typeof secrecyLevels)[number];

/**
 * 非工作日收文 / 急件 — a document, letter, fax or telegram received at the duty desk (spec duty §7 DK-4, DK-5,
 * §15.6 OffHoursDocument). `timerDueAt` is the next instant the sweep must look at it (warning, then the limit).
 */
export interface DeskDocument {
  id: string;
  kind: (typeof documentKinds)[number];
  addressedTo: (typeof addressees)[number];
  sender: string;
  title: string;
  urgency: Urgency;
  receivedAt: Date;
  loggedBy: string;
  /** 密级 as marked; absent when the document bears none (document then holds it as INTERNAL). */
  secrecyLevel?: SecrecyLevel;
  /** The sender's org-directory id, when the desk knows it; `sender` keeps the name as written. */
  senderOrgId?: string;
  offHours: boolean;
  status: 'RECEIVED' | 'WITH_GENERAL_SECTION' | 'REGISTERED';
  registerBy?: Date;
  registeredAt?: Date;
  registeredBy?: string;
  forwardWarnAt?: Date;
  forwardDueAt?: Date;
  forwardedTo?: string;
  forwardedAt?: Date;
  alertedAt?: Date;
  late: boolean;
  timerDueAt?: Date;
}

export interface DocumentInput {
  kind: string;
  addressedTo: string;
  sender: string;
  title: string;
  urgency: string;
  receivedAt: Date;
  /** Empty when the document bears no marking. */
  secrecyLevel?: string;
  senderOrgId?: string;
}

const minutes = (t: Date, n: number) => new Date(t.getTime() + n * 60_000);
const isUrgent = (u: Urgency) => u !== 'NORMAL';

/**
 * Logs a received document. On a non-working day one addressed to the government or the office goes to the
 * 综合股 registration list, due by 12:00 of the next working day, and `document.received_offhours` is emitted
 * (spec duty §7 DK-4, §19 scenario 7). A 急件/特急件 gets its forward-to-leader warning and limit (DK-5).
 */
export function logDocument(
  id: string,
  input: DocumentInput,
  ctx: { loggedBy: string; now: Date; calendar: DeskCalendar; policy: DeskPolicy },
): Transition<DeskDocument> {
  required({ sender: input.sender, title: input.title });
  const kind = oneOf('kind', input.kind, documentKinds);
  const addressedTo = oneOf('addressedTo', input.addressedTo, addressees);
  const urgency = oneOf('urgency', input.urgency, urgencies);
  const secrecyLevel = input.secrecyLevel?.trim()
    ? oneOf('secrecyLevel', input.secrecyLevel.trim(), secrecyLevels)
    : undefined;
  const senderOrgId = input.senderOrgId?.trim() || undefined;
  if (input.receivedAt.getTime() > ctx.now.getTime() + 60_000)
    throw new DeskError('DESK_INPUT_INVALID', 'receivedAt is in the future', [
      { field: 'receivedAt', message: 'must not be in the future' },
    ]);
  const { policy } = ctx;
  const offHours = addressedTo !== 'OTHER' && !ctx.calendar.isWorkingDay(input.receivedAt);
  const events: DeskEvent[] = [];
  const doc: DeskDocument = {
    id,
    kind,
    addressedTo,
    sender: input.sender.trim(),
    title: input.title.trim(),
    urgency,
    receivedAt: input.receivedAt,
    loggedBy: ctx.loggedBy,
    ...(secrecyLevel ? { secrecyLevel } : {}),
    ...(senderOrgId ? { senderOrgId } : {}),
    offHours,
    status: offHours ? 'WITH_GENERAL_SECTION' : 'RECEIVED',
    late: false,
  };
  if (offHours) {
    doc.registerBy = minutes(ctx.calendar.nextWorkingDay(input.receivedAt), policy.registerByMinute);
    events.push({
      type: 'document.received_offhours',
      documentId: id,
      kind,
      sender: doc.sender,
      title: doc.title,
      urgency,
      receivedAt: doc.receivedAt,
      registerBy: doc.registerBy,
      secrecyLevel: secrecyLevel ?? '',
      senderOrgId: senderOrgId ?? '',
    });
  }
  if (isUrgent(urgency)) {
    doc.forwardWarnAt = minutes(input.receivedAt, policy.urgentForwardWarnMin);
    doc.forwardDueAt = minutes(input.receivedAt, policy.urgentForwardLimitMin);
    doc.timerDueAt = doc.forwardWarnAt;
    events.push({
      type: 'urgent_document.received',
      documentId: id,
      urgency,
      kind,
      title: doc.title,
      sender: doc.sender,
      receivedAt: doc.receivedAt,
      forwardWarnAt: doc.forwardWarnAt,
      forwardDueAt: doc.forwardDueAt,
    });
  }
  return { next: doc, events, action: 'DESK_DOCUMENT_LOGGED', details: { urgency, offHours } };
}

/** The 综合股 registers an off-hours document (DK-4); only documents on its list can be registered, once. */
export function registerDocument(doc: DeskDocument, by: string, at: Date): Transition<DeskDocument> {
  if (doc.status !== 'WITH_GENERAL_SECTION')
    throw new DeskError('DOCUMENT_STATE', `document ${doc.id} is ${doc.status}, not waiting for the 综合股`);
  return {
    next: { ...doc, status: 'REGISTERED', registeredAt: at, registeredBy: by },
    events: [],
    action: 'DESK_DOCUMENT_REGISTERED',
    details: { onTime: !doc.registerBy || at.getTime() <= doc.registerBy.getTime() },
  };
}

/** An urgent document goes to a leader (DK-5); after the limit it stays marked late. Stops its timer. */
export function forwardDocument(doc: DeskDocument, leaderId: string, at: Date): Transition<DeskDocument> {
  required({ leaderId });
  if (!isUrgent(doc.urgency))
    throw new DeskError('DOCUMENT_STATE', `document ${doc.id} is not urgent; it follows the ordinary routing`);
  if (doc.forwardedTo) throw new DeskError('DOCUMENT_STATE', `document ${doc.id} was forwarded already`);
  const late = doc.late || (doc.forwardDueAt !== undefined && at.getTime() > doc.forwardDueAt.getTime());
  const next: DeskDocument = { ...doc, forwardedTo: leaderId, forwardedAt: at, late };
  delete next.timerDueAt;
  return { next, events: [], action: 'URGENT_DOCUMENT_FORWARDED', details: { leaderId, late } };
}

/**
 * What the sweep does with an urgent document whose timer is due (DK-5, §19 scenario 8): at the warning time an
 * alert, at the limit the late mark; undefined when there is nothing to do (forwarded, or not due yet).
 */
export function sweepDocument(doc: DeskDocument, now: Date): Transition<DeskDocument> | undefined {
  if (doc.forwardedTo || !doc.forwardDueAt || !doc.forwardWarnAt) return undefined;
  const t = now.getTime();
  if (!doc.late && t >= doc.forwardDueAt.getTime()) {
    const next: DeskDocument = { ...doc, late: true, alertedAt: doc.alertedAt ?? now };
    delete next.timerDueAt;
    const at = doc.forwardDueAt;
    return {
      next,
      events: [{ type: 'urgent_document.late', documentId: doc.id, urgency: doc.urgency, forwardDueAt: at, at: now }],
      action: 'URGENT_DOCUMENT_LATE',
    };
  }
  if (!doc.alertedAt && t >= doc.forwardWarnAt.getTime())
    return {
      next: { ...doc, alertedAt: now, timerDueAt: doc.forwardDueAt },
      events: [
        {
          type: 'urgent_document.forward_warning',
          documentId: doc.id,
          urgency: doc.urgency,
          forwardDueAt: doc.forwardDueAt,
          at: now,
        },
      ],
      action: 'URGENT_DOCUMENT_ALERTED',
    };
  return undefined;
}
