import { createHash } from 'node:crypto';
import type { Actor } from '@gov/platform/auth';
import type { Clock } from '../domain/clock';
import type { IncomingDocument, RegisterIncomingInput } from '../domain/incoming-document';
import type { RegistrationPolicy } from '../domain/registration-policy';
import type { WorkingDays } from '../domain/working-calendar';
import type { Idempotency, IncomingDocuments, ReceiptNumbers } from './ports';
import { giveBackReceiptNo, registerWithReceiptNo, registrarRole, registrationDetails } from './registration';

/**
 * 收文登记 use case. The document id is derived from the caller and the idempotency key, so even a retry
 * whose first attempt died half-way cannot register the same document twice.
 */
export function createRegisterIncoming(deps: {
  documents: IncomingDocuments;
  receiptNumbers: ReceiptNumbers;
  idempotency: Idempotency;
  clock: Clock;
  calendar: WorkingDays;
  policy: RegistrationPolicy;
}) {
  return async function registerIncomingDocument(
    cmd: { idempotencyKey: string; input: RegisterIncomingInput },
    actor: Actor,
  ): Promise<IncomingDocument> {
    const scope = `document.registerIncoming:${actor.userId}`;
    // the store replays JSON, so it keeps only the id; the document is read back either way
    const { id } = await deps.idempotency.run(scope, cmd.idempotencyKey, cmd.input, async () => {
      const id = 'in-' + createHash('sha256').update(`${scope}:${cmd.idempotencyKey}`).digest('hex').slice(0, 24);
      if (await deps.documents.get(id)) return { id };
      const now = deps.clock.now();
      const doc = await registerWithReceiptNo(cmd.input, { id, actor, now }, deps);
      const created = await deps.documents.create(doc, [{ type: 'IncomingRegistered', document: doc }], {
        action: 'incoming.registered',
        actor,
        role: registrarRole(actor, deps.policy),
        at: now,
        details: registrationDetails(doc),
      });
      // a concurrent retry of the same request created it first with its own number: this one goes back
      if (!created) await giveBackReceiptNo(doc, 'a concurrent retry of the same registration stored it first', deps);
      return { id };
    });
    const stored = await deps.documents.get(id);
    if (stored?.document.state !== 'REGISTERED') throw new Error(`registered document ${id} cannot be read back`);
    return stored.document;
  };
}
