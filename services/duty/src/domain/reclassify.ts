import type { Obligation, Severity } from './incident';
import type { ReportingPolicy } from './reporting-policy';
import { firstObligations } from './statutory-clocks';

export type ReclassifiedObligation = Obligation;
const kept: Obligation['status'][] = ['FULFILLED_ON_TIME', 'FULFILLED_LATE', 'BREACHED', 'BREACHED_ON_RECEIPT'];

/**
 * Severity changed (spec duty §9.10 RC-1): obligations of the new class are counted from occurrence and
 * may be BREACHED at once; fulfilled ones stay; pending ones the new class no longer has are WAIVED.
 */
export function reclassify(
  c: { occurredAt: Date; obligations: ReclassifiedObligation[] },
  to: { severity: Severity; possiblyMajor: boolean },
  now: Date,
  p: ReportingPolicy,
): ReclassifiedObligation[] {
  const wanted = firstObligations({ ...to, occurredAt: c.occurredAt, receivedAt: now }, p);
  const out: ReclassifiedObligation[] = [];
  for (const old of c.obligations) {
    const still = wanted.find((w) => w.id === old.id);
    if (old.kind !== 'FIRST' || kept.includes(old.status)) out.push(old);
    else if (!still) out.push({ ...old, status: 'WAIVED' });
    else out.push({ ...still, status: still.dueAt.getTime() < now.getTime() ? 'BREACHED' : 'PENDING' });
  }
  for (const w of wanted)
    if (!c.obligations.some((o) => o.id === w.id))
      out.push({ ...w, status: w.dueAt.getTime() < now.getTime() ? 'BREACHED' : 'PENDING' });
  return out.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}
