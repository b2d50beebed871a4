import type { Actor } from '@gov/platform/auth';
import { checkApproval } from '../domain/credit-line';
import { CreditError } from '../domain/credit-error';
import { roleFor } from '../domain/permissions';
import { ratingPolicies, type Grade } from '../domain/policy';
import { gradeAtMost, gradeCap } from '../domain/rating';
import type { Certificates } from './certificates';
import { derivedId } from './households';
import type { Idempotency, Notices, Clock } from './ports';
import type { Procedure } from './procedure';

export interface DecideCreditInput {
  noticeId: string;
  householdId: string;
  approve: boolean;
  grade: Grade;
  limitFen: number;
  rejectionReason: string;
  rejectionCause: string;
  evidenceRefs: string[];
  /** The bank's assessment report (评定报告), when it sent one; kept in the audit trail. */
  assessmentReportRef?: string;
}

/**
 * 银行授信 (spec credit §5.1 step 6, §9.3-9.4, R8.2, R13.4, §13.4): after a village notice closes the bank
 * approves a certifiable household with a grade and limit, or rejects it with reason, cause and evidence. On a
 * village credit-household list the approval waits for the township's grade notice (step 7); on a merged notice
 * (R5.4) it issues the certificate and revolving line at once.
 */
export function createDecideCredit(deps: {
  notices: Notices;
  certificates: Certificates;
  procedure: Procedure;
  idempotency: Idempotency;
  clock: Clock;
}) {
  return async function decideCredit(cmd: { idempotencyKey: string; input: DecideCreditInput }, actor: Actor) {
    const role = roleFor(actor, 'decideCredit');
    const i = cmd.input;
    if (!i.approve && (!i.rejectionReason?.trim() || !i.rejectionCause?.trim() || i.evidenceRefs.length === 0))
      throw new CreditError(
        'REJECTION_REASON_REQUIRED',
        '逐一说明理由,指出原因,提供依据: a rejection needs its reason, cause and evidence',
      );
    const scope = `credit.decideCredit:${actor.userId}`;
    return deps.idempotency.run(scope, cmd.idempotencyKey, i, async () => {
      const n = await deps.notices.get(i.noticeId);
      if (!n) throw new CreditError('NOTICE_NOT_FOUND', `notice ${i.noticeId} does not exist`);
      const entry = n.value.entries.find((e) => e.householdId === i.householdId);
      if (!entry) throw new CreditError('NOT_ON_NOTICE', `household ${i.householdId} is not on notice ${i.noticeId}`);
      if (n.value.kind === 'GRADE_LIST')
        throw new CreditError(
          'NOT_CERTIFIABLE',
          `notice ${i.noticeId} posts grades; the bank decides on the village list`,
        );
      if (n.value.status !== 'CLOSED' || entry.outcome !== 'CERTIFIABLE')
        throw new CreditError(
          'NOT_CERTIFIABLE',
          `household ${i.householdId} is ${entry.outcome} on a ${n.value.status} notice`,
        );
      const merged = n.value.kind === 'MERGED';
      const lineId = derivedId('cl', i.noticeId, i.householdId);
      const note = { actor, role };
      const application = await deps.procedure.onNotice(i.householdId, i.noticeId);
      const prior = n.value.decisions.find((d) => d.householdId === i.householdId);
      if (prior) {
        if (prior.outcome !== (i.approve ? 'APPROVED' : 'REJECTED'))
          throw new CreditError('ALREADY_DECIDED', `household ${i.householdId} was already ${prior.outcome}`);
      } else {
        const now = deps.clock.now();
        if (i.approve) {
          const policy = ratingPolicies[entry.policyVersion];
          if (!policy) throw new Error(`rule version ${entry.policyVersion} is not known to this build`);
          checkApproval({
            grantedGrade: i.grade,
            computedGrade: entry.grade,
            limitFen: i.limitFen,
            capFen: gradeCap(i.grade, policy),
            atMost: gradeAtMost(i.grade, entry.grade),
          });
          await deps.certificates.check((await deps.certificates.household(i.householdId)).value, i.limitFen);
          if (merged)
            await deps.certificates.issue(
              {
                lineId,
                householdId: i.householdId,
                grade: i.grade,
                limitFen: i.limitFen,
                policyVersion: entry.policyVersion,
              },
              note,
            );
        }
        const decision = i.approve
          ? { householdId: i.householdId, outcome: 'APPROVED' as const, at: now, grade: i.grade, limitFen: i.limitFen }
          : { householdId: i.householdId, outcome: 'REJECTED' as const, at: now };
        await deps.notices.update(
          { ...n.value, decisions: [...n.value.decisions, decision] },
          n.version,
          i.approve
            ? []
            : [
                {
                  type: 'CreditRejected',
                  householdId: i.householdId,
                  noticeId: i.noticeId,
                  reason: i.rejectionReason,
                  cause: i.rejectionCause,
                  evidenceRefs: i.evidenceRefs,
                  at: now,
                },
              ],
          i.approve
            ? {
                ...note,
                at: now,
                action: 'credit.approved',
                details: {
                  householdId: i.householdId,
                  grade: i.grade,
                  limitFen: i.limitFen,
                  ...(merged ? { creditLineId: lineId } : {}),
                  ...(i.assessmentReportRef ? { assessmentReportRef: i.assessmentReportRef } : {}),
                },
              }
            : {
                ...note,
                at: now,
                action: 'credit.rejected',
                reason: i.rejectionReason,
                details: {
                  householdId: i.householdId,
                  cause: i.rejectionCause,
                  evidenceRefs: i.evidenceRefs,
                  ...(i.assessmentReportRef ? { assessmentReportRef: i.assessmentReportRef } : {}),
                },
              },
          n,
        );
      }
      // the application follows the decision (a retry finds it moved already)
      if (application?.value.state === 'BANK_ASSESSMENT') {
        const path = !i.approve
          ? (['BANK_REJECTED'] as const)
          : merged
            ? (['GRADE_NOTICE', 'CERTIFIED'] as const)
            : (['GRADE_NOTICE'] as const);
        await deps.procedure.advance(application, [...path], i.approve ? 'bank approved' : i.rejectionReason, {
          ...note,
          details: { noticeId: i.noticeId },
        });
      }
      const outcome = i.approve ? ('APPROVED' as const) : ('REJECTED' as const);
      return { outcome, creditLineId: i.approve && merged ? lineId : '' };
    });
  };
}
