import { systemActor } from '@gov/platform/auth';
import { CreditError } from '../domain/credit-error';
import type { createRateHousehold } from './rate-household';
import type { createLoanUseCases } from './loans';
import type { OverdueTaskUseCases } from './overdue-tasks';
import type { Clock, CreditLines } from './ports';

/**
 * Inbound bank reports (spec credit §19.3): disbursed → draw, repaid → repay, overdue → mark the loan, open the
 * village group's collection task (R15.4) and re-score with veto V3 (§15 R15.5, §17). Each handler is idempotent
 * by design: the bank event id is recorded on the line with the change, so a redelivery (or a retry after a crash)
 * changes nothing a second time.
 */
export function createBankEventHandlers(deps: {
  lines: CreditLines;
  loans: ReturnType<typeof createLoanUseCases>;
  rating: ReturnType<typeof createRateHousehold>;
  overdueTasks: OverdueTaskUseCases;
  clock: Clock;
}) {
  const byLoanNo = async (bankLoanNo: string) => {
    const l = await deps.lines.findByBankLoanNo(bankLoanNo);
    if (!l) throw new CreditError('LOAN_NOT_FOUND', `no line carries bank loan ${bankLoanNo}`);
    return l;
  };
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
    async overdue(eventId: string, e: { bankLoanNo: string; nonPerforming: boolean }) {
      const l = await byLoanNo(e.bankLoanNo);
      let line = l.value;
      if (!l.value.appliedEvents.includes(eventId)) {
        const status = e.nonPerforming ? ('NON_PERFORMING' as const) : ('OVERDUE' as const);
        const next = {
          ...l.value,
          loans: l.value.loans.map((x) => (x.bankLoanNo === e.bankLoanNo ? { ...x, status } : x)),
          appliedEvents: [...l.value.appliedEvents, eventId],
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
            details: { bankLoanNo: e.bankLoanNo },
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
        `bank reported ${e.bankLoanNo} overdue`,
      );
    },
  };
}
