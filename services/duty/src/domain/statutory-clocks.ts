import { isMajor, type Obligation, type Severity } from './incident';
import type { ReportingPolicy, SeverityClass } from './reporting-policy';

const minute = 60_000;

export const severityClass = (severity: Severity, possiblyMajor: boolean): SeverityClass =>
  severity === 'UNKNOWN' && isMajor(severity, possiblyMajor) ? 'UNKNOWN_MAJOR' : severity;

/**
 * First-report obligations of an incident (spec duty §9.2-9.3): deadlines count from occurrence (CK-2);
 * where several rules of a target apply the shortest limit wins (TL-2); an obligation already past its
 * deadline on receipt starts BREACHED_ON_RECEIPT (CK-4); the guard time is AK-4's.
 */
export function firstObligations(
  c: { severity: Severity; possiblyMajor: boolean; occurredAt: Date; receivedAt: Date },
  p: ReportingPolicy,
): Obligation[] {
  const cls = severityClass(c.severity, c.possiblyMajor);
  const out: Obligation[] = [];
  for (const target of p.targets) {
    const rules = target.rules.filter((r) => r.severities.includes(cls));
    if (rules.length === 0) continue;
    const limits = {
      PHONE: Math.min(...rules.map((r) => r.phoneLimitMin)),
      WRITTEN: Math.min(...rules.map((r) => r.writtenLimitMin)),
    };
    for (const mode of ['PHONE', 'WRITTEN'] as const) {
      const limit = limits[mode];
      const dueAt = new Date(c.occurredAt.getTime() + limit * minute);
      const guard = limit <= p.shortLimitMax ? p.guardShortMin : p.guardLongMin;
      out.push({
        id: `${target.id}:${mode}:FIRST`,
        targetId: target.id,
        mode,
        kind: 'FIRST',
        dueAt,
        warnAt: new Date(dueAt.getTime() - guard * minute),
        status: c.receivedAt.getTime() > dueAt.getTime() ? 'BREACHED_ON_RECEIPT' : 'PENDING',
      });
    }
  }
  return out.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

/** Minutes of delay the reporting source caused, counted against it rather than the duty desk (CK-4). */
export const sourceDelayMinutes = (occurredAt: Date, receivedAt: Date): number =>
  Math.max(0, Math.floor((receivedAt.getTime() - occurredAt.getTime()) / minute));
