import type { Connection } from 'mongoose';
import { nextAuditEntry, updateAggregate, verifyAuditChain, type AuditEntry } from '@gov/platform';
import type { ReportingStore } from '../../app/ports';
import { byFactTime, type Chronology, type ChronologyEntry } from '../../domain/chronology';
import type { Incident } from '../../domain/incident';
import type { createIncidentModel, IncidentRecord } from './incident.schema';

const toEntry = (a: AuditEntry): ChronologyEntry => ({
  seq: a.seq,
  action: a.action,
  at: a.at,
  actor: a.actor.userId,
  role: a.actor.role,
  details: a.details ?? {},
});

/**
 * The incident's record as LG-3 reads it (its audit trail with the acknowledgement mark and the delivery
 * ledger beside it), and the custodian's append-only repair of it.
 */
export function createIncidentRecord(
  alert: Connection,
  model: ReturnType<typeof createIncidentModel>,
  toIncident: (r: IncidentRecord) => Incident,
): Pick<ReportingStore, 'chronology' | 'appendToRecord'> {
  async function chronologyOf(incidentId: string, audit: AuditEntry[]): Promise<Chronology> {
    // the chain is verified in the order it was written; only the view below is put in time order
    const chain = verifyAuditChain(audit);
    const ack = (await alert.collection('acknowledgements').findOne({ _id: incidentId } as never)) as {
      personId: string;
      at: Date;
      voided?: boolean;
    } | null;
    const ledger = (await alert
      .collection('deliveries')
      .find({ incidentId, step: 'ESCALATION' } as never, { projection: { recipientId: 1, attempt: 1, claimedAt: 1 } })
      .toArray()) as unknown as { _id: string; recipientId: string; attempt: number; claimedAt: Date }[];
    return {
      // LG-3 "in time order": by when each fact happened, so a line a repair appended late stands at its
      // fact's time, not at the end
      entries: audit.map(toEntry).sort(byFactTime),
      ...(chain.ok ? {} : { brokenAt: chain.brokenAt }),
      ...(ack && !ack.voided ? { acknowledgement: { personId: ack.personId, at: ack.at } } : {}),
      escalatedTo: ledger.map((d) => d.recipientId),
      escalations: ledger.map((d) => ({
        recipientId: d.recipientId,
        attempt: d.attempt,
        at: d.claimedAt,
        ledgerId: String(d._id),
      })),
    };
  }

  return {
    async chronology(incidentId) {
      const r = (await alert.collection('incidents').findOne({ _id: incidentId } as never, {
        projection: { audit: 1 },
      })) as IncidentRecord | null;
      return r ? chronologyOf(incidentId, r.audit ?? []) : undefined;
    },

    async appendToRecord(incidentId, plan, note, at) {
      for (let attempt = 0; attempt < 8; attempt++) {
        const r = (await model.findById(incidentId).lean()) as IncidentRecord | null;
        if (!r) return undefined;
        const audit = r.audit ?? [];
        const out = plan(toIncident(r), await chronologyOf(incidentId, audit));
        if (!out) return { appended: [] };
        // each line chained to the one before, after the last stored line: nothing earlier is rewritten
        const entries: AuditEntry[] = [];
        let prev = audit.at(-1);
        for (const line of out.lines) {
          prev = nextAuditEntry(prev, {
            action: line.action,
            actor: note.actor,
            role: note.role,
            reason: `reconstructed from ${line.details.reconstructed.from}`,
            at: line.at,
            details: line.details,
          });
          entries.push(prev);
        }
        entries.push(
          nextAuditEntry(prev, {
            action: note.action,
            actor: note.actor,
            role: note.role,
            at,
            details: { ...note.details, ...out.details },
          }),
        );
        try {
          await updateAggregate<IncidentRecord>(model as never, {
            id: incidentId,
            expectedVersion: r.version,
            set: {},
            events: [],
            audit: entries,
          });
          return { appended: entries.map(toEntry) };
        } catch (e) {
          if ((e as { code?: string }).code !== 'CONCURRENT_MODIFICATION') throw e;
        }
      }
      throw new Error(`repair of the record of incident ${incidentId} kept conflicting`);
    },
  };
}
