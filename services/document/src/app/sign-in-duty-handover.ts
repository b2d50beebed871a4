import type { Actor } from '@gov/platform/auth';
import type { Clock } from '../domain/clock';
import { signInDutyHandover, type DutyHandover } from '../domain/duty-handover.rule';
import type { RegistrationPolicy } from '../domain/registration-policy';
import type { WorkingDays } from '../domain/working-calendar';
import type { IncomingDocuments } from './ports';

/**
 * Takes over a document the duty desk received off-hours (spec document R-IN-5, §19.2): it is signed in on the
 * channel DUTY_HANDOVER and put in front of the 综合股 for classification and registration. The document id is
 * derived from the desk's id, so a redelivered or re-published event finds it there and changes nothing.
 */
export function createSignInDutyHandover(deps: {
  documents: IncomingDocuments;
  clock: Clock;
  calendar: WorkingDays;
  policy: RegistrationPolicy;
  generalSectionId: string;
  /** Who the audit names: the duty desk, acting as DUTY_OFFICER (§5.11 I1). */
  dutyDesk: Actor;
}) {
  return async function signInHandover(h: DutyHandover): Promise<'signed-in' | 'exists'> {
    const id = `in-duty-${h.deskDocumentId}`;
    if (await deps.documents.get(id)) return 'exists';
    const doc = signInDutyHandover(h, {
      id,
      generalSectionId: deps.generalSectionId,
      policy: deps.policy,
      calendar: deps.calendar,
    });
    // no event yet: the document contract has no message for a sign-in, and supervision acts on registration
    const created = await deps.documents.create(doc, [], {
      action: 'incoming.signed_in',
      actor: deps.dutyDesk,
      role: 'DUTY_OFFICER',
      reason: `off-hours ${h.kind.toLowerCase()} handed over by the duty desk`,
      at: deps.clock.now(),
      details: {
        deskDocumentId: doc.dutyHandover.deskDocumentId,
        handedToUnitId: doc.handedToUnitId,
        registrationDueAt: doc.registrationDueAt.toISOString(),
      },
    });
    return created ? 'signed-in' : 'exists';
  };
}
