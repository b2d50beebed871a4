import type { Incident, WrittenDraft } from './incident';
import type { LeaderInstruction } from './instruction';

/** One line of an incident's record (its hash-chained audit trail) as the LG-3 checks read it. */
export interface ChronologyEntry {
  /** Place in the hash chain, i.e. the order lines were appended in. */
  seq?: number;
  action: string;
  /** When the fact happened. For a line a repair rebuilt this is the fact's time, not the repair's. */
  at: Date;
  /** Who wrote the line; for a rebuilt line the custodian, the fact's own person is `details.personId`. */
  actor?: string;
  role?: string;
  details: Record<string, unknown>;
}

/**
 * What the incident's own record holds, for the LG-3 check: its hash-chained audit entries (the automatic
 * entry the service writes for every state change), whether the chain verifies, the acknowledgement the alert
 * path recorded, and the people the ledger shows were reached by escalation.
 */
export interface Chronology {
  entries: ChronologyEntry[];
  /** The first entry whose hash or link does not match; absent when the chain is intact. */
  brokenAt?: number;
  /** The first acknowledgement as the alert path recorded it (not a void's stop mark). */
  acknowledgement?: { personId: string; at: Date };
  /** People notified as the next in the chain (ESCALATION step), from the delivery ledger. */
  escalatedTo: string[];
  /** The ledger's ESCALATION records with their times and ids: what a repair rebuilds an escalation from. */
  escalations?: { recipientId: string; attempt: number; at: Date; ledgerId: string }[];
}

/**
 * The mark a repair puts on a line it rebuilt (spec duty §6 LG-4): who rebuilt it, when, from which stored
 * record, and the gap it fills. The line is otherwise the one the service writes for that fact.
 */
export interface Reconstruction {
  by: string;
  at: Date;
  from: string;
  fills: string;
}

export const reconstructionOf = (e: Pick<ChronologyEntry, 'details'>): Reconstruction | undefined =>
  e.details.reconstructed as Reconstruction | undefined;

/** A missing fact as the line the service writes for it, and the stored record that proves it. */
export interface MissingFact {
  action: string;
  at: Date;
  details: Record<string, unknown>;
  from: string;
}

/** Something the record lacks; `facts` are the lines that fill it, empty when no stored record can. */
export interface Gap {
  message: string;
  facts: MissingFact[];
  /** Why the stored facts cannot fill it (when `facts` is empty). */
  why?: string;
}

/** Who signed or reviewed according to a line: the writer, or on a rebuilt line the person it names. */
const signerOf = (e: ChronologyEntry) => (reconstructionOf(e) ? (e.details.personId as string | undefined) : e.actor);

/**
 * Signatures on a draft that have no line. Each approval writes one line, and marks one step acted, or two
 * when the signer steps in for a silent approver (WR-1): the skipped step is recorded on the signer's line, so
 * only steps acted on by their own holder are counted.
 */
function draftGap(incident: Incident, d: WrittenDraft, entries: ChronologyEntry[]): Gap | undefined {
  const acted = d.chain.map((s, index) => ({ s, index })).filter(({ s }) => s.actedAt && !s.skipped);
  const lines = entries.filter((e) => e.action === 'written-report.approved' && e.details.draftId === d.id);
  if (lines.length >= acted.length) return undefined;
  const message = `signatures on written report ${d.id} are not all on record`;
  // which steps lack their line: match lines to steps by signer, one to one
  const unmatched = [...acted];
  let unattributed = 0;
  for (const line of lines) {
    const k = unmatched.findIndex(({ s }) => s.personId === signerOf(line));
    if (k >= 0) unmatched.splice(k, 1);
    else unattributed++;
  }
  if (unattributed > 0 || unmatched.length !== acted.length - lines.length)
    return { message, facts: [], why: 'the signature lines on record cannot be matched to the signing steps' };
  return {
    message,
    facts: unmatched.map(({ s, index }) => {
      const before = d.chain[index - 1];
      const steppedIn = before?.skipped?.by === s.personId ? { inPlaceOfSilentApprover: before.skipped.reason } : {};
      return {
        action: 'written-report.approved',
        at: s.actedAt!,
        details: { draftId: d.id, stepIndex: index, role: s.role, step: s.action, personId: s.personId, ...steppedIn },
        from: `incidents/${incident.id}/drafts/${d.id}/chain/${index}`,
      };
    }),
  };
}

/**
 * LG-3 (003 L414): every step that left a trace — in the incident's own fields, the acknowledgement marks or
 * the delivery ledger — needs its line in the record, and the chain must verify. Each gap comes with the line
 * the stored facts give for it, if any. A line a repair rebuilt carries the same action and keys as the
 * original would, so it fills the gap exactly as the original does.
 */
export function findGaps(incident: Incident, c: Chronology): Gap[] {
  const gaps: Gap[] = [];
  const own = `incidents/${incident.id}`;
  if (c.brokenAt !== undefined)
    gaps.push({
      message: `the audit chain does not verify from entry ${c.brokenAt}`,
      facts: [],
      why: 'an entry was altered or removed: that is for investigation, and no stored fact restores it',
    });
  const has = (action: string, match: (d: Record<string, unknown>) => boolean = () => true) =>
    c.entries.some((e) => e.action === action && match(e.details ?? {}));
  if (!has('incident.received'))
    gaps.push({
      message: 'the intake is not on record',
      facts: [
        { action: 'incident.received', at: incident.receivedAt, details: { personId: incident.receivedBy }, from: own },
      ],
    });
  const ack = c.acknowledgement;
  if (ack && !has('incident.acknowledged'))
    gaps.push({
      message: `the acknowledgement by ${ack.personId} is not on record`,
      facts: [
        {
          action: 'incident.acknowledged',
          at: ack.at,
          details: { personId: ack.personId },
          from: `acknowledgements/${incident.id}`,
        },
      ],
    });
  const escalated = new Set(
    c.entries
      .filter((e) => e.action === 'incident.escalated')
      .flatMap((e) => ((e.details.steps ?? []) as { recipientId?: string }[]).map((s) => s.recipientId)),
  );
  for (const p of new Set(c.escalatedTo)) {
    if (escalated.has(p)) continue;
    const first = (c.escalations ?? [])
      .filter((x) => x.recipientId === p)
      .sort((a, b) => a.at.getTime() - b.at.getTime())[0];
    const message = `the escalation to ${p} is not on record`;
    gaps.push(
      first
        ? {
            message,
            facts: [
              {
                action: 'incident.escalated',
                at: first.at,
                // the ledger does not keep why (timeout or a holder away), so no reason is claimed
                details: { steps: [{ recipientId: p, step: 'ESCALATION', attempt: first.attempt }] },
                from: `deliveries/${first.ledgerId}`,
              },
            ],
          }
        : { message, facts: [], why: 'the delivery ledger holds no time for it' },
    );
  }
  const instructions = (incident as Incident & { instructions?: Partial<LeaderInstruction>[] }).instructions ?? [];
  for (const ins of instructions) {
    if (has('instruction.recorded', (d) => d.instructionId === ins.id)) continue;
    const message = `instruction ${ins.id} is not on record`;
    gaps.push(
      ins.givenAt
        ? {
            message,
            facts: [
              {
                action: 'instruction.recorded',
                at: ins.givenAt,
                details: {
                  instructionId: ins.id,
                  needsFollowUp: ins.needsFollowUp ?? false,
                  personId: ins.leaderId ?? '',
                },
                from: `${own}/instructions/${ins.id}`,
              },
            ],
          }
        : { message, facts: [], why: 'the stored instruction has no time' },
    );
  }
  for (const r of incident.reports ?? [])
    if (!has('report.recorded', (d) => d.reportId === r.id))
      gaps.push({
        message: `report ${r.id} is not on record`,
        facts: [
          {
            action: 'report.recorded',
            at: r.reportedAt,
            details: { reportId: r.id, targetId: r.targetId, mode: r.mode, kind: r.kind, personId: r.reportedBy },
            from: `${own}/reports/${r.id}`,
          },
        ],
      });
  for (const d of incident.drafts ?? []) {
    const gap = draftGap(incident, d, c.entries);
    if (gap) gaps.push(gap);
  }
  if (incident.resolvedAt && !has('incident.resolved'))
    gaps.push({
      message: 'the resolution is not on record',
      // the incident keeps when it was resolved, not by whom
      facts: [{ action: 'incident.resolved', at: incident.resolvedAt, details: {}, from: `${own}/resolvedAt` }],
    });
  if (incident.voidedAt && !has('incident.voided'))
    gaps.push({
      message: 'the void is not on record',
      facts: [
        {
          action: 'incident.voided',
          at: incident.voidedAt,
          details: { reason: incident.voidReason ?? '', personId: incident.voidedBy ?? '' },
          from: `${own}/voidedAt`,
        },
      ],
    });
  return gaps;
}

/** What the record is missing, worded for people; empty when the chronology is complete (LG-3). */
export const chronologyGaps = (incident: Incident, c: Chronology): string[] =>
  findGaps(incident, c).map((g) => g.message);

/**
 * LG-3 "in time order": lines ordered by when their fact happened. A rebuilt line is appended after the lines
 * written before the repair, yet states an earlier time; the chain order (seq) only breaks ties.
 */
export const byFactTime = (a: ChronologyEntry, b: ChronologyEntry): number =>
  a.at.getTime() - b.at.getTime() || (a.seq ?? 0) - (b.seq ?? 0);
