import { nextAuditEntry, updateAggregate } from '@gov/platform';
import type { InstructionFollowUps } from '../../app/supervision-verdicts';
import type { LeaderInstruction } from '../../domain/instruction';
import type { createIncidentModel, IncidentRecord } from './incident.schema';

type WithInstructions = IncidentRecord & { instructions?: LeaderInstruction[] };

/**
 * Instructions on the incident aggregate (`incidents.instructions[]`): found by the instruction's own id (the
 * `instructions.id` index), changed with a version-checked write that also appends the audit line. No event
 * goes out: spec duty §16.1 names none for a finished follow-up.
 */
export function createInstructionFollowUps(model: ReturnType<typeof createIncidentModel>): InstructionFollowUps {
  return {
    async change(instructionId, change, note) {
      for (let attempt = 0; attempt < 5; attempt++) {
        const r = (await model
          .findOne({ 'instructions.id': instructionId } as never, { outbox: 0 })
          .lean()) as WithInstructions | null;
        const list = r?.instructions ?? [];
        const at = list.findIndex((i) => i.id === instructionId);
        if (!r || at < 0) return 'not_found';
        const next = change(list[at]!);
        if (!next) return 'unchanged';
        try {
          await updateAggregate<IncidentRecord>(model as never, {
            id: r._id,
            expectedVersion: r.version,
            set: { instructions: list.map((i, n) => (n === at ? next : i)) } as never,
            events: [],
            audit: [
              nextAuditEntry(r.audit.at(-1), {
                action: note.action,
                actor: note.actor,
                role: 'SYSTEM',
                at: note.at,
                details: { instructionId, ...note.details },
              }),
            ],
          });
          return 'changed';
        } catch (e) {
          if ((e as { code?: string }).code !== 'CONCURRENT_MODIFICATION') throw e;
        }
      }
      throw new Error(`instruction ${instructionId} kept conflicting`);
    },
  };
}
