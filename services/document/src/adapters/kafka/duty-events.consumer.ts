import { dutyDeskEventTypes, dutyDeskEventsV1 } from '@gov/contracts';
import { MalformedEventError, type EventHandler } from '@gov/platform';
import { clearanceLevels, type Clearance } from '@gov/platform/auth';
import { AppError } from '@gov/platform/errors';
import type { createSignInDutyHandover } from '../../app/sign-in-duty-handover';
import type { Urgency } from '../../domain/incoming-document';

const urgencies: readonly string[] = ['NORMAL', 'URGENT', 'EXTRA_URGENT'] satisfies Urgency[];

/**
 * gov.duty.events.v1 handlers of document: decode, check, hand to the use case. Only the off-hours receipt is
 * handled; other duty types on the topic have no handler and are skipped by the kit.
 */
export function dutyEventHandlers(
  signInHandover: ReturnType<typeof createSignInDutyHandover>,
): Record<string, EventHandler> {
  return {
    [dutyDeskEventTypes.offHoursDocumentReceived]: async (event) => {
      let msg: dutyDeskEventsV1.OffHoursDocumentReceived;
      try {
        msg = dutyDeskEventsV1.OffHoursDocumentReceived.decode(event.payload);
      } catch (e) {
        throw new MalformedEventError(`OffHoursDocumentReceived does not decode: ${(e as Error).message}`);
      }
      const receivedAt = new Date(msg.receivedAt);
      const registerBy = msg.registerBy ? new Date(msg.registerBy) : undefined;
      if (!msg.documentId || Number.isNaN(receivedAt.getTime()))
        throw new MalformedEventError('OffHoursDocumentReceived lacks documentId or receivedAt');
      if (registerBy && Number.isNaN(registerBy.getTime()))
        throw new MalformedEventError('OffHoursDocumentReceived has an unreadable registerBy');
      if (!urgencies.includes(msg.urgency))
        throw new MalformedEventError(`OffHoursDocumentReceived has an unknown urgency '${msg.urgency}'`);
      // an unknown 密级 is not guessed at: a document could be shown to people not cleared for it
      if (msg.secrecyLevel && !(clearanceLevels as readonly string[]).includes(msg.secrecyLevel))
        throw new MalformedEventError(`OffHoursDocumentReceived has an unknown secrecy level '${msg.secrecyLevel}'`);
      try {
        await signInHandover({
          deskDocumentId: msg.documentId,
          kind: msg.kind,
          sender: msg.sender,
          title: msg.title,
          urgency: msg.urgency as Urgency,
          receivedAt,
          registerBy,
          secrecyLevel: (msg.secrecyLevel || undefined) as Clearance | undefined,
          senderOrgId: msg.senderOrgId || undefined,
        });
      } catch (e) {
        // an incomplete handover fails the same way on every retry: park it at once for someone to look at
        if (e instanceof AppError && e.code === 'INCOMING_INVALID') throw new MalformedEventError(e.message);
        throw e;
      }
    },
  };
}
