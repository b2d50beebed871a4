import type { Actor } from '@gov/platform/auth';
import { bookOf } from '../domain/credit-line';
import { CreditError } from '../domain/credit-error';
import { roleFor } from '../domain/permissions';
import type { LendingPolicy } from '../domain/policy';
import { allocateLoss, earnsCreditTitle, isRiskShared, nplBp } from '../domain/risk';
import { derivedId } from './households';
import type { Clock, CreditLines, HonorAwards, LossCases } from './ports';

/**
 * 风险共担 and 信用村/信用乡 (spec credit §13.2, §16): a loss case per non-performing loan of a risk-shared
 * borrower, split to the fen; year-end titles from each unit's NPL ratio. Ids derive from the loan or from
 * (year, unit), so re-running either changes nothing.
 */
export function createRiskSharing(deps: {
  lines: CreditLines;
  lossCases: LossCases;
  honors: HonorAwards;
  clock: Clock;
  lending: LendingPolicy;
}) {
  async function allocate(cmd: { bankLoanNo: string; accruedInterestFen: number }, actor: Actor) {
    const role = roleFor(actor, 'evaluateRisk');
    const line = await deps.lines.findByBankLoanNo(cmd.bankLoanNo);
    const loan = line?.value.loans.find((l) => l.bankLoanNo === cmd.bankLoanNo);
    if (!line || !loan) throw new CreditError('LOAN_NOT_FOUND', `no line carries bank loan ${cmd.bankLoanNo}`);
    if (loan.status !== 'NON_PERFORMING')
      throw new CreditError('NOT_RISK_SHARED', `loan ${cmd.bankLoanNo} is ${loan.status}, not non-performing`);
    if (!isRiskShared({ povertyStatus: line.value.registeredPoor ? 'REGISTERED_POOR' : 'NONE' }))
      throw new CreditError('NOT_RISK_SHARED', 'only registered poor households and agreement entities share losses');
    const id = derivedId('lc', loan.id);
    const existing = await deps.lossCases.get(id);
    if (existing) return existing.value;
    // loss base [inferred, §13.2]: unrecovered principal plus the contractual interest the bank reports
    const lossBaseFen = loan.outstandingPrincipalFen + cmd.accruedInterestFen;
    const split = allocateLoss(lossBaseFen, deps.lending);
    const lossCase = {
      id,
      loanId: loan.id,
      creditLineId: line.value.id,
      householdId: line.value.householdId,
      lossBaseFen,
      govShareFen: split.gov,
      bankShareFen: split.bank,
      insurerShareFen: split.insurer,
      ratiosBp: {
        gov: deps.lending.lossShareGovBp,
        bank: deps.lending.lossShareBankBp,
        insurer: deps.lending.lossShareInsurerBp,
      },
      status: 'ALLOCATED' as const,
      triggeredAt: deps.clock.now(),
    };
    await deps.lossCases.create(lossCase, [{ type: 'LossAllocated', lossCase }], {
      action: 'loss.allocated',
      actor,
      role,
      at: lossCase.triggeredAt,
      details: { lossBaseFen, ...split },
    });
    return lossCase;
  }

  async function evaluateHonors(year: number, townshipId: string, actor: Actor) {
    const role = roleFor(actor, 'evaluateRisk');
    const lines = (await deps.lines.listByTownship(townshipId)).map((l) => l.value);
    const villages = [...new Set(lines.map((l) => l.villageId))];
    const units = [
      ...villages.map((v) => ({
        level: 'VILLAGE' as const,
        subjectId: v,
        title: '信用村',
        book: bookOf(lines.filter((l) => l.villageId === v)),
      })),
      { level: 'TOWNSHIP' as const, subjectId: townshipId, title: '信用乡', book: bookOf(lines) },
    ];
    const awarded: string[] = [];
    for (const u of units.filter((x) => x.book.outstandingFen > 0 && earnsCreditTitle(x.book, deps.lending))) {
      const award = {
        id: derivedId('ha', String(year), u.subjectId),
        level: u.level,
        subjectId: u.subjectId,
        title: u.title,
        year,
        basisNplBp: nplBp(u.book.nplFen, u.book.outstandingFen),
        awardedAt: deps.clock.now(),
      };
      await deps.honors.create(award, [{ type: 'HonorAwarded', award }], {
        action: 'honor.awarded',
        actor,
        role,
        at: award.awardedAt,
        details: { year, level: u.level, basisNplBp: award.basisNplBp },
      });
      awarded.push(u.subjectId);
    }
    return awarded;
  }

  return { allocate, evaluateHonors };
}
