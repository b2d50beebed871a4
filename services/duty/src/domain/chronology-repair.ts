import { byFactTime, findGaps, type Chronology, type Reconstruction } from './chronology';
import { DutyError } from './duty-error';
import type { Incident } from './incident';

/** A line to append to the record: the missing fact at its own time, marked as rebuilt. */
export interface RebuiltLine {
  action: string;
  at: Date;
  details: Record<string, unknown> & { reconstructed: Reconstruction };
}

/** A gap the repair leaves, with the reason it cannot be filled from the stored facts. */
export interface UnrepairedGap {
  gap: string;
  why: string;
}

export interface RepairPlan {
  /** In fact-time order; empty when there is nothing the stored facts can fill. */
  lines: RebuiltLine[];
  unrepaired: UnrepairedGap[];
}

/** The record is repaired while the incident waits to be closed: nothing is still writing to it then. */
const repairable: Incident['status'][] = ['RESOLVED', 'VOIDED'];

/**
 * Repair of the chronology by the log custodian (spec duty §6 LG-3, LG-4; §9.10 "log chronology complete"):
 * every gap that a stored fact proves — the acknowledgement mark, the delivery ledger, the incident's own
 * reports, instructions, signatures, resolution or void — gets one new line stating the fact at the time it
 * happened, marked with who rebuilt it, when and from which record. Existing lines are never touched; the
 * caller appends the new ones to the chain.
 *
 * A chain that does not verify is reported and nothing is appended: an altered record is for investigation,
 * and lines chained onto it under the custodian's name would lend it a credibility it has lost.
 */
export function planChronologyRepair(incident: Incident, c: Chronology, by: string, now: Date): RepairPlan {
  if (!repairable.includes(incident.status))
    throw new DutyError(
      'INCIDENT_STATE',
      `the chronology is repaired once the incident is RESOLVED or VOIDED and before it is closed; incident ${incident.id} is ${incident.status}`,
    );
  const gaps = findGaps(incident, c);
  if (c.brokenAt !== undefined)
    return {
      lines: [],
      unrepaired: gaps.map((g) => ({
        gap: g.message,
        why: g.why ?? 'not repaired while the audit chain does not verify',
      })),
    };
  const lines = gaps
    .flatMap((g) =>
      g.facts.map((f) => ({
        action: f.action,
        at: f.at,
        details: { ...f.details, reconstructed: { by, at: now, from: f.from, fills: g.message } },
      })),
    )
    .sort(byFactTime);
  const unrepaired = gaps
    .filter((g) => g.facts.length === 0)
    .map((g) => ({ gap: g.message, why: g.why ?? 'no stored record proves it' }));
  return { lines, unrepaired };
}
