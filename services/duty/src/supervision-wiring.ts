import { topics } from '@gov/contracts';
import type { EventHandler } from '@gov/platform';
import { createSupervisionVerdicts } from './app/supervision-verdicts';
import type { CallStore } from './app/desk-ports';
import { supervisionEventHandlers } from './adapters/kafka/supervision-events.consumer';
import { createInstructionFollowUps } from './adapters/mongo/instruction-follow-up.repository';
import type { createIncidentModel } from './adapters/mongo/incident.schema';

/** The consumer group of duty on supervision's topic; main.ts starts it with the kit (inbox, parking). */
export const supervisionEventsGroup = 'duty.supervision-events';

/**
 * Supervision's verdicts on what the desk handed over (spec duty §8.4, §16.2): transferred calls get their
 * feedback, instruction follow-ups are done. main.ts and the integration test build the consumer through this.
 */
export function wireSupervisionVerdicts(deps: {
  calls: CallStore;
  incidents: ReturnType<typeof createIncidentModel>;
}): { groupId: string; topics: string[]; handlers: Record<string, EventHandler> } {
  const recordVerdict = createSupervisionVerdicts({
    calls: deps.calls,
    followUps: createInstructionFollowUps(deps.incidents),
  });
  return {
    groupId: supervisionEventsGroup,
    topics: [topics.supervision],
    handlers: supervisionEventHandlers(recordVerdict),
  };
}
