import { createHash } from 'node:crypto';
import { clears, type Actor } from '@gov/platform/auth';
import { isAppError } from '@gov/platform/errors';
import type { Clock } from '../domain/clock';
import { DocumentError } from '../domain/document-error';
import type { IncomingDocument, SignedInRegistration } from '../domain/incoming-document';
import { assertMayRegister } from '../domain/register-incoming.rule';
import { assertAwaitingRegistration, registrationOf, withHandover } from '../domain/register-signed-in.rule';
import type { RegistrationPolicy } from '../domain/registration-policy';
import type { WorkingDays } from '../domain/working-calendar';
import type { Idempotency, IncomingDocuments, ReadIncoming, ReceiptNumbers } from './ports';
import { giveBackReceiptNo, registerWithReceiptNo, registrarRole, registrationDetails } from './registration';

/**
 * The 综合股 registers a document the duty desk signed in off-hours (spec document R-IN-5, §5.11 I2): it is
 * classified, numbered and routed on exactly as RegisterIncoming would, keeping the desk's registration deadline.
 * The registered document remembers which request registered it, so a retry whose first attempt finished the
 * write (but not the idempotency record) is answered with that document while every other request is refused.
 */
export function createRegisterSignedIn(deps: {
  documents: IncomingDocuments;
  receiptNumbers: ReceiptNumbers;
  idempotency: Idempotency;
  clock: Clock;
  calendar: WorkingDays;
  policy: RegistrationPolicy;
}) {
  const readVisible = async (id: string, actor: Actor): Promise<ReadIncoming> => {
    const found = await deps.documents.get(id);
    // a document above the caller's clearance looks the same as a missing one (as GetIncoming does)
    if (!found || !clears(actor.clearance, found.document.classification))
      throw new DocumentError('INCOMING_NOT_FOUND', `incoming document ${id} does not exist`);
    return found;
  };
  /** Nothing to do when this very request registered it; refused when anything else did. */
  const alreadyDone = (found: ReadIncoming, ref: string): boolean => {
    if (found.document.state === 'REGISTERED' && found.document.registrationRef === ref) return true;
    assertAwaitingRegistration(found.document);
    return false;
  };

  return async function registerSignedIn(
    cmd: { idempotencyKey: string; id: string; registration: SignedInRegistration },
    actor: Actor,
  ): Promise<IncomingDocument> {
    assertMayRegister(actor, deps.policy);
    const scope = `document.registerSignedIn:${actor.userId}`;
    const ref = createHash('sha256').update(`${scope}:${cmd.idempotencyKey}`).digest('hex').slice(0, 24);
    const request = { id: cmd.id, registration: cmd.registration };
    await deps.idempotency.run(scope, cmd.idempotencyKey, request, async () => {
      const found = await readVisible(cmd.id, actor);
      if (alreadyDone(found, ref)) return { id: cmd.id };
      const signedIn = found.document;
      assertAwaitingRegistration(signedIn);
      const now = deps.clock.now();
      const numbered = await registerWithReceiptNo(
        registrationOf(signedIn, cmd.registration),
        { id: cmd.id, actor, now, registrationDueAt: signedIn.registrationDueAt },
        deps,
      );
      const doc = withHandover(numbered, signedIn, ref);
      const events = [
        { type: 'IncomingRegistered' as const, document: doc },
        { type: 'HandoverRegistered' as const, document: doc },
      ];
      try {
        await deps.documents.update(found, doc, events, {
          action: 'incoming.registered',
          actor,
          role: registrarRole(actor, deps.policy),
          reason: 'off-hours handover from the duty desk classified and registered',
          at: now,
          details: { ...registrationDetails(doc), deskDocumentId: signedIn.dutyHandover.deskDocumentId },
        });
      } catch (e) {
        // another registrar won the race: their registration stands and this one is refused like any later one
        if (!isAppError(e) || e.code !== 'CONCURRENT_MODIFICATION') throw e;
        // this write certainly did not happen, so its number is given back rather than left as a silent gap
        await giveBackReceiptNo(doc, 'the document was registered by another request first', deps);
        if (!alreadyDone(await readVisible(cmd.id, actor), ref)) throw e;
      }
      return { id: cmd.id };
    });
    const stored = await deps.documents.get(cmd.id);
    if (stored?.document.state !== 'REGISTERED') throw new Error(`registered document ${cmd.id} cannot be read back`);
    return stored.document;
  };
}
