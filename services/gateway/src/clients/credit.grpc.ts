import { creditV1 } from '@gov/contracts';
import { status } from '@grpc/grpc-js';
import { createClient, RemoteError } from '@gov/platform';
import { callAs, type CallCredentials } from './call';

type Call<Req, Res> = (req: Req, call: CallCredentials) => Promise<Res>;

/** The credit service (金融扶贫) as the routes see it. */
export interface CreditPort {
  registerHousehold: Call<creditV1.RegisterHouseholdRequest, creditV1.RegisterHouseholdResponse>;
  getHousehold: Call<creditV1.GetHouseholdRequest, creditV1.GetHouseholdResponse>;
  rateHousehold: Call<creditV1.RateHouseholdRequest, creditV1.RateHouseholdResponse>;
  openNotice: Call<creditV1.OpenNoticeRequest, creditV1.OpenNoticeResponse>;
  fileObjection: Call<creditV1.FileObjectionRequest, creditV1.FileObjectionResponse>;
  closeNotice: Call<creditV1.CloseNoticeRequest, creditV1.CloseNoticeResponse>;
  resolveObjection: Call<creditV1.ResolveObjectionRequest, creditV1.ResolveObjectionResponse>;
  decideCredit: Call<creditV1.DecideCreditRequest, creditV1.DecideCreditResponse>;
  drawLoan: Call<creditV1.DrawLoanRequest, creditV1.DrawLoanResponse>;
  repayLoan: Call<creditV1.RepayLoanRequest, creditV1.RepayLoanResponse>;
  getCreditLine: Call<creditV1.GetCreditLineRequest, creditV1.GetCreditLineResponse>;
  submitApplication: Call<creditV1.SubmitApplicationRequest, creditV1.SubmitApplicationResponse>;
  getApplication: Call<creditV1.GetApplicationRequest, creditV1.GetApplicationResponse>;
  listHouseholdApplications: Call<
    creditV1.ListHouseholdApplicationsRequest,
    creditV1.ListHouseholdApplicationsResponse
  >;
  reviewApplications: Call<creditV1.ReviewApplicationsRequest, creditV1.ReviewApplicationsResponse>;
  screenHousehold: Call<creditV1.ScreenHouseholdRequest, creditV1.ScreenHouseholdResponse>;
  registerEntity: Call<creditV1.RegisterEntityRequest, creditV1.RegisterEntityResponse>;
  recordContribution: Call<creditV1.RecordContributionRequest, creditV1.RecordContributionResponse>;
  reportEntityLoan: Call<creditV1.ReportEntityLoanRequest, creditV1.ReportEntityLoanResponse>;
  evaluateBreakers: Call<creditV1.EvaluateBreakersRequest, creditV1.EvaluateBreakersResponse>;
  liftBreaker: Call<creditV1.LiftBreakerRequest, creditV1.LiftBreakerResponse>;
  allocateLoss: Call<creditV1.AllocateLossRequest, creditV1.AllocateLossResponse>;
  evaluateHonors: Call<creditV1.EvaluateHonorsRequest, creditV1.EvaluateHonorsResponse>;
  accrueSubsidy: Call<creditV1.AccrueSubsidyRequest, creditV1.AccrueSubsidyResponse>;
  assessVillage: Call<creditV1.AssessVillageRequest, creditV1.AssessVillageResponse>;
  openGradeNotice: Call<creditV1.OpenGradeNoticeRequest, creditV1.OpenGradeNoticeResponse>;
  recordFundTransaction: Call<creditV1.RecordFundTransactionRequest, creditV1.RecordFundTransactionResponse>;
  getRiskFund: Call<creditV1.GetRiskFundRequest, creditV1.GetRiskFundResponse>;
  confirmLossShare: Call<creditV1.ConfirmLossShareRequest, creditV1.ConfirmLossShareResponse>;
  payLossCompensation: Call<creditV1.PayLossCompensationRequest, creditV1.PayLossCompensationResponse>;
  recordLossRecovery: Call<creditV1.RecordLossRecoveryRequest, creditV1.RecordLossRecoveryResponse>;
  closeLossCase: Call<creditV1.CloseLossCaseRequest, creditV1.CloseLossCaseResponse>;
  getLossCase: Call<creditV1.GetLossCaseRequest, creditV1.GetLossCaseResponse>;
  recordClaimPayout: Call<creditV1.RecordClaimPayoutRequest, creditV1.RecordClaimPayoutResponse>;
  reportEntityLoanRepayment: Call<
    creditV1.ReportEntityLoanRepaymentRequest,
    creditV1.ReportEntityLoanRepaymentResponse
  >;
  accrueEntitySubsidy: Call<creditV1.AccrueEntitySubsidyRequest, creditV1.AccrueEntitySubsidyResponse>;
  approveSubsidyPayment: Call<creditV1.ApproveSubsidyPaymentRequest, creditV1.ApproveSubsidyPaymentResponse>;
  markSubsidyPaymentPaid: Call<creditV1.MarkSubsidyPaymentPaidRequest, creditV1.MarkSubsidyPaymentPaidResponse>;
  getSubsidyPayment: Call<creditV1.GetSubsidyPaymentRequest, creditV1.GetSubsidyPaymentResponse>;
  listLateSubsidyPayments: Call<creditV1.ListLateSubsidyPaymentsRequest, creditV1.ListLateSubsidyPaymentsResponse>;
  confirmCertificateUpgrade: Call<
    creditV1.ConfirmCertificateUpgradeRequest,
    creditV1.ConfirmCertificateUpgradeResponse
  >;
  // geography registry (spec credit §3.1)
  registerTownship: Call<creditV1.RegisterTownshipRequest, creditV1.RegisterTownshipResponse>;
  updateTownship: Call<creditV1.UpdateTownshipRequest, creditV1.UpdateTownshipResponse>;
  registerVillage: Call<creditV1.RegisterVillageRequest, creditV1.RegisterVillageResponse>;
  updateVillage: Call<creditV1.UpdateVillageRequest, creditV1.UpdateVillageResponse>;
  registerVillagerGroup: Call<creditV1.RegisterVillagerGroupRequest, creditV1.RegisterVillagerGroupResponse>;
  updateVillagerGroup: Call<creditV1.UpdateVillagerGroupRequest, creditV1.UpdateVillagerGroupResponse>;
  listVillages: Call<creditV1.ListVillagesRequest, creditV1.ListVillagesResponse>;
  listVillagerGroups: Call<creditV1.ListVillagerGroupsRequest, creditV1.ListVillagerGroupsResponse>;
}

/** A credit client, or, while CREDIT_GRPC_ADDR is unset, a port that answers SERVICE_UNAVAILABLE. */
export function createCreditClient(address: string | undefined, timeoutMs: number): CreditPort & { close(): void } {
  if (!address) {
    const down = () =>
      Promise.reject(
        new RemoteError(status.UNAVAILABLE, 'SERVICE_UNAVAILABLE', 'CREDIT_GRPC_ADDR is not configured', []),
      );
    return {
      registerHousehold: down,
      getHousehold: down,
      rateHousehold: down,
      openNotice: down,
      fileObjection: down,
      closeNotice: down,
      resolveObjection: down,
      decideCredit: down,
      drawLoan: down,
      repayLoan: down,
      getCreditLine: down,
      submitApplication: down,
      getApplication: down,
      listHouseholdApplications: down,
      reviewApplications: down,
      screenHousehold: down,
      registerEntity: down,
      recordContribution: down,
      reportEntityLoan: down,
      evaluateBreakers: down,
      liftBreaker: down,
      allocateLoss: down,
      evaluateHonors: down,
      accrueSubsidy: down,
      assessVillage: down,
      openGradeNotice: down,
      recordFundTransaction: down,
      getRiskFund: down,
      confirmLossShare: down,
      payLossCompensation: down,
      recordLossRecovery: down,
      closeLossCase: down,
      getLossCase: down,
      recordClaimPayout: down,
      reportEntityLoanRepayment: down,
      accrueEntitySubsidy: down,
      approveSubsidyPayment: down,
      markSubsidyPaymentPaid: down,
      getSubsidyPayment: down,
      listLateSubsidyPayments: down,
      confirmCertificateUpgrade: down,
      registerTownship: down,
      updateTownship: down,
      registerVillage: down,
      updateVillage: down,
      registerVillagerGroup: down,
      updateVillagerGroup: down,
      listVillages: down,
      listVillagerGroups: down,
      close: () => {},
    };
  }
  const client = createClient(creditV1.CreditServiceClient, address);
  return {
    registerHousehold: (req, call) => callAs(client.registerHousehold.bind(client), req, call, timeoutMs),
    getHousehold: (req, call) => callAs(client.getHousehold.bind(client), req, call, timeoutMs),
    rateHousehold: (req, call) => callAs(client.rateHousehold.bind(client), req, call, timeoutMs),
    openNotice: (req, call) => callAs(client.openNotice.bind(client), req, call, timeoutMs),
    fileObjection: (req, call) => callAs(client.fileObjection.bind(client), req, call, timeoutMs),
    closeNotice: (req, call) => callAs(client.closeNotice.bind(client), req, call, timeoutMs),
    resolveObjection: (req, call) => callAs(client.resolveObjection.bind(client), req, call, timeoutMs),
    decideCredit: (req, call) => callAs(client.decideCredit.bind(client), req, call, timeoutMs),
    drawLoan: (req, call) => callAs(client.drawLoan.bind(client), req, call, timeoutMs),
    repayLoan: (req, call) => callAs(client.repayLoan.bind(client), req, call, timeoutMs),
    getCreditLine: (req, call) => callAs(client.getCreditLine.bind(client), req, call, timeoutMs),
    submitApplication: (req, call) => callAs(client.submitApplication.bind(client), req, call, timeoutMs),
    getApplication: (req, call) => callAs(client.getApplication.bind(client), req, call, timeoutMs),
    listHouseholdApplications: (req, call) =>
      callAs(client.listHouseholdApplications.bind(client), req, call, timeoutMs),
    reviewApplications: (req, call) => callAs(client.reviewApplications.bind(client), req, call, timeoutMs),
    screenHousehold: (req, call) => callAs(client.screenHousehold.bind(client), req, call, timeoutMs),
    registerEntity: (req, call) => callAs(client.registerEntity.bind(client), req, call, timeoutMs),
    recordContribution: (req, call) => callAs(client.recordContribution.bind(client), req, call, timeoutMs),
    reportEntityLoan: (req, call) => callAs(client.reportEntityLoan.bind(client), req, call, timeoutMs),
    evaluateBreakers: (req, call) => callAs(client.evaluateBreakers.bind(client), req, call, timeoutMs),
    liftBreaker: (req, call) => callAs(client.liftBreaker.bind(client), req, call, timeoutMs),
    allocateLoss: (req, call) => callAs(client.allocateLoss.bind(client), req, call, timeoutMs),
    evaluateHonors: (req, call) => callAs(client.evaluateHonors.bind(client), req, call, timeoutMs),
    accrueSubsidy: (req, call) => callAs(client.accrueSubsidy.bind(client), req, call, timeoutMs),
    assessVillage: (req, call) => callAs(client.assessVillage.bind(client), req, call, timeoutMs),
    openGradeNotice: (req, call) => callAs(client.openGradeNotice.bind(client), req, call, timeoutMs),
    recordFundTransaction: (req, call) => callAs(client.recordFundTransaction.bind(client), req, call, timeoutMs),
    getRiskFund: (req, call) => callAs(client.getRiskFund.bind(client), req, call, timeoutMs),
    confirmLossShare: (req, call) => callAs(client.confirmLossShare.bind(client), req, call, timeoutMs),
    payLossCompensation: (req, call) => callAs(client.payLossCompensation.bind(client), req, call, timeoutMs),
    recordLossRecovery: (req, call) => callAs(client.recordLossRecovery.bind(client), req, call, timeoutMs),
    closeLossCase: (req, call) => callAs(client.closeLossCase.bind(client), req, call, timeoutMs),
    getLossCase: (req, call) => callAs(client.getLossCase.bind(client), req, call, timeoutMs),
    recordClaimPayout: (req, call) => callAs(client.recordClaimPayout.bind(client), req, call, timeoutMs),
    reportEntityLoanRepayment: (req, call) =>
      callAs(client.reportEntityLoanRepayment.bind(client), req, call, timeoutMs),
    accrueEntitySubsidy: (req, call) => callAs(client.accrueEntitySubsidy.bind(client), req, call, timeoutMs),
    approveSubsidyPayment: (req, call) => callAs(client.approveSubsidyPayment.bind(client), req, call, timeoutMs),
    markSubsidyPaymentPaid: (req, call) => callAs(client.markSubsidyPaymentPaid.bind(client), req, call, timeoutMs),
    getSubsidyPayment: (req, call) => callAs(client.getSubsidyPayment.bind(client), req, call, timeoutMs),
    listLateSubsidyPayments: (req, call) => callAs(client.listLateSubsidyPayments.bind(client), req, call, timeoutMs),
    confirmCertificateUpgrade: (req, call) =>
      callAs(client.confirmCertificateUpgrade.bind(client), req, call, timeoutMs),
    registerTownship: (req, call) => callAs(client.registerTownship.bind(client), req, call, timeoutMs),
    updateTownship: (req, call) => callAs(client.updateTownship.bind(client), req, call, timeoutMs),
    registerVillage: (req, call) => callAs(client.registerVillage.bind(client), req, call, timeoutMs),
    updateVillage: (req, call) => callAs(client.updateVillage.bind(client), req, call, timeoutMs),
    registerVillagerGroup: (req, call) => callAs(client.registerVillagerGroup.bind(client), req, call, timeoutMs),
    updateVillagerGroup: (req, call) => callAs(client.updateVillagerGroup.bind(client), req, call, timeoutMs),
    listVillages: (req, call) => callAs(client.listVillages.bind(client), req, call, timeoutMs),
    listVillagerGroups: (req, call) => callAs(client.listVillagerGroups.bind(client), req, call, timeoutMs),
    close: () => client.close(),
  };
}
