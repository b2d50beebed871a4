import { eventTypes, supervisionEventsV1, supervisionV1 } from '@gov/contracts';
import { MalformedEventError, type EventHandler, type InboundEvent } from '@gov/platform';
import type { createSupervisionVerdicts, FinishedItem } from '../../app/supervision-verdicts';

type Finished = supervisionEventsV1.ItemCompleted | supervisionEventsV1.ItemClosed;

/** SOURCE_TYPE_PUBLIC_CALL → PUBLIC_CALL; unknown numbers stay unknown and are never duty's. */
const sourceTypeName = (t: supervisionV1.SourceType): string =>
  (supervisionV1.SourceType[t] ?? 'UNRECOGNIZED').replace(/^SOURCE_TYPE_/, '');

function decode(name: string, codec: { decode(b: Uint8Array): Finished }, event: InboundEvent): Finished {
  try {
    return codec.decode(event.payload);
  } catch (e) {
    throw new MalformedEventError(`${name} does not decode: ${(e as Error).message}`);
  }
}

/** The finished item as the use case takes it; the event's own time stands in when `at` is empty. */
function toFinished(name: string, msg: Finished, via: FinishedItem['via'], event: InboundEvent): FinishedItem {
  if (!msg.itemId) throw new MalformedEventError(`${name} lacks itemId`);
  const at = new Date(msg.at || event.time);
  if (Number.isNaN(at.getTime())) throw new MalformedEventError(`${name} has no readable instant`);
  return {
    itemId: msg.itemId,
    sourceSystem: msg.sourceSystem,
    sourceType: sourceTypeName(msg.sourceType),
    sourceId: msg.sourceId,
    outcome: msg.outcome,
    via,
    at,
  };
}

/**
 * gov.supervision.events.v1 handlers of duty (spec duty §16.2): an item's completion or closure reaches the
 * transferred call or the instruction it tracked. ItemOpened and other types have no handler and are skipped.
 */
export function supervisionEventHandlers(
  recordVerdict: ReturnType<typeof createSupervisionVerdicts>,
): Record<string, EventHandler> {
  return {
    [eventTypes.supervisionItemCompleted]: async (event) => {
      const msg = decode('ItemCompleted', supervisionEventsV1.ItemCompleted, event);
      await recordVerdict(toFinished('ItemCompleted', msg, 'COMPLETED', event));
    },
    [eventTypes.supervisionItemClosed]: async (event) => {
      const msg = decode('ItemClosed', supervisionEventsV1.ItemClosed, event);
      await recordVerdict(toFinished('ItemClosed', msg, 'CLOSED', event));
    },
  };
}
