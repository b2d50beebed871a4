import { systemActor, type Actor } from '@gov/platform/auth';
import { CreditError } from '../domain/credit-error';
import type { createAccrueSubsidy } from './accrue-subsidy';
import type { createDecideCredit, DecideCreditInput } from './decide-credit';
import type { createRateHousehold } from './rate-household';
import type { createLoanUseCases } from './loans';
import type { OverdueTaskUseCases } from './overdue-tasks';
import type { Clock, CreditLines } from './ports';

/** 五级分类: the last three are non-performing (spec credit §11.3 [standard]). */
export type LoanClassification = 'NORMAL' | 'SPECIAL_MENTION' | 'SUBSTANDARD' | 'DOUBTFUL' | 'LOSS';
const nonPerforming: readonly LoanClassification[] = ['SUBSTANDARD', 'DOUBTFUL', 'LOSS'];

/**
 * The host bank as the author of a decision it reports on its own topic. Only the bank may write to that topic
 * (broker ACL), so the topic vouches for the role the way a token does for a gRPC call; the officer named in the
 * report goes into the audit trail.
 */
export const hostBankOfficer = (officerId: string): Actor => ({
  userId: officerId ? `bank:${officerId}` : 'bank',
  name: officerId || 'host bank',
  orgUnitId: 'host-bank',
  roles: ['BANK_OFFICER'],
  clearance: 'INTERNAL',
});

/**
 * Inbound bank reports (spec credit §19.3): disbursed → draw, repaid → repay, overdue or classified NPL → mark the
 * loan, open the village group's collection task (R15.4) and re-score with veto V3 (§15 R15.5, §17); the credit
 * assessment → the bank's decision (§5.2); the interest statement → the period's subsidy (§12). Each handler is
 * idempotent by design: the bank event id is recorded on the line with the change, and decisions and subsidy
 * periods are one per household and notice, loan and period, so a redelivery (or a retry after a crash) changes
 * nothing a second time.
 */
export function createBankEventHandlers(deps: {
  lines: CreditLines;
  loans: ReturnType<typeof createLoanUseCases>;
  rating: ReturnType<typeof createRateHousehold>;
  overdueTasks: OverdueTaskUseCases;
  decideCredit: ReturnType<typeof createDecideCredit>;
  accrueSubsidy: ReturnType<typeof createAccrueSubsidy>;
  clock: Clock;
}) {
  const byLoanNo = async (bankLoanNo: string) => {
    const l = await deps.lines.findByBankLoanNo(bankLoanNo);
    if (!l) throw new CreditError('LOAN_NOT_FOUND', `no line carries bank loan ${bankLoanNo}`);
    return l;
  };
  async function overdue(
    eventId: string,
    e: { bankLoanNo: string; nonPerforming: boolean; classification?: LoanClassification },
  ) {
    const l = await byLoanNo(e.bankLoanNo);
    let line = l.value;
    if (!l.value.appliedEvents.includes(eventId)) {
      const status = e.nonPerforming ? ('NON_PERFORMING' as const) : ('OVERDUE' as const);
      const next = {
        ...l.value,
        loans: l.value.loans.map((x) => (x.bankLoanNo === e.bankLoanNo ? { ...x, status } : x)),
        appliedEvents: [...l.value.appliedEvents, eventId],
        // R16.2: the clean period before an upgrade starts again from here
        lastOverdueAt: deps.clock.now(),
      };
      await deps.lines.update(
        next,
        l.version,
        [{ type: 'RepaymentBehaviourUpdated', line: next, behaviour: 'DEFAULTED', at: deps.clock.now() }],
        {
          action: `loan.${status.toLowerCase()}`,
          actor: systemActor,
          role: 'SYSTEM',
          at: deps.clock.now(),
          details: { bankLoanNo: e.bankLoanNo, ...(e.classification ? { classification: e.classification } : {}) },
        },
        l,
      );
      line = next;
    }
    // R15.4: outside the `applied` check, so a redelivery after a crash here still opens the (one) task
    const loan = line.loans.find((x) => x.bankLoanNo === e.bankLoanNo)!;
    await deps.overdueTasks.openForLoan(line, loan, { actor: systemActor, role: 'SYSTEM' }, `bank event ${eventId}`);
    // V3: a loan currently overdue or NPL zeroes the score; the re-score revokes the certificate
    return deps.rating.rescore(
      l.value.householdId,
      { currentOverdueOrNpl: true },
      eventId,
      `bank reported ${e.bankLoanNo} ${e.classification ? `classified ${e.classification}` : 'overdue'}`,
    );
  }
  return {
    async disbursed(
      eventId: string,
      e: {
        creditLineId: string;
        bankLoanNo: string;
        principalFen: number;
        rateBp: number;
        termMonths: number;
        contractDate: string;
      },
    ) {
      const l = await deps.lines.get(e.creditLineId);
      if (!l) throw new CreditError('CREDIT_LINE_NOT_FOUND', `credit line ${e.creditLineId} does not exist`);
      return deps.loans.applyDraw(l, e, eventId, systemActor, 'SYSTEM');
    },
    async repaid(eventId: string, e: { bankLoanNo: string; principalFen: number; paidAt: Date; onTime: boolean }) {
      const l = await byLoanNo(e.bankLoanNo);
      const loan = l.value.loans.find((x) => x.bankLoanNo === e.bankLoanNo)!;
      return deps.loans.applyRepay(
        l,
        { creditLineId: l.value.id, loanId: loan.id, ...e },
        eventId,
        systemActor,
        'SYSTEM',
      );
    },
    overdue,
    /**
     * 五级分类 (§19.3 bank.loan.classified): an NPL class acts as a non-performing overdue report; NORMAL and
     * SPECIAL_MENTION change nothing here (arrears come with the overdue report), nor does a loan already NPL
     * classified again (banks restate the class every month). Returns whether it acted.
     */
    async classified(eventId: string, e: { bankLoanNo: string; classification: LoanClassification }) {
      const l = await byLoanNo(e.bankLoanNo);
      const loan = l.value.loans.find((x) => x.bankLoanNo === e.bankLoanNo)!;
      // a redelivery of the report that made it NPL goes on: its task or re-score may not have happened yet
      const restated = loan.status === 'NON_PERFORMING' && !l.value.appliedEvents.includes(eventId);
      if (!nonPerforming.includes(e.classification) || restated) return false;
      await overdue(eventId, { bankLoanNo: e.bankLoanNo, nonPerforming: true, classification: e.classification });
      return true;
    },
    /** 银行授信 reported as an event (§5.1 step 6, §5.2): the same decision, guards and moves as DecideCredit. */
    async assessmentCompleted(eventId: string, e: DecideCreditInput & { assessedBy: string }) {
      const { assessedBy, ...input } = e;
      return deps.decideCredit({ idempotencyKey: `bank-event:${eventId}`, input }, hostBankOfficer(assessedBy));
    },
    /** The bank's interest statement for a loan and period (R12.4) → that period's subsidy, as AccrueSubsidy. */
    async interestStatement(e: {
      bankLoanNo: string;
      periodStart: string;
      periodEnd: string;
      interestPaidFen: number;
      statementNo: string;
      overdueInPeriod?: boolean;
    }) {
      const l = await byLoanNo(e.bankLoanNo);
      const loan = l.value.loans.find((x) => x.bankLoanNo === e.bankLoanNo)!;
      return deps.accrueSubsidy(
        {
          creditLineId: l.value.id,
          loanId: loan.id,
          periodStart: e.periodStart,
          periodEnd: e.periodEnd,
          interestPaidFen: e.interestPaidFen,
          statementNo: e.statementNo,
          overdueInPeriod: e.overdueInPeriod,
        },
        systemActor,
      );
    },
  };
}
