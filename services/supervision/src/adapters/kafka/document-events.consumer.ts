import { documentEventsV1, documentV1, eventTypes } from '@gov/contracts';
import { MalformedEventError, type EventHandler } from '@gov/platform';
import type { createOpenItemFromDocument } from '../../app/open-item-from-document';
import type { UrgencyLabel } from '../../domain/supervision-item';

const urgencyOf: Record<number, UrgencyLabel> = {
  [documentV1.Urgency.URGENCY_NORMAL]: 'NORMAL',
  [documentV1.Urgency.URGENCY_URGENT]: 'URGENT',
  [documentV1.Urgency.URGENCY_EXTRA_URGENT]: 'EXTRA_URGENT',
};

/** gov.document.events.v1 handlers of supervision: decode, check, hand to the use case. */
export function documentEventHandlers(
  openItemFromDocument: ReturnType<typeof createOpenItemFromDocument>,
): Record<string, EventHandler> {
  return {
    [eventTypes.documentIncomingRegistered]: async (event) => {
      let msg: documentEventsV1.IncomingRegistered;
      try {
        msg = documentEventsV1.IncomingRegistered.decode(event.payload);
      } catch (e) {
        throw new MalformedEventError(`IncomingRegistered does not decode: ${(e as Error).message}`);
      }
      const registeredAt = new Date(msg.registeredAt);
      if (!msg.documentId || Number.isNaN(registeredAt.getTime()))
        throw new MalformedEventError('IncomingRegistered lacks documentId or registeredAt');
      const nature = msg.nature === documentV1.IncomingNature.INCOMING_NATURE_FOR_ACTION ? 'FOR_ACTION' : 'FOR_READING';
      await openItemFromDocument({
        documentId: msg.documentId,
        receiptNo: msg.receiptNo,
        title: msg.title,
        nature,
        urgency: urgencyOf[msg.urgency] ?? 'NORMAL',
        registeredAt,
        handlingLimitWorkingDays: msg.handlingLimitWorkingDays,
      });
    },
  };
}
