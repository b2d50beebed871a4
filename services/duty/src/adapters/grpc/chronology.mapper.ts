import type { dutyV1 } from '@gov/contracts';
import type { ChronologyRepairResult } from '../../app/repair-chronology';
import { reconstructionOf, type ChronologyEntry } from '../../domain/chronology';

const iso = (d: Date) => new Date(d).toISOString();

export function toProtoChronologyEntry(e: ChronologyEntry): dutyV1.ChronologyEntry {
  const mark = reconstructionOf(e);
  return {
    seq: String(e.seq ?? 0),
    action: e.action,
    at: iso(e.at),
    actorId: e.actor ?? '',
    role: e.role ?? '',
    ...(mark ? { reconstructed: { by: mark.by, at: iso(mark.at), source: mark.from, fills: mark.fills } } : {}),
  };
}

/**
 * The repair's answer: the lines it appended and the whole record (already in fact-time order), both read
 * back from the store so that a replayed repair shows the record as it is now.
 */
export function toProtoRepair(
  r: ChronologyRepairResult,
  record: ChronologyEntry[],
  incident: dutyV1.Incident,
): dutyV1.RepairChronologyResponse {
  const appended = new Set(r.appended.map((a) => a.seq));
  const chronology = record.map(toProtoChronologyEntry);
  return {
    incident,
    appended: chronology.filter((e) => appended.has(Number(e.seq))).sort((a, b) => Number(a.seq) - Number(b.seq)),
    unrepaired: r.unrepaired.map((u) => ({ gap: u.gap, reason: u.why })),
    chronology,
  };
}
