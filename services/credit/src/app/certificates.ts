import type { Actor } from '@gov/platform/auth';
import { addMonthsTo } from '../domain/certificate-review';
import { shanghaiDate } from '../domain/calendar';
import type { CreditLine } from '../domain/credit-line';
import { CreditError } from '../domain/credit-error';
import type { Household } from '../domain/household';
import { maskIdNumber, maskName } from '../domain/personal-data';
import type { Grade, LendingPolicy } from '../domain/policy';
import { crossedUtilisation, withinFundLeverage } from '../domain/risk';
import type { Breakers, Clock, CreditLines, Households, Sequences, Stored } from './ports';

const shanghaiYear = (d: Date) => Number(shanghaiDate(d).slice(0, 4));

/**
 * 贷款信用证 and its revolving line (spec credit §9.3-9.4, §13.4, R13.4-R13.5). `check` is what new credit must
 * pass — no circuit breaker over the village or township, and for a registered poor household the line within
 * 10× the risk fund — and `issue` creates the line once under a derived id, checking again.
 */
export function createCertificates(deps: {
  households: Households;
  lines: CreditLines;
  breakers: Breakers;
  sequences: Sequences;
  clock: Clock;
  lending: LendingPolicy;
  /** The risk fund's live balance from its ledger (R13.3, R13.7); the 10× ceiling is counted on it. */
  fundBalance: () => Promise<number>;
}) {
  async function household(id: string): Promise<Stored<Household>> {
    const h = await deps.households.get(id);
    if (!h) throw new CreditError('HOUSEHOLD_NOT_FOUND', `household ${id} does not exist`);
    return h;
  }

  /** Refuses new credit of `limitFen` for the household; returns the exposure and balance it was checked against. */
  async function check(h: Household, limitFen: number): Promise<{ covered: number; fundBalanceFen: number }> {
    for (const [unit, code] of [
      [h.villageId, 'VILLAGE_CIRCUIT_BREAKER'],
      [h.townshipId, 'TOWNSHIP_CIRCUIT_BREAKER'],
    ] as const)
      if ((await deps.breakers.get(unit))?.value.tripped)
        throw new CreditError(code, `new credit is stopped in ${unit} by the circuit breaker (§13.4)`);
    if (h.povertyStatus === 'NONE') return { covered: 0, fundBalanceFen: 0 };
    const [covered, fundBalanceFen] = await Promise.all([deps.lines.coveredOutstandingFen(), deps.fundBalance()]);
    if (!withinFundLeverage(covered, limitFen, deps.lending, fundBalanceFen))
      throw new CreditError('FUND_LEVERAGE_EXCEEDED', 'the line would exceed 10× the risk compensation fund (R13.4)');
    return { covered, fundBalanceFen };
  }

  async function issue(
    x: { lineId: string; householdId: string; grade: Grade; limitFen: number; policyVersion: string },
    note: { actor: Actor; role: string },
  ): Promise<CreditLine> {
    const existing = await deps.lines.get(x.lineId);
    if (existing) return existing.value;
    const h = (await household(x.householdId)).value;
    const { covered, fundBalanceFen } = await check(h, x.limitFen);
    const now = deps.clock.now();
    const year = shanghaiYear(now);
    const seq = await deps.sequences.next(`certificate-${year}-${h.villageId}`);
    const validUntil = new Date(now);
    validUntil.setUTCFullYear(validUntil.getUTCFullYear() + deps.lending.certificateValidityYears);
    const registeredPoor = h.povertyStatus !== 'NONE';
    const line: CreditLine = {
      id: x.lineId,
      householdId: x.householdId,
      villageId: h.villageId,
      townshipId: h.townshipId,
      certificateNo: `HB-${year}-${h.villageId}-${String(seq).padStart(6, '0')}`,
      grade: x.grade,
      limitFen: x.limitFen,
      outstandingPrincipalFen: 0,
      status: 'ACTIVE',
      issuedAt: now,
      validUntil,
      policyVersion: x.policyVersion,
      registeredPoor,
      loans: [],
      onTimeCount: 0,
      lateCount: 0,
      appliedEvents: [],
      nextReviewAt: addMonthsTo(now, deps.lending.reviewIntervalMonths),
    };
    const pii = await deps.households.getPii(x.householdId);
    // R13.5: the warning rides in the same write as the line that crossed the level
    const crossed = registeredPoor
      ? crossedUtilisation(covered, covered + x.limitFen, deps.lending, undefined, fundBalanceFen)
      : undefined;
    const warning = crossed && {
      type: 'RiskFundUtilisationWarning' as const,
      coveredOutstandingFen: covered,
      ...crossed,
      creditLineId: x.lineId,
      at: now,
    };
    const created = await deps.lines.create(
      line,
      [
        {
          type: 'CertificateIssued',
          line,
          headNameMasked: maskName(h.headName),
          idNumberMasked: pii ? maskIdNumber(pii.idNumber) : '',
        },
        // §19.1: the bank and the insurer get the full number, only sealed on the restricted topic
        ...(pii
          ? [{ type: 'CertificateHolderDisclosed' as const, line, idNumber: pii.idNumber, phone: pii.phone }]
          : []),
        ...(warning ? [warning] : []),
      ],
      {
        ...note,
        at: now,
        action: 'certificate.issued',
        details: {
          certificateNo: line.certificateNo,
          grade: line.grade,
          limitFen: line.limitFen,
          // 个人信息保护法: a disclosure to third parties is recorded
          piiDisclosedOn: pii ? 'gov.credit.pii.v1' : '',
        },
      },
    );
    // a concurrent issue of the same line won: return what it stored
    return created ? line : (await deps.lines.get(x.lineId))!.value;
  }

  return { household, check, issue };
}

export type Certificates = ReturnType<typeof createCertificates>;
