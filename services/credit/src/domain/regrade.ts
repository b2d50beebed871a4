import { CreditError } from './credit-error';
import type { CreditLine, PendingUpgrade } from './credit-line';
import { addMonths } from './interest';
import type { Grade } from './policy';
import { gradeAtMost } from './rating';

/** A re-score as the line sees it: the grade reached, its cap, and why (vetoes). */
export interface Rescore {
  id: string;
  grade: Grade;
  capFen: number;
  vetoCodes: string[];
}

/** What a re-score does to a line (spec credit §17 R17.2-R17.3, §16 R16.2). */
export type RegradeOutcome =
  | { kind: 'REVOKED'; line: CreditLine; reason: string }
  | { kind: 'DOWNGRADED'; line: CreditLine }
  | { kind: 'UPGRADE_PENDING'; line: CreditLine; pending: PendingUpgrade }
  | { kind: 'UPGRADE_WITHDRAWN'; line: CreditLine; withdrawn: PendingUpgrade; reason: string };

/**
 * R16.2: a household may move up only with no overdue in the last `months` months. A loan in arrears now counts
 * as overdue now; a line with late repayments but no recorded date (older lines) cannot prove the clean period.
 */
export function overdueFreeFor(line: CreditLine, at: Date, months: number): boolean {
  if (line.loans.some((l) => l.status === 'OVERDUE' || l.status === 'NON_PERFORMING')) return false;
  if (!line.lastOverdueAt) return line.lateCount === 0;
  // the same instant `months` calendar months back (clamped to the month's end); an overdue then is outside
  const iso = at.toISOString();
  const since = new Date(`${addMonths(iso.slice(0, 10), -months)}${iso.slice(10)}`);
  return new Date(line.lastOverdueAt).getTime() <= since.getTime();
}

/**
 * Dynamic management of the certificate after a re-score (spec credit §9.3, §17):
 * - NONE revokes at once (R17.3 last sentence);
 * - a lower grade lowers the limit at once to at most the new cap; the loans stay, and a line left owing more
 *   than its limit is OVER_LIMIT with nothing available (R17.2);
 * - a higher grade changes nothing yet: it is recorded as pending for the bank's confirmation (R17.3), and only
 *   when the household has had no overdue for `cleanMonths` (R16.2). No new public notice.
 * A same-grade or unqualified re-score withdraws an upgrade still pending. Undefined: nothing to write.
 */
export function regrade(line: CreditLine, r: Rescore, at: Date, cleanMonths: number): RegradeOutcome | undefined {
  // an expired certificate is not revoked or regraded: the next certificate comes from a new rating (§9.3)
  if (line.status === 'REVOKED' || line.status === 'EXPIRED') return undefined;
  const pending = line.pendingUpgrade ?? undefined;
  if (r.grade === 'NONE') {
    const reason = r.vetoCodes.length > 0 ? `VETO_${r.vetoCodes.join('_')}` : 'GRADE_NONE';
    return { kind: 'REVOKED', line: { ...line, status: 'REVOKED', pendingUpgrade: null }, reason };
  }
  if (r.grade !== line.grade && gradeAtMost(r.grade, line.grade))
    return {
      kind: 'DOWNGRADED',
      line: { ...line, grade: r.grade, limitFen: Math.min(line.limitFen, r.capFen), pendingUpgrade: null },
    };
  const qualifies = r.grade !== line.grade && overdueFreeFor(line, at, cleanMonths);
  if (qualifies) {
    if (pending?.grade === r.grade) return undefined;
    const next: PendingUpgrade = { grade: r.grade, capFen: r.capFen, ratingId: r.id, proposedAt: at };
    return { kind: 'UPGRADE_PENDING', line: { ...line, pendingUpgrade: next }, pending: next };
  }
  if (!pending) return undefined;
  return {
    kind: 'UPGRADE_WITHDRAWN',
    line: { ...line, pendingUpgrade: null },
    withdrawn: pending,
    reason: r.grade === line.grade ? `re-score ${r.id} stays at ${r.grade}` : 'overdue within the clean period',
  };
}

/**
 * The bank confirms the pending upgrade (R17.3): the grade moves up and the limit to what the bank grants, at most
 * the new grade's cap (R8.2), by default the cap (R16.2). The clean period is checked again at confirmation.
 */
export function confirmUpgrade(
  line: CreditLine,
  c: { limitFen?: number; at: Date; cleanMonths: number },
): { line: CreditLine; upgrade: PendingUpgrade } {
  const pending = line.pendingUpgrade;
  if (!pending) throw new CreditError('NO_PENDING_UPGRADE', `credit line ${line.id} has no upgrade to confirm`);
  if (line.status !== 'ACTIVE')
    throw new CreditError('CREDIT_LINE_NOT_ACTIVE', `credit line ${line.id} is ${line.status}`);
  if (!overdueFreeFor(line, c.at, c.cleanMonths))
    throw new CreditError(
      'UPGRADE_BLOCKED_BY_OVERDUE',
      `credit line ${line.id} had an overdue loan within the last ${c.cleanMonths} months`,
    );
  const limitFen = c.limitFen ?? pending.capFen;
  if (!Number.isSafeInteger(limitFen) || limitFen <= 0 || limitFen > pending.capFen)
    throw new CreditError(
      'LIMIT_EXCEEDS_GRADE_CAP',
      `limit ${limitFen} fen is outside (0, ${pending.capFen}] for ${pending.grade}`,
    );
  return { line: { ...line, grade: pending.grade, limitFen, pendingUpgrade: null }, upgrade: pending };
}
