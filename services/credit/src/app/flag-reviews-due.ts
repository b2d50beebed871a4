import type { Actor } from '@gov/platform/auth';
import { addMonthsTo, flagReviewDue } from '../domain/certificate-review';
import { roleFor } from '../domain/permissions';
import type { Clock, CreditLines } from './ports';

/**
 * 年审 (spec credit §9.3 "annual review", R17.1 d [inferred]): flags each live line whose review date has come,
 * audited, with credit.certificate.review-due for the station and the bank. A rating of the household completes
 * the review (rate-household.ts). A flagged line is not flagged again.
 */
export function createFlagReviewsDue(deps: { lines: CreditLines; clock: Clock; intervalMonths: number }) {
  return async function flagReviewsDue(actor: Actor): Promise<{ flagged: string[] }> {
    const role = roleFor(actor, 'expireCertificates');
    const at = deps.clock.now();
    const flagged: string[] = [];
    for (const l of await deps.lines.listReviewCandidates(at, addMonthsTo(at, -deps.intervalMonths))) {
      const next = flagReviewDue(l.value, at, deps.intervalMonths);
      if (!next) continue;
      await deps.lines.update(
        next,
        l.version,
        [{ type: 'CertificateReviewDue', line: next, at }],
        {
          action: 'certificate.review-due',
          actor,
          role,
          at,
          details: { certificateNo: next.certificateNo, dueAt: next.nextReviewAt },
        },
        l,
      );
      flagged.push(next.id);
    }
    return { flagged };
  };
}
