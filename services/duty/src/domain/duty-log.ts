import { createHash } from 'node:crypto';
import { DutyError } from './duty-error';

/** Entry types of the duty log (spec duty §6 LG-6). */
export type LogEntryType =
  | 'CALL_IN'
  | 'CALL_OUT'
  | 'VISIT'
  | 'DOCUMENT'
  | 'FAX'
  | 'URGENT_DOCUMENT'
  | 'TELEGRAM'
  | 'INCIDENT'
  | 'NOTIFICATION'
  | 'INSTRUCTION'
  | 'REPORT_UP'
  | 'HANDOVER'
  | 'SPOT_CHECK'
  | 'SECURITY'
  | 'OTHER'
  | 'AMENDMENT';

/** 值班日志 entry: append-only and chained by hash to the one before it (spec duty §6 LG-4). */
export interface LogEntry {
  seq: number;
  at: Date;
  type: LogEntryType;
  source: string;
  summary: string;
  actionTaken: string;
  handledBy: string;
  relatedIds: string[];
  /** Set on AMENDMENT entries: the entry corrected, which stays readable. */
  amends?: number;
  reason?: string;
  prevHash: string;
  hash: string;
}

export type LogInput = Omit<LogEntry, 'seq' | 'prevHash' | 'hash' | 'amends' | 'reason'>;

const genesis = '0'.repeat(64);

function hashOf(e: Omit<LogEntry, 'hash'>): string {
  const canonical = JSON.stringify([
    e.seq,
    e.at.toISOString(),
    e.type,
    e.source,
    e.summary,
    e.actionTaken,
    e.handledBy,
    e.relatedIds,
    e.amends ?? null,
    e.reason ?? null,
    e.prevHash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Appends an entry with its required elements (spec duty §6 LG-2: 要素齐全). */
export function appendEntry(log: readonly LogEntry[], input: LogInput): LogEntry {
  const missing = (['source', 'summary', 'handledBy'] as const).filter((f) => !input[f].trim());
  if (missing.length)
    throw new DutyError(
      'LOG_INVALID',
      'a duty log entry needs its elements (要素齐全)',
      missing.map((field) => ({ field, message: 'is required' })),
    );
  const prev = log.at(-1);
  const base = { ...input, seq: (prev?.seq ?? 0) + 1, prevHash: prev?.hash ?? genesis };
  return { ...base, hash: hashOf(base) };
}

/**
 * A correction is a new AMENDMENT entry pointing at the original with a reason; the original is never
 * changed (spec duty §6 LG-4, §19 scenario 6: 任何人不得擅自涂改).
 */
export function amendEntry(
  log: readonly LogEntry[],
  seq: number,
  correction: { at: Date; summary: string; handledBy: string; reason: string },
): LogEntry {
  const original = log.find((e) => e.seq === seq);
  if (!original) throw new DutyError('LOG_INVALID', `no log entry ${seq}`);
  if (!correction.reason.trim())
    throw new DutyError('LOG_INVALID', 'an amendment needs a reason', [{ field: 'reason', message: 'is required' }]);
  const entry = appendEntry(log, {
    at: correction.at,
    type: 'AMENDMENT',
    source: original.source,
    summary: correction.summary,
    actionTaken: '',
    handledBy: correction.handledBy,
    relatedIds: original.relatedIds,
  });
  const withRef = { ...entry, amends: seq, reason: correction.reason };
  const { hash: _h, ...rest } = withRef;
  return { ...rest, hash: hashOf(rest) };
}

/** The edit API answer: log entries are never changed in place (spec duty §19 scenario 6). */
export function refuseEdit(): never {
  throw new DutyError('LOG_ENTRY_IMMUTABLE', 'duty log entries cannot be changed; record an AMENDMENT instead');
}

/** Checks the chain; returns the first entry whose content or link does not match (tamper evidence, LG-4). */
export function verifyLog(log: readonly LogEntry[]): { ok: true } | { ok: false; brokenAt: number } {
  let prev = genesis;
  for (const e of log) {
    const { hash, ...rest } = e;
    if (e.prevHash !== prev || hashOf(rest) !== hash) return { ok: false, brokenAt: e.seq };
    prev = hash;
  }
  return { ok: true };
}
