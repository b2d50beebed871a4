import type { Actor } from '@gov/platform/auth';
import type { IncomingDocument, RegisterIncomingInput } from '../domain/incoming-document';
import { registerIncoming } from '../domain/register-incoming.rule';
import type { RegistrationPolicy } from '../domain/registration-policy';
import type { WorkingDays } from '../domain/working-calendar';
import type { ReceiptNumbers } from './ports';

const shanghaiYear = (d: Date) => new Date(d.getTime() + 8 * 3600 * 1000).getUTCFullYear();

/**
 * 收文登记 as every path performs it (RegisterIncoming, and the 综合股 registering a duty handover): the one
 * registration rule, then the next 收文号 SW-{YYYY}-{NNNNN} of the Shanghai year. The rule runs first, so a refused
 * registration takes no number and leaves no gap in the year's sequence.
 */
export async function registerWithReceiptNo(
  input: RegisterIncomingInput,
  ctx: { id: string; actor: Actor; now: Date; registrationDueAt?: Date },
  deps: { receiptNumbers: ReceiptNumbers; policy: RegistrationPolicy; calendar: WorkingDays },
): Promise<IncomingDocument> {
  const doc = registerIncoming(input, { ...ctx, receiptNo: '', policy: deps.policy, calendar: deps.calendar });
  const year = shanghaiYear(ctx.now);
  const seq = await deps.receiptNumbers.next(year);
  return { ...doc, receiptNo: `SW-${year}-${String(seq).padStart(5, '0')}` };
}

/**
 * Gives back the 收文号 of a registration that certainly wrote nothing (it lost a race, or the document was
 * already there): the next registration takes it, or, if a later number is already out, it is recorded as voided
 * with the reason. Not for a write whose outcome is unknown: a number that might be in use is never given back.
 */
export async function giveBackReceiptNo(
  doc: IncomingDocument,
  reason: string,
  deps: { receiptNumbers: ReceiptNumbers },
): Promise<void> {
  const m = /^SW-(\d{4})-(\d+)$/.exec(doc.receiptNo);
  if (m) await deps.receiptNumbers.release(Number(m[1]), Number(m[2]), `${reason} (document ${doc.id})`);
}

/** The role the audit names for a registration: the first of the actor's roles that allows it. */
export const registrarRole = (actor: Actor, policy: RegistrationPolicy): string =>
  actor.roles.find((r) => policy.registrarRoles.includes(r) || policy.classifiedRoles.includes(r)) ?? '';

/** The audit details every registration records. */
export const registrationDetails = (doc: IncomingDocument): Record<string, unknown> => ({
  receiptNo: doc.receiptNo,
  registrationDueAt: doc.registrationDueAt.toISOString(),
  registeredLate: doc.registeredLate,
});
