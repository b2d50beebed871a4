import { CreditError } from './credit-error';
import type { SubsidyPeriod } from './subsidy';

/** Whom the district pays (R12.4 `cfg.subsidyPayee`): the borrower, or the bank as a reimbursement. */
export type SubsidyPayee = 'BORROWER' | 'BANK';

/** ACCRUED: the statement is accepted and the period accrued; APPROVED: the center verified it; PAID: money out. */
export type SubsidyPaymentStatus = 'ACCRUED' | 'APPROVED' | 'PAID';

/** The borrower a subsidised loan belongs to: a household (on its credit line) or a poverty-driving entity. */
export type SubsidyBorrower = { type: 'HOUSEHOLD'; id: string; creditLineId: string } | { type: 'ENTITY'; id: string };

/**
 * 贴息拨付 — the district's payment of one accrued subsidy period out of fiscal funds (spec credit §12 R12.4).
 * One per (loanId, periodStart, periodEnd), R12.5: the id derives from the three and the store keeps them unique.
 */
export interface SubsidyPayment {
  id: string;
  borrowerType: SubsidyBorrower['type'];
  borrowerId: string;
  creditLineId?: string;
  loanId: string;
  bankLoanNo: string;
  subsidyPeriodId: string;
  periodStart: string;
  periodEnd: string;
  eligiblePrincipalFen: number;
  amountFen: number;
  status: SubsidyPaymentStatus;
  /** When the statement was accepted (the period accrued); the SLA runs from here. */
  acceptedAt: Date;
  /** Latest on-time payment instant: acceptedAt + the SLA days (R12.4, 30 days [inferred; config]). */
  dueAt: Date;
  payee?: SubsidyPayee;
  approvedBy?: string;
  approvedAt?: Date;
  paymentRef?: string;
  paidBy?: string;
  paidAt?: Date;
}

const DAY = 86_400_000;

/** The payment an accrued period opens; a period with nothing to pay opens none. */
export function openPayment(
  id: string,
  period: SubsidyPeriod,
  loan: { id: string; bankLoanNo: string },
  borrower: SubsidyBorrower,
  acceptedAt: Date,
  slaDays: number,
): SubsidyPayment | undefined {
  if (period.amountFen <= 0) return undefined;
  return {
    id,
    borrowerType: borrower.type,
    borrowerId: borrower.id,
    ...(borrower.type === 'HOUSEHOLD' ? { creditLineId: borrower.creditLineId } : {}),
    loanId: loan.id,
    bankLoanNo: loan.bankLoanNo,
    subsidyPeriodId: period.id,
    periodStart: period.periodStart,
    periodEnd: period.periodEnd,
    eligiblePrincipalFen: period.eligiblePrincipalFen,
    amountFen: period.amountFen,
    status: 'ACCRUED',
    acceptedAt,
    dueAt: new Date(acceptedAt.getTime() + slaDays * DAY),
  };
}

/**
 * CENTER_STAFF verifies the accrued period and approves its payment to the configured payee. Approving an approved
 * or paid payment returns it unchanged (undefined: nothing to write), so a retry is harmless.
 */
export function approvePayment(
  p: SubsidyPayment,
  a: { payee: SubsidyPayee; by: string; at: Date },
): SubsidyPayment | undefined {
  if (p.status !== 'ACCRUED') return undefined;
  return { ...p, status: 'APPROVED', payee: a.payee, approvedBy: a.by, approvedAt: a.at };
}

/**
 * Records the transfer with the treasury's payment reference. Only an approved payment can be paid; paying again
 * under the same reference changes nothing, under another is SUBSIDY_ALREADY_PAID (no second transfer).
 */
export function markPaid(
  p: SubsidyPayment,
  a: { paymentRef: string; by: string; at: Date },
): SubsidyPayment | undefined {
  if (p.status === 'PAID') {
    if (p.paymentRef === a.paymentRef) return undefined;
    throw new CreditError('SUBSIDY_ALREADY_PAID', `subsidy payment ${p.id} was paid under ${p.paymentRef}`);
  }
  if (p.status !== 'APPROVED')
    throw new CreditError('SUBSIDY_PAYMENT_NOT_APPROVED', `subsidy payment ${p.id} has not been verified and approved`);
  return { ...p, status: 'PAID', paymentRef: a.paymentRef, paidBy: a.by, paidAt: a.at };
}

/** Unpaid after its due instant (R12.4 SLA): the center's list of late subsidy payments. */
export const pastSla = (p: Pick<SubsidyPayment, 'status' | 'dueAt'>, at: Date): boolean =>
  p.status !== 'PAID' && at.getTime() > new Date(p.dueAt).getTime();
