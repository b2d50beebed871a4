import { creditEventsV1 as ev, creditEventTypes as t } from '@gov/contracts';
import type { CreditEvent } from '../../app/ports';
import type { Grade } from '../../domain/policy';
import type { SubsidyPayment } from '../../domain/subsidy-payment';

type Encoded = { type: string; key: string; payload: Uint8Array; time: Date };
type Of<K extends CreditEvent['type']> = Extract<CreditEvent, { type: K }>;

const grades: Record<Grade, ev.Grade> = {
  NONE: ev.Grade.GRADE_NONE,
  A: ev.Grade.GRADE_A,
  AA: ev.Grade.GRADE_AA,
  AAA: ev.Grade.GRADE_AAA,
  'AAA+': ev.Grade.GRADE_AAA_PLUS,
};
const fen = (n: number) => String(n);
const iso = (d: Date) => new Date(d).toISOString();

/** Subsidy events are keyed by the borrower (household or entity), in order with its loan events. */
export const encodeSubsidyAccrued = (e: Of<'SubsidyAccrued'>): Encoded => ({
  type: t.subsidyAccrued,
  key: e.borrower.id,
  time: new Date(`${e.period.periodEnd}T00:00:00+08:00`),
  payload: ev.SubsidyAccrued.encode({
    subsidyId: e.period.id,
    loanId: e.loanId,
    householdId: e.borrower.type === 'HOUSEHOLD' ? e.borrower.id : '',
    periodStart: e.period.periodStart,
    periodEnd: e.period.periodEnd,
    eligiblePrincipalFen: fen(e.period.eligiblePrincipalFen),
    amountFen: fen(e.period.amountFen),
    borrowerType: e.borrower.type,
    entityId: e.borrower.type === 'ENTITY' ? e.borrower.id : '',
  }).finish(),
});

export const encodeSubsidyPaymentApproved = ({ payment: p }: Of<'SubsidyPaymentApproved'>): Encoded => ({
  type: t.subsidyPaymentApproved,
  key: p.borrowerId,
  time: p.approvedAt!,
  payload: ev.SubsidyPaymentApproved.encode({
    subsidyPaymentId: p.id,
    loanId: p.loanId,
    periodStart: p.periodStart,
    periodEnd: p.periodEnd,
    amountFen: fen(p.amountFen),
    payee: p.payee ?? '',
    borrowerType: p.borrowerType,
    borrowerId: p.borrowerId,
    bankLoanNo: p.bankLoanNo,
    approvedAt: iso(p.approvedAt!),
    dueAt: iso(p.dueAt),
  }).finish(),
});

const paidLate = (p: SubsidyPayment) => new Date(p.paidAt!).getTime() > new Date(p.dueAt).getTime();

/** §19.2 credit.subsidy.disbursed: subsidyPaymentId, loanId, period, eligible principal, amount, payee. */
export const encodeSubsidyDisbursed = ({ payment: p }: Of<'SubsidyDisbursed'>): Encoded => ({
  type: t.subsidyDisbursed,
  key: p.borrowerId,
  time: p.paidAt!,
  payload: ev.SubsidyDisbursed.encode({
    subsidyPaymentId: p.id,
    loanId: p.loanId,
    periodStart: p.periodStart,
    periodEnd: p.periodEnd,
    eligiblePrincipalFen: fen(p.eligiblePrincipalFen),
    amountFen: fen(p.amountFen),
    payee: p.payee ?? '',
    borrowerType: p.borrowerType,
    borrowerId: p.borrowerId,
    bankLoanNo: p.bankLoanNo,
    paymentRef: p.paymentRef ?? '',
    paidAt: iso(p.paidAt!),
    late: paidLate(p),
  }).finish(),
});

export const encodeUpgradePending = (e: Of<'CertificateUpgradePending'>): Encoded => ({
  type: t.certificateUpgradePending,
  key: e.line.householdId,
  time: e.at,
  payload: ev.CertificateUpgradePending.encode({
    certificateNo: e.line.certificateNo,
    creditLineId: e.line.id,
    householdId: e.line.householdId,
    currentGrade: grades[e.line.grade],
    currentLimitFen: fen(e.line.limitFen),
    proposedGrade: grades[e.upgrade.grade],
    proposedCapFen: fen(e.upgrade.capFen),
    ratingId: e.upgrade.ratingId,
    proposedAt: iso(e.upgrade.proposedAt),
    withdrawn: e.withdrawnReason !== undefined,
    withdrawnReason: e.withdrawnReason ?? '',
  }).finish(),
});
