import type { Clearance } from '@gov/platform/auth';
import type { FieldViolation } from '@gov/platform/errors';
import { DocumentError } from './document-error';
import type { SignedInDocument, Urgency } from './incoming-document';
import type { RegistrationPolicy } from './registration-policy';
import { atShanghaiHour, type WorkingDays } from './working-calendar';

/** What the duty desk reports about a document it received off-hours (duty DK-4). */
export interface DutyHandover {
  deskDocumentId: string;
  kind: string;
  sender: string;
  title: string;
  urgency: Urgency;
  receivedAt: Date;
  /** The desk's registration deadline for the 综合股, when it gave one. */
  registerBy?: Date;
  /** 密级 marked on the document as the desk logged it; absent when the document bore none. */
  secrecyLevel?: Clearance;
  /** The sender's directory id, when the desk matched the sender to one. */
  senderOrgId?: string;
}

const maxTitle = 200;
/**
 * A handover whose document bore no 密级 marking is held as INTERNAL until the 综合股 classifies it at
 * registration; a marked one keeps its marking from the moment it is signed in. [inferred]
 */
const unmarkedClassification: Clearance = 'INTERNAL';

function validate(h: DutyHandover): FieldViolation[] {
  const v: FieldViolation[] = [];
  if (!h.deskDocumentId.trim()) v.push({ field: 'deskDocumentId', message: 'is required' });
  if (!h.title.trim()) v.push({ field: 'title', message: 'is required' });
  if (h.title.length > maxTitle) v.push({ field: 'title', message: `is longer than ${maxTitle} characters` });
  if (Number.isNaN(h.receivedAt.getTime())) v.push({ field: 'receivedAt', message: 'is not a valid instant' });
  return v;
}

/**
 * 签收 of an off-hours receipt (spec document R-IN-5, §5.11 I1 "DUTY_OFFICER via handover event", §19.2): the
 * document is signed in on the channel DUTY_HANDOVER and handed to the 综合股, which must register it by the
 * desk's deadline, or else by the next-morning cap of R-REG-4.
 */
export function signInDutyHandover(
  h: DutyHandover,
  ctx: { id: string; generalSectionId: string; policy: RegistrationPolicy; calendar: WorkingDays },
): SignedInDocument {
  const violations = validate(h);
  if (violations.length > 0) throw new DocumentError('INCOMING_INVALID', 'the duty handover is incomplete', violations);
  const registrationDueAt =
    h.registerBy ?? atShanghaiHour(ctx.calendar.nextWorkingDay(h.receivedAt), ctx.policy.nextMorningHour);
  return {
    id: ctx.id,
    title: h.title.trim(),
    sender: { id: h.senderOrgId?.trim() ?? '', name: h.sender.trim() },
    urgency: h.urgency,
    classification: h.secrecyLevel ?? unmarkedClassification,
    channel: 'DUTY_HANDOVER',
    receivedAt: h.receivedAt,
    // the duty officer signed it in on receipt; this service only learns of it afterwards
    signedInAt: h.receivedAt,
    handedToUnitId: ctx.generalSectionId,
    registrationDueAt,
    dutyHandover: { deskDocumentId: h.deskDocumentId.trim(), kind: h.kind },
    state: 'SIGNED_IN',
  };
}
