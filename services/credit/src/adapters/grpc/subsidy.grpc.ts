import type { creditV1 } from '@gov/contracts';
import type { Handlers } from '@gov/platform';
import { subsidyPaymentId } from '../../app/subsidy-payments';
import type { SubsidyPayment } from '../../domain/subsidy-payment';
import type { CreditService } from '../../wiring';
import { fenIn, toInstant, toProtoLine } from './credit.mapper';
import { idempotent } from './idempotent';
import { dateIn, requireFields, toProtoEntity, toProtoSubsidyPeriod } from './risk.mapper';

type H = Handlers<typeof creditV1.CreditServiceService>;
type SubsidyRpc =
  | 'reportEntityLoanRepayment'
  | 'accrueEntitySubsidy'
  | 'approveSubsidyPayment'
  | 'markSubsidyPaymentPaid'
  | 'getSubsidyPayment'
  | 'listLateSubsidyPayments'
  | 'confirmCertificateUpgrade';

const instant = (d: Date | undefined) => (d ? new Date(d).toISOString() : '');

export const toProtoSubsidyPayment = (p: SubsidyPayment): creditV1.SubsidyPayment => ({
  id: p.id,
  borrowerType: p.borrowerType,
  borrowerId: p.borrowerId,
  creditLineId: p.creditLineId ?? '',
  loanId: p.loanId,
  bankLoanNo: p.bankLoanNo,
  periodStart: p.periodStart,
  periodEnd: p.periodEnd,
  eligiblePrincipalFen: String(p.eligiblePrincipalFen),
  amountFen: String(p.amountFen),
  status: p.status,
  acceptedAt: instant(p.acceptedAt),
  dueAt: instant(p.dueAt),
  payee: p.payee ?? '',
  approvedBy: p.approvedBy ?? '',
  approvedAt: instant(p.approvedAt),
  paymentRef: p.paymentRef ?? '',
  paidAt: instant(p.paidAt),
});

/** Entity-loan subsidy, subsidy payments (spec credit §12) and the bank's upgrade confirmation (R17.3). */
export function subsidyGrpcHandlers(c: CreditService): Pick<H, SubsidyRpc> {
  return {
    async reportEntityLoanRepayment(req, ctx) {
      requireFields({ entity_id: req.entityId, loan_id: req.loanId, idempotency_key: req.idempotencyKey });
      const cmd = {
        entityId: req.entityId,
        loanId: req.loanId,
        principalFen: fenIn('principal_fen', req.principalFen, { positive: true }),
        paidAt: toInstant('paid_at', req.paidAt),
        opId: req.idempotencyKey,
      };
      return { entity: toProtoEntity(await c.entities.reportRepayment(cmd, ctx.actor)) };
    },
    async accrueEntitySubsidy(req, ctx) {
      requireFields({ entity_id: req.entityId, loan_id: req.loanId });
      const cmd = {
        entityId: req.entityId,
        loanId: req.loanId,
        periodStart: dateIn('period_start', req.periodStart),
        periodEnd: dateIn('period_end', req.periodEnd),
        interestPaidFen: fenIn('interest_paid_fen', req.interestPaidFen),
        overdueInPeriod: req.overdueInPeriod,
      };
      // the accrual itself is one per (loan, period); the key only spares a retry the work
      return idempotent(c.idempotency, 'accrueEntitySubsidy', req, ctx.actor, async () => ({
        period: toProtoSubsidyPeriod(
          await c.accrueSubsidy.forEntity(cmd, ctx.actor),
          subsidyPaymentId(cmd.loanId, cmd.periodStart, cmd.periodEnd),
        ),
      }));
    },
    async approveSubsidyPayment(req, ctx) {
      requireFields({ subsidy_payment_id: req.subsidyPaymentId });
      const p = await c.subsidyPayments.approve(
        { subsidyPaymentId: req.subsidyPaymentId, note: req.note || undefined },
        ctx.actor,
      );
      return { payment: toProtoSubsidyPayment(p) };
    },
    async markSubsidyPaymentPaid(req, ctx) {
      requireFields({ subsidy_payment_id: req.subsidyPaymentId, payment_ref: req.paymentRef });
      const p = await c.subsidyPayments.markPaid(
        {
          subsidyPaymentId: req.subsidyPaymentId,
          paymentRef: req.paymentRef,
          paidAt: req.paidAt ? toInstant('paid_at', req.paidAt) : undefined,
        },
        ctx.actor,
      );
      return { payment: toProtoSubsidyPayment(p) };
    },
    async getSubsidyPayment(req, ctx) {
      requireFields({ id: req.id });
      return { payment: toProtoSubsidyPayment(await c.subsidyPayments.get(req.id, ctx.actor)) };
    },
    async listLateSubsidyPayments(_req, ctx) {
      return { payments: (await c.subsidyPayments.listPastSla(ctx.actor)).map(toProtoSubsidyPayment) };
    },
    async confirmCertificateUpgrade(req, ctx) {
      requireFields({ credit_line_id: req.creditLineId });
      const limitFen = fenIn('limit_fen', req.limitFen);
      const line = await c.confirmUpgrade(
        {
          idempotencyKey: req.idempotencyKey,
          creditLineId: req.creditLineId,
          limitFen: limitFen > 0 ? limitFen : undefined,
          note: req.note || undefined,
        },
        ctx.actor,
      );
      return { creditLine: toProtoLine(line) };
    },
  };
}
