import { creditEventsV1 as ev, creditEventTypes as t } from '@gov/contracts';
import { MalformedEventError, type EventHandler } from '@gov/platform';
import type { createBankEventHandlers, LoanClassification } from '../../app/bank-events';
import type { Grade } from '../../domain/policy';
import { dateOf, decode, fenOf, keepingErrorCodes, required } from './inbound';

const grades: Partial<Record<ev.Grade, Grade>> = {
  [ev.Grade.GRADE_NONE]: 'NONE',
  [ev.Grade.GRADE_A]: 'A',
  [ev.Grade.GRADE_AA]: 'AA',
  [ev.Grade.GRADE_AAA]: 'AAA',
  [ev.Grade.GRADE_AAA_PLUS]: 'AAA+',
};
const classifications: Partial<Record<ev.LoanClassification, LoanClassification>> = {
  [ev.LoanClassification.LOAN_CLASSIFICATION_NORMAL]: 'NORMAL',
  [ev.LoanClassification.LOAN_CLASSIFICATION_SPECIAL_MENTION]: 'SPECIAL_MENTION',
  [ev.LoanClassification.LOAN_CLASSIFICATION_SUBSTANDARD]: 'SUBSTANDARD',
  [ev.LoanClassification.LOAN_CLASSIFICATION_DOUBTFUL]: 'DOUBTFUL',
  [ev.LoanClassification.LOAN_CLASSIFICATION_LOSS]: 'LOSS',
};

/**
 * gov.credit.bank-events.v1 handlers: decode, check, hand to the use case with the ce_id as the operation id.
 * A business refusal (e.g. INSUFFICIENT_LIMIT) is not retried forever: the kit parks it after its retries,
 * which is the compensating alert of spec credit §19.3; the parked record starts with the refusal's code.
 */
export function bankEventHandlers(h: ReturnType<typeof createBankEventHandlers>): Record<string, EventHandler> {
  return keepingErrorCodes({
    [t.bankLoanDisbursed]: async (e) => {
      const m = decode('BankLoanDisbursed', (b) => ev.BankLoanDisbursed.decode(b), e);
      if (!m.bankLoanNo || !m.creditLineId) throw new MalformedEventError('BankLoanDisbursed lacks loan or line id');
      await h.disbursed(e.id, {
        creditLineId: m.creditLineId,
        bankLoanNo: m.bankLoanNo,
        principalFen: fenOf('principal_fen', m.principalFen),
        rateBp: m.rateBp,
        termMonths: m.termMonths,
        contractDate: m.contractDate,
      });
    },
    [t.bankLoanRepaid]: async (e) => {
      const m = decode('BankLoanRepaid', (b) => ev.BankLoanRepaid.decode(b), e);
      const paidAt = new Date(m.paidAt);
      if (!m.bankLoanNo || Number.isNaN(paidAt.getTime()))
        throw new MalformedEventError('BankLoanRepaid lacks loan or paid_at');
      await h.repaid(e.id, {
        bankLoanNo: m.bankLoanNo,
        principalFen: fenOf('principal_fen', m.principalFen),
        paidAt,
        onTime: m.onTime,
      });
    },
    [t.bankLoanOverdue]: async (e) => {
      const m = decode('BankLoanOverdue', (b) => ev.BankLoanOverdue.decode(b), e);
      if (!m.bankLoanNo) throw new MalformedEventError('BankLoanOverdue lacks the loan number');
      await h.overdue(e.id, { bankLoanNo: m.bankLoanNo, nonPerforming: m.nonPerforming });
    },
    [t.bankLoanClassified]: async (e) => {
      const m = decode('BankLoanClassified', (b) => ev.BankLoanClassified.decode(b), e);
      required('BankLoanClassified', { bank_loan_no: m.bankLoanNo });
      const classification = classifications[m.classification];
      if (!classification)
        throw new MalformedEventError(`BankLoanClassified has no known classification (${m.classification})`);
      await h.classified(e.id, { bankLoanNo: m.bankLoanNo, classification });
    },
    [t.bankCreditAssessmentCompleted]: async (e) => {
      const m = decode('BankCreditAssessmentCompleted', (b) => ev.BankCreditAssessmentCompleted.decode(b), e);
      required('BankCreditAssessmentCompleted', { notice_id: m.noticeId, household_id: m.householdId });
      const approve = m.outcome === ev.AssessmentOutcome.ASSESSMENT_OUTCOME_APPROVED;
      if (!approve && m.outcome !== ev.AssessmentOutcome.ASSESSMENT_OUTCOME_REJECTED)
        throw new MalformedEventError(`BankCreditAssessmentCompleted has no known outcome (${m.outcome})`);
      const grade = grades[m.grade];
      if (approve && (!grade || grade === 'NONE'))
        throw new MalformedEventError('an approving BankCreditAssessmentCompleted needs a grade of A or above');
      // R5.2 (逐一说明理由,指出原因,提供依据): checked again by the use case, which parks it as REJECTION_REASON_REQUIRED
      await h.assessmentCompleted(e.id, {
        noticeId: m.noticeId,
        householdId: m.householdId,
        approve,
        grade: approve ? grade! : 'NONE',
        limitFen: approve ? fenOf('limit_fen', m.limitFen) : 0,
        rejectionReason: approve ? '' : m.rejectionReason,
        rejectionCause: approve ? '' : m.rejectionCause,
        evidenceRefs: approve ? [] : m.evidenceRefs.filter((r) => r.trim()),
        assessmentReportRef: m.assessmentReportRef,
        assessedBy: m.assessedBy,
      });
    },
    [t.bankInterestStatement]: async (e) => {
      const m = decode('BankInterestStatement', (b) => ev.BankInterestStatement.decode(b), e);
      required('BankInterestStatement', { bank_loan_no: m.bankLoanNo });
      const charged = Number(m.interestChargedFen);
      const paid = Number(m.interestPaidFen);
      if (![charged, paid].every((n) => Number.isSafeInteger(n) && n >= 0) || paid > charged)
        throw new MalformedEventError(
          `BankInterestStatement interest paid (${m.interestPaidFen}) must be 0..interest charged (${m.interestChargedFen}) fen`,
        );
      await h.interestStatement({
        bankLoanNo: m.bankLoanNo,
        periodStart: dateOf('period_start', m.periodStart),
        periodEnd: dateOf('period_end', m.periodEnd),
        interestPaidFen: paid,
        statementNo: m.statementNo,
        // interest paid late: the loan was in arrears during the period (R12.4, no subsidy for it [config])
        overdueInPeriod: !m.paidOnTime,
      });
    },
  });
}
