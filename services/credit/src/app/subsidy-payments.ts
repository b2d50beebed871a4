import type { Actor } from '@gov/platform/auth';
import { CreditError, rejectInvalid } from '../domain/credit-error';
import { roleFor } from '../domain/permissions';
import type { LendingPolicy } from '../domain/policy';
import type { SubsidyPeriod } from '../domain/subsidy';
import {
  approvePayment,
  markPaid,
  openPayment,
  pastSla,
  type SubsidyBorrower,
  type SubsidyPayment,
} from '../domain/subsidy-payment';
import { derivedId } from './households';
import type { Clock, SubsidyPayments } from './ports';

/** One payment per (loan, period) (R12.5): the id is the same for every retry and every caller. */
export const subsidyPaymentId = (loanId: string, periodStart: string, periodEnd: string) =>
  derivedId('sp', loanId, periodStart, periodEnd);

/**
 * 贴息拨付 (spec credit §12 R12.4-R12.5): an accrued period with money due opens its payment, the center verifies
 * and approves it to the configured payee, then records the transfer, which publishes credit.subsidy.disbursed.
 * Payments unpaid 30 days [config] after the statement was accepted are listed as late.
 */
export function createSubsidyPayments(deps: {
  payments: SubsidyPayments;
  clock: Clock;
  lending: Pick<LendingPolicy, 'subsidySlaDays' | 'subsidyPayee'>;
}) {
  const load = async (id: string) => {
    const p = await deps.payments.get(id);
    if (!p) throw new CreditError('SUBSIDY_PAYMENT_NOT_FOUND', `subsidy payment ${id} does not exist`);
    return p;
  };

  return {
    /**
     * Called by the accruals after the period is on the ledger, and again when a retry finds it there (so a crash
     * between the two writes is repaired). Creating an existing payment is a no-op.
     */
    async open(
      period: SubsidyPeriod,
      loan: { id: string; bankLoanNo: string },
      borrower: SubsidyBorrower,
      actor: Actor,
      role: string,
    ): Promise<SubsidyPayment | undefined> {
      const id = subsidyPaymentId(loan.id, period.periodStart, period.periodEnd);
      const at = deps.clock.now();
      const payment = openPayment(id, period, loan, borrower, at, deps.lending.subsidySlaDays);
      if (!payment) return undefined;
      await deps.payments.create(payment, [], {
        action: 'subsidy-payment.opened',
        actor,
        role,
        at,
        details: {
          loanId: loan.id,
          periodStart: period.periodStart,
          periodEnd: period.periodEnd,
          amountFen: period.amountFen,
        },
      });
      return (await load(id)).value;
    },

    /** CENTER_STAFF verifies the period against the statement and approves the payment (R12.4). */
    async approve(cmd: { subsidyPaymentId: string; note?: string }, actor: Actor) {
      const role = roleFor(actor, 'approveSubsidy');
      const p = await load(cmd.subsidyPaymentId);
      const at = deps.clock.now();
      const next = approvePayment(p.value, { payee: deps.lending.subsidyPayee, by: actor.userId, at });
      if (!next) return p.value;
      await deps.payments.update(
        next,
        p.version,
        [{ type: 'SubsidyPaymentApproved', payment: next }],
        {
          action: 'subsidy-payment.approved',
          actor,
          role,
          reason: cmd.note,
          at,
          details: { payee: next.payee, amountFen: next.amountFen },
        },
        p,
      );
      return next;
    },

    /** Records the transfer under the treasury's reference → credit.subsidy.disbursed (R12.4). */
    async markPaid(cmd: { subsidyPaymentId: string; paymentRef: string; paidAt?: Date }, actor: Actor) {
      const role = roleFor(actor, 'paySubsidy');
      rejectInvalid(cmd.paymentRef?.trim() ? [] : [{ field: 'paymentRef', message: 'required' }]);
      const p = await load(cmd.subsidyPaymentId);
      const at = cmd.paidAt ?? deps.clock.now();
      const next = markPaid(p.value, { paymentRef: cmd.paymentRef.trim(), by: actor.userId, at });
      if (!next) return p.value;
      await deps.payments.update(
        next,
        p.version,
        [{ type: 'SubsidyDisbursed', payment: next }],
        {
          action: 'subsidy-payment.paid',
          actor,
          role,
          at: deps.clock.now(),
          details: { paymentRef: next.paymentRef, payee: next.payee, amountFen: next.amountFen, paidAt: at },
        },
        p,
      );
      return next;
    },

    async get(id: string, actor: Actor) {
      roleFor(actor, 'readSubsidies');
      return (await load(id)).value;
    },

    /** Payments past the SLA at the service's now: approved or not, nothing has been paid (R12.4). */
    async listPastSla(actor: Actor) {
      roleFor(actor, 'readSubsidies');
      const at = deps.clock.now();
      return (await deps.payments.listUnpaidDueBefore(at)).filter((p) => pastSla(p, at));
    },
  };
}
export type SubsidyPaymentUseCases = ReturnType<typeof createSubsidyPayments>;
