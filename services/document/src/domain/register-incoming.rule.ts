import { clears, hasRole, type Actor } from '@gov/platform/auth';
import type { FieldViolation } from '@gov/platform/errors';
import { DocumentError } from './document-error';
import type { IncomingDocument, RegisterIncomingInput } from './incoming-document';
import type { RegistrationPolicy } from './registration-policy';
import { atShanghaiHour, type WorkingDays } from './working-calendar';

const maxTitle = 200;
/** Clock skew tolerated between the receiving desk and the server. [inferred] */
const futureSkewMs = 5 * 60 * 1000;

function validate(input: RegisterIncomingInput, now: Date): FieldViolation[] {
  const v: FieldViolation[] = [];
  if (!input.title.trim()) v.push({ field: 'title', message: 'is required' });
  if (input.title.length > maxTitle) v.push({ field: 'title', message: `is longer than ${maxTitle} characters` });
  if (!input.sender.id.trim()) v.push({ field: 'sender.id', message: 'is required' });
  if (Number.isNaN(input.receivedAt.getTime())) v.push({ field: 'receivedAt', message: 'is not a valid instant' });
  else if (input.receivedAt.getTime() > now.getTime() + futureSkewMs)
    v.push({ field: 'receivedAt', message: 'lies in the future' });
  if (
    !Number.isInteger(input.handlingLimitWorkingDays) ||
    input.handlingLimitWorkingDays < 0 ||
    input.handlingLimitWorkingDays > 365
  )
    v.push({ field: 'handlingLimitWorkingDays', message: 'must be a whole number of working days from 0 to 365' });
  if (input.nature === 'FOR_READING' && input.handlingLimitWorkingDays > 0)
    v.push({ field: 'handlingLimitWorkingDays', message: 'a document for reading has no handling limit' });
  return v;
}

/** Whether the actor holds a role that registers incoming documents at all (spec document §20). */
export const mayRegister = (actor: Actor, policy: RegistrationPolicy): boolean =>
  hasRole(actor, ...policy.registrarRoles, ...policy.classifiedRoles);

/** Refuses anyone outside the document unit with REGISTRATION_NOT_PERMITTED (spec document §20). */
export function assertMayRegister(actor: Actor, policy: RegistrationPolicy): void {
  if (!mayRegister(actor, policy))
    throw new DocumentError('REGISTRATION_NOT_PERMITTED', 'only the document unit registers incoming documents');
}

/** Who may register what (spec document §20; R-IN-3 for classified items; R-IN-5 for duty handovers). */
function authorise(actor: Actor, input: RegisterIncomingInput, policy: RegistrationPolicy): void {
  assertMayRegister(actor, policy);
  if (
    hasRole(actor, 'DUTY_OFFICER') &&
    !hasRole(actor, ...policy.registrarRoles.filter((r) => r !== 'DUTY_OFFICER')) &&
    input.channel !== 'DUTY_HANDOVER'
  )
    throw new DocumentError(
      'REGISTRATION_NOT_PERMITTED',
      'a duty officer registers only documents handed over from duty',
    );
  const classified =
    input.classification === 'SECRET' ||
    input.classification === 'CONFIDENTIAL' ||
    input.classification === 'TOP_SECRET';
  if (classified && !hasRole(actor, ...policy.classifiedRoles))
    throw new DocumentError(
      'CLASSIFIED_SIGN_IN_NOT_PERMITTED',
      'classified items are signed in only by confidential staff or the mail room',
    );
  if (!clears(actor.clearance, input.classification))
    throw new DocumentError('CLEARANCE_TOO_LOW', `registering a ${input.classification} document needs that clearance`);
}

/** Registration deadline (spec document §5.12 row 1, R-REG-4): by urgency and nature, capped by the next morning. */
export function registrationDueAt(
  input: Pick<RegisterIncomingInput, 'urgency' | 'nature' | 'receivedAt'>,
  policy: RegistrationPolicy,
  cal: WorkingDays,
): Date {
  const received = input.receivedAt.getTime();
  let due: Date;
  if (input.urgency !== 'NORMAL') due = new Date(received + policy.urgentMinutes * 60000);
  else if (input.nature === 'FOR_READING') due = cal.addWorkingDays(input.receivedAt, policy.readingWorkingDays).due;
  else due = new Date(received + policy.generalMinutes * 60000);
  if (policy.nextMorningCap) {
    const cap = atShanghaiHour(cal.nextWorkingDay(input.receivedAt), policy.nextMorningHour);
    if (cap.getTime() < due.getTime()) due = cap;
  }
  return due;
}

/**
 * 收文登记 (spec document §5.2): validates, authorises and records a received document. Documents for
 * action get a handling deadline in working days: the sender's limit, else the default (003 L556).
 * `registrationDueAt`, when given, is a deadline fixed before registration (a duty handover's, R-IN-5) and replaces
 * the one computed from the time of receipt.
 */
export function registerIncoming(
  input: RegisterIncomingInput,
  ctx: {
    id: string;
    receiptNo: string;
    actor: Actor;
    now: Date;
    policy: RegistrationPolicy;
    calendar: WorkingDays;
    registrationDueAt?: Date;
  },
): IncomingDocument {
  const violations = validate(input, ctx.now);
  if (violations.length > 0)
    throw new DocumentError('INCOMING_INVALID', 'the incoming document is incomplete or inconsistent', violations);
  authorise(ctx.actor, input, ctx.policy);
  const regDue = ctx.registrationDueAt ?? registrationDueAt(input, ctx.policy, ctx.calendar);
  const forAction = input.nature === 'FOR_ACTION';
  const limit = forAction ? input.handlingLimitWorkingDays || ctx.policy.defaultHandlingWorkingDays : 0;
  const handling = forAction ? ctx.calendar.addWorkingDays(ctx.now, limit) : undefined;
  return {
    id: ctx.id,
    receiptNo: ctx.receiptNo,
    title: input.title.trim(),
    sender: { id: input.sender.id.trim(), name: input.sender.name.trim() },
    senderDocNo: input.senderDocNo.trim(),
    urgency: input.urgency,
    classification: input.classification,
    nature: input.nature,
    channel: input.channel,
    ccOnly: input.ccOnly,
    fromSuperior: input.fromSuperior,
    receivedAt: input.receivedAt,
    registeredAt: ctx.now,
    registeredBy: { userId: ctx.actor.userId, orgUnitId: ctx.actor.orgUnitId },
    registrationDueAt: regDue,
    registeredLate: ctx.now.getTime() > regDue.getTime(),
    handlingLimitWorkingDays: limit,
    senderLimitWorkingDays: forAction ? input.handlingLimitWorkingDays : 0,
    handlingDueAt: handling?.due,
    handlingDueProvisional: handling?.provisional ?? false,
    calendarVersion: ctx.calendar.version,
    state: 'REGISTERED',
  };
}
