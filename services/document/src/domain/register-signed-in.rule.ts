import { DocumentError } from './document-error';
import type {
  IncomingDocument,
  RegisterIncomingInput,
  SignedInDocument,
  SignedInRegistration,
  StoredIncoming,
} from './incoming-document';

/**
 * §5.11 I2 (SIGNED_IN → register → REGISTERED) runs once: a document that left SIGNED_IN, by this path or by
 * RegisterIncoming, is refused with INCOMING_ALREADY_REGISTERED.
 */
export function assertAwaitingRegistration(doc: StoredIncoming): asserts doc is SignedInDocument {
  if (doc.state !== 'SIGNED_IN')
    throw new DocumentError(
      'INCOMING_ALREADY_REGISTERED',
      `incoming document ${doc.id} is already registered as ${doc.receiptNo}`,
    );
}

/**
 * The registration input of a signed-in handover (spec document R-IN-5): what the duty desk recorded (title,
 * time of receipt, channel) plus what the 综合股 classifies. It then goes through the one registration rule.
 */
export function registrationOf(doc: SignedInDocument, reg: SignedInRegistration): RegisterIncomingInput {
  return {
    title: doc.title,
    sender: { id: reg.sender.id, name: reg.sender.name.trim() || doc.sender.name },
    senderDocNo: reg.senderDocNo,
    urgency: reg.urgency ?? doc.urgency,
    classification: reg.classification,
    nature: reg.nature,
    channel: doc.channel,
    receivedAt: doc.receivedAt,
    ccOnly: reg.ccOnly,
    fromSuperior: reg.fromSuperior,
    handlingLimitWorkingDays: reg.handlingLimitWorkingDays,
  };
}

/** The registered document keeps where it came from: the sign-in, the 综合股 and the desk's record. */
export function withHandover(
  registered: IncomingDocument,
  from: SignedInDocument,
  registrationRef: string,
): IncomingDocument {
  return {
    ...registered,
    signedInAt: from.signedInAt,
    handedToUnitId: from.handedToUnitId,
    dutyHandover: from.dutyHandover,
    registrationRef,
  };
}
