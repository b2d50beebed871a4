import type { Actor } from '@gov/platform/auth';
import { checkApproval, type CreditLine } from '../domain/credit-line';
import { CreditError } from '../domain/credit-error';
import { roleFor } from '../domain/permissions';
import { maskIdNumber, maskName } from '../domain/personal-data';
import { ratingPolicies, type Grade, type LendingPolicy } from '../domain/policy';
import { gradeAtMost, gradeCap } from '../domain/rating';
import { crossedUtilisation, withinFundLeverage } from '../domain/risk';
import { derivedId } from './households';
import type { Breakers, Clock, CreditLines, Households, Idempotency, Notices, Sequences } from './ports';

export interface DecideCreditInput {
  noticeId: string;
  householdId: string;
  approve: boolean;
  grade: Grade;
  limitFen: number;
  rejectionReason: string;
  rejectionCause: string;
  evidenceRefs: string[];
}

const shanghaiYear = (d: Date) => new Date(d.getTime() + 8 * 3600 * 1000).getUTCFullYear();

/**
 * 银行授信 (spec credit §5 step 6, §9.3-9.4, R8.2, R13.4, §13.4): after the notice closes the bank approves a
 * certifiable household — certificate and revolving line — or rejects it with reason, cause and evidence.
 */
export function createDecideCredit(deps: {
  notices: Notices;
  households: Households;
  lines: CreditLines;
  breakers: Breakers;
  sequences: Sequences;
  idempotency: Idempotency;
  clock: Clock;
  lending: LendingPolicy;
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
      if (n.value.status !== 'CLOSED' || entry.outcome !== 'CERTIFIABLE')
        throw new CreditError(
          'NOT_CERTIFIABLE',
          `household ${i.householdId} is ${entry.outcome} on a ${n.value.status} notice`,
        );
      const lineId = derivedId('cl', i.noticeId, i.householdId);
      const prior = n.value.decisions.find((d) => d.householdId === i.householdId);
      if (prior) {
        if (prior.outcome === (i.approve ? 'APPROVED' : 'REJECTED'))
          return { outcome: prior.outcome, creditLineId: prior.outcome === 'APPROVED' ? lineId : '' };
        throw new CreditError('ALREADY_DECIDED', `household ${i.householdId} was already ${prior.outcome}`);
      }
      const now = deps.clock.now();
      const note = { actor, role, at: now };
      if (!i.approve) {
        const next = {
          ...n.value,
          decisions: [...n.value.decisions, { householdId: i.householdId, outcome: 'REJECTED' as const, at: now }],
        };
        await deps.notices.update(
          next,
          n.version,
          [
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
          {
            ...note,
            action: 'credit.rejected',
            reason: i.rejectionReason,
            details: { householdId: i.householdId, cause: i.rejectionCause, evidenceRefs: i.evidenceRefs },
          },
          n,
        );
        return { outcome: 'REJECTED' as const, creditLineId: '' };
      }
      const policy = ratingPolicies[entry.policyVersion];
      if (!policy) throw new Error(`rule version ${entry.policyVersion} is not known to this build`);
      checkApproval({
        grantedGrade: i.grade,
        computedGrade: entry.grade,
        limitFen: i.limitFen,
        capFen: gradeCap(i.grade, policy),
        atMost: gradeAtMost(i.grade, entry.grade),
      });
      const h = await deps.households.get(i.householdId);
      if (!h) throw new CreditError('HOUSEHOLD_NOT_FOUND', `household ${i.householdId} does not exist`);
      for (const [unit, code] of [
        [h.value.villageId, 'VILLAGE_CIRCUIT_BREAKER'],
        [h.value.townshipId, 'TOWNSHIP_CIRCUIT_BREAKER'],
      ] as const)
        if ((await deps.breakers.get(unit))?.value.tripped)
          throw new CreditError(code, `new credit is stopped in ${unit} by the circuit breaker (§13.4)`);
      const registeredPoor = h.value.povertyStatus !== 'NONE';
      const covered = registeredPoor ? await deps.lines.coveredOutstandingFen() : 0;
      if (registeredPoor && !withinFundLeverage(covered, i.limitFen, deps.lending))
        throw new CreditError('FUND_LEVERAGE_EXCEEDED', 'the line would exceed 10× the risk compensation fund (R13.4)');
      const year = shanghaiYear(now);
      const existing = await deps.lines.get(lineId);
      if (!existing) {
        const seq = await deps.sequences.next(`certificate-${year}-${h.value.villageId}`);
        const validUntil = new Date(now);
        validUntil.setUTCFullYear(validUntil.getUTCFullYear() + deps.lending.certificateValidityYears);
        const line: CreditLine = {
          id: lineId,
          householdId: i.householdId,
          villageId: h.value.villageId,
          townshipId: h.value.townshipId,
          certificateNo: `HB-${year}-${h.value.villageId}-${String(seq).padStart(6, '0')}`,
          grade: i.grade,
          limitFen: i.limitFen,
          outstandingPrincipalFen: 0,
          status: 'ACTIVE',
          issuedAt: now,
          validUntil,
          policyVersion: entry.policyVersion,
          registeredPoor,
          loans: [],
          onTimeCount: 0,
          lateCount: 0,
          appliedEvents: [],
        };
        const pii = await deps.households.getPii(i.householdId);
        // R13.5: the warning rides in the same write as the line that crossed the level
        const crossed = registeredPoor ? crossedUtilisation(covered, covered + i.limitFen, deps.lending) : undefined;
        const warning = crossed && {
          type: 'RiskFundUtilisationWarning' as const,
          coveredOutstandingFen: covered,
          ...crossed,
          creditLineId: lineId,
          at: now,
        };
        await deps.lines.create(
          line,
          [
            {
              type: 'CertificateIssued',
              line,
              headNameMasked: maskName(h.value.headName),
              idNumberMasked: pii ? maskIdNumber(pii.idNumber) : '',
            },
            ...(warning ? [warning] : []),
          ],
          {
            ...note,
            action: 'certificate.issued',
            details: { certificateNo: line.certificateNo, grade: line.grade, limitFen: line.limitFen },
          },
        );
      }
      const next = {
        ...n.value,
        decisions: [...n.value.decisions, { householdId: i.householdId, outcome: 'APPROVED' as const, at: now }],
      };
      await deps.notices.update(
        next,
        n.version,
        [],
        { ...note, action: 'credit.approved', details: { householdId: i.householdId, creditLineId: lineId } },
        n,
      );
      return { outcome: 'APPROVED' as const, creditLineId: lineId };
    });
  };
}
