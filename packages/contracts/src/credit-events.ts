/**
 * CloudEvents `ce_type` of every credit message (proto gov.credit.events.v1). Outbound types are produced by
 * the credit service on gov.credit.events.v1; `bank*` types are produced by the host bank on
 * gov.credit.bank-events.v1. Published names never change: banks route on them.
 */
export const creditEventTypes = {
  ratingApplicationSubmitted: 'gov.credit.rating-application.submitted',
  scoreComputed: 'gov.credit.score.computed',
  noticeOpened: 'gov.credit.notice.opened',
  objectionFiled: 'gov.credit.notice.objection-filed',
  noticeClosed: 'gov.credit.notice.closed',
  bankAssessmentRequested: 'gov.credit.bank-assessment.requested',
  certificateIssued: 'gov.credit.certificate.issued',
  creditRejected: 'gov.credit.credit.rejected',
  certificateRegraded: 'gov.credit.certificate.regraded',
  certificateRevoked: 'gov.credit.certificate.revoked',
  creditLineStatusChanged: 'gov.credit.credit-line.status-changed',
  loanDrawn: 'gov.credit.loan.drawn',
  loanRepaid: 'gov.credit.loan.repaid',
  repaymentBehaviourUpdated: 'gov.credit.repayment-behaviour.updated',
  lossAllocated: 'gov.credit.loss.allocated',
  villageBreakerTripped: 'gov.credit.circuit-breaker.village-tripped',
  townshipBreakerTripped: 'gov.credit.circuit-breaker.township-tripped',
  breakerLifted: 'gov.credit.circuit-breaker.lifted',
  mutualFundContributionRequired: 'gov.credit.mutual-fund.contribution-required',
  honorAwarded: 'gov.credit.honor.awarded',
  riskFundUtilisationWarning: 'gov.credit.risk-fund.utilisation-warning',
  subsidyAccrued: 'gov.credit.subsidy.accrued',
  riskFundTransactionRecorded: 'gov.credit.risk-fund.transaction-recorded',
  lossConfirmed: 'gov.credit.loss.confirmed',
  fundCompensationPaid: 'gov.credit.risk-fund.compensation-paid',
  lossRecovered: 'gov.credit.loss.recovered',
  lossCaseClosed: 'gov.credit.loss.closed',
  claimPaid: 'gov.credit.insurance.claim-paid',
  bankLoanDisbursed: 'gov.credit.bank.loan-disbursed',
  bankLoanRepaid: 'gov.credit.bank.loan-repaid',
  bankLoanOverdue: 'gov.credit.bank.loan-overdue',
} as const;
