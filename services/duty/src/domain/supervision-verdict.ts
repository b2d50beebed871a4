/** How supervision finished tracking a matter the duty desk handed over (spec duty §8.4, §16.2). */
export interface SupervisionVerdict {
  /** The supervision item (督办事项) that tracked it. */
  itemId: string;
  /** Which supervision event told duty: the final feedback accepted, or the item closed. */
  via: 'COMPLETED' | 'CLOSED';
  /** Supervision's outcome (spec supervision §9.1), e.g. COMPLETED_ON_TIME; empty when the event gave none. */
  outcome: string;
  at: Date;
}

/** The parts of a supervision item that say where it came from (spec supervision §14.1 sourceRef). */
export interface ItemSource {
  sourceSystem: string;
  sourceType: string;
  sourceId: string;
}

/** The duty record a supervision item tracks, or null for an item duty did not raise. */
export type DutyRecordRef = { kind: 'CALL'; callId: string } | { kind: 'INSTRUCTION'; instructionId: string } | null;

/**
 * Transferred calls come back as PUBLIC_CALL or PETITION items (petition lines), instruction follow-ups as
 * EMERGENCY_FOLLOWUP items (spec supervision §4.1); the source id is duty's own id. Anything else is not ours.
 */
export function dutyRecordOf(item: ItemSource): DutyRecordRef {
  if (item.sourceSystem !== 'duty' || !item.sourceId) return null;
  switch (item.sourceType) {
    case 'PUBLIC_CALL':
    case 'PETITION':
      return { kind: 'CALL', callId: item.sourceId };
    case 'EMERGENCY_FOLLOWUP':
    case 'LEADER_INSTRUCTION':
      return { kind: 'INSTRUCTION', instructionId: item.sourceId };
    default:
      return null;
  }
}
