import { dutyDeskEventsV1, dutyDeskEventTypes, dutyEventTypes, dutyEventsV1 } from '@gov/contracts';
import { MalformedEventError, type EventHandler, type InboundEvent } from '@gov/platform';
import type { createOpenFollowUpFromDuty } from '../../app/open-follow-up-from-duty';
import type { createOpenItemFromTransferredCall } from '../../app/open-item-from-transferred-call';

function decode<T>(name: string, codec: { decode(b: Uint8Array): T }, event: InboundEvent): T {
  try {
    return codec.decode(event.payload);
  } catch (e) {
    throw new MalformedEventError(`${name} does not decode: ${(e as Error).message}`);
  }
}

/** An RFC 3339 field: undefined when empty and allowed to be, malformed when unreadable. */
function instant(name: string, value: string, optional = false): Date | undefined {
  if (!value && optional) return undefined;
  const d = new Date(value);
  if (!value || Number.isNaN(d.getTime())) throw new MalformedEventError(`${name} is not an RFC 3339 instant`);
  return d;
}

/**
 * gov.duty.events.v1 handlers of supervision: decode, check, hand to the use case. Other duty types on the topic
 * have no handler and are skipped by the kit; violation candidates among them, since supervision acts only on
 * confirmed violations (spec supervision §16.2), which duty does not publish yet.
 */
export function dutyEventHandlers(useCases: {
  openFollowUpFromDuty: ReturnType<typeof createOpenFollowUpFromDuty>;
  openItemFromTransferredCall: ReturnType<typeof createOpenItemFromTransferredCall>;
}): Record<string, EventHandler> {
  return {
    [dutyEventTypes.instructionFollowUpRequired]: async (event) => {
      const msg = decode('InstructionFollowUpRequired', dutyEventsV1.InstructionFollowUpRequired, event);
      if (!msg.instructionId || !msg.incidentId)
        throw new MalformedEventError('InstructionFollowUpRequired lacks instructionId or incidentId');
      await useCases.openFollowUpFromDuty({
        instructionId: msg.instructionId,
        incidentId: msg.incidentId,
        text: msg.text,
        suggestedLeadUnit: msg.suggestedLeadUnit,
        dueAt: instant('dueAt', msg.dueAt, true),
        // the message has no instruction time; duty stamps the event with it (ce_time = givenAt)
        givenAt: instant('ce_time', event.time)!,
      });
    },
    [dutyDeskEventTypes.callTransferred]: async (event) => {
      const msg = decode('CallTransferred', dutyDeskEventsV1.CallTransferred, event);
      if (!msg.callId || !msg.unitId) throw new MalformedEventError('CallTransferred lacks callId or unitId');
      await useCases.openItemFromTransferredCall({
        callId: msg.callId,
        line: msg.line,
        category: msg.category,
        unitId: msg.unitId,
        instruction: msg.instruction,
        transferredAt: instant('at', msg.at)!,
        // 001 L59-60: an important matter, or one needing several departments, gets 10 days instead of 5
        importance: msg.important || msg.multiDepartment ? 'IMPORTANT_OR_MULTI' : 'GENERAL',
      });
    },
  };
}
