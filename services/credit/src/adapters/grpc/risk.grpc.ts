import type { creditV1 } from '@gov/contracts';
import type { Handlers } from '@gov/platform';
import { ValidationError } from '@gov/platform/errors';
import { CreditError } from '../../domain/credit-error';
import { maskBankCardNo } from '../../domain/insurance';
import { roleFor } from '../../domain/permissions';
import { subsidyPaymentId } from '../../app/subsidy-payments';
import type { CreditService } from '../../wiring';
import { fenIn } from './credit.mapper';
import { idempotent } from './idempotent';
import {
  dateIn,
  positiveInt,
  requireFields,
  signedFenIn,
  toBreakerUnit,
  toEntityKind,
  toFundTransactionType,
  toLossParty,
  toProtoBreaker,
  toProtoClaimPayout,
  toProtoEntity,
  toProtoFundTransaction,
  toProtoLossCase,
  toProtoRecovery,
  toProtoSettledLossCase,
  toProtoSubsidyPeriod,
  withSettlementFields,
} from './risk.mapper';

type H = Handlers<typeof creditV1.CreditServiceService>;
type RiskRpc =
  | 'registerEntity'
  | 'recordContribution'
  | 'reportEntityLoan'
  | 'evaluateBreakers'
  | 'liftBreaker'
  | 'allocateLoss'
  | 'evaluateHonors'
  | 'accrueSubsidy';
type SettlementRpc =
  | 'recordFundTransaction'
  | 'getRiskFund'
  | 'confirmLossShare'
  | 'payLossCompensation'
  | 'recordLossRecovery'
  | 'closeLossCase'
  | 'getLossCase'
  | 'recordClaimPayout';
type ManualFundType = Parameters<CreditService['riskFund']['recordTransaction']>[0]['type'];

/**
 * Entities, breakers, loss sharing, titles and subsidy (spec credit §3.3, §12, §13, §16). Their use cases take
 * no key, so each call runs under the request's idempotency key here: a retry gets the first answer.
 */
export function riskGrpcHandlers(c: CreditService): Pick<H, RiskRpc> {
  return {
    async registerEntity(req, ctx) {
      const input = {
        name: req.name,
        kind: toEntityKind(req.kind),
        registrationNo: req.registrationNo,
        townshipId: req.townshipId,
        inGovBankInsurerAgreement: req.inGovBankInsurerAgreement,
      };
      return idempotent(c.idempotency, 'registerEntity', req, ctx.actor, async () => ({
        entity: toProtoEntity(await c.entities.register(input, ctx.actor)),
      }));
    },
    async recordContribution(req, ctx) {
      requireFields({ entity_id: req.entityId, receipt_no: req.receiptNo });
      const cmd = {
        entityId: req.entityId,
        receiptNo: req.receiptNo,
        amountFen: fenIn('amount_fen', req.amountFen, { positive: true }),
      };
      return idempotent(c.idempotency, 'recordContribution', req, ctx.actor, async () => ({
        entity: toProtoEntity(await c.entities.contribute(cmd, ctx.actor)),
      }));
    },
    async reportEntityLoan(req, ctx) {
      requireFields({ entity_id: req.entityId, bank_loan_no: req.bankLoanNo });
      const cmd = {
        entityId: req.entityId,
        bankLoanNo: req.bankLoanNo,
        principalFen: fenIn('principal_fen', req.principalFen, { positive: true }),
        rateBp: positiveInt('rate_bp', req.rateBp),
        termMonths: positiveInt('term_months', req.termMonths),
        contractDate: dateIn('contract_date', req.contractDate),
      };
      return idempotent(c.idempotency, 'reportEntityLoan', req, ctx.actor, async () => ({
        entity: toProtoEntity(await c.entities.reportLoan(cmd, ctx.actor)),
      }));
    },
    async evaluateBreakers(req, ctx) {
      requireFields({ township_id: req.townshipId });
      return idempotent(c.idempotency, 'evaluateBreakers', req, ctx.actor, async () => {
        const r = await c.evaluateBreakers(req.townshipId, req.villageIds, ctx.actor);
        return {
          breachedVillageIds: r.breachedVillageIds,
          shareBp: r.shareBp,
          townshipTripped: r.townshipTripped,
          villageCount: r.villageCount,
          registryUsed: r.registryUsed,
        };
      });
    },
    async liftBreaker(req, ctx) {
      requireFields({ unit_id: req.unitId, township_id: req.townshipId });
      const cmd = { unitType: toBreakerUnit(req.unitType), unitId: req.unitId, townshipId: req.townshipId };
      await idempotent(c.idempotency, 'liftBreaker', req, ctx.actor, async () => {
        await c.evaluateBreakers.lift({ ...cmd, reason: req.reason }, ctx.actor);
        return { lifted: true };
      });
      const b = await c.repositories.breakers.get(req.unitId);
      return { breaker: b ? toProtoBreaker(b.value) : undefined };
    },
    async allocateLoss(req, ctx) {
      requireFields({ bank_loan_no: req.bankLoanNo });
      const cmd = {
        bankLoanNo: req.bankLoanNo,
        accruedInterestFen: fenIn('accrued_interest_fen', req.accruedInterestFen),
      };
      const res = await idempotent(c.idempotency, 'allocateLoss', req, ctx.actor, async () => ({
        lossCase: toProtoLossCase(await c.riskSharing.allocate(cmd, ctx.actor)),
      }));
      return { lossCase: res.lossCase && withSettlementFields(res.lossCase) };
    },
    async evaluateHonors(req, ctx) {
      requireFields({ township_id: req.townshipId });
      if (!Number.isInteger(req.year) || req.year < 2000 || req.year > 2100)
        throw new ValidationError([{ field: 'year', message: 'a calendar year' }]);
      return idempotent(c.idempotency, 'evaluateHonors', req, ctx.actor, async () => ({
        awardedSubjectIds: await c.riskSharing.evaluateHonors(req.year, req.townshipId, ctx.actor),
      }));
    },
    async accrueSubsidy(req, ctx) {
      requireFields({ credit_line_id: req.creditLineId, loan_id: req.loanId });
      const cmd = {
        creditLineId: req.creditLineId,
        loanId: req.loanId,
        periodStart: dateIn('period_start', req.periodStart),
        periodEnd: dateIn('period_end', req.periodEnd),
        interestPaidFen: fenIn('interest_paid_fen', req.interestPaidFen),
        overdueInPeriod: req.overdueInPeriod,
      };
      return idempotent(c.idempotency, 'accrueSubsidy', req, ctx.actor, async () => ({
        period: toProtoSubsidyPeriod(
          await c.accrueSubsidy(cmd, ctx.actor),
          subsidyPaymentId(cmd.loanId, cmd.periodStart, cmd.periodEnd),
        ),
      }));
    },
  };
}

/**
 * The risk fund's ledger, loss-case settlement and claim payouts (spec credit §13.2-13.3, R14.3, R15.4). Fund
 * movements carry their own key; settlement and payouts take none, so they run under the request's key here.
 */
export function riskSettlementGrpcHandlers(c: CreditService): Pick<H, SettlementRpc> {
  const readLossCase = async (id: string) => {
    const s = await c.repositories.settledLossCases.get(id);
    if (!s) throw new CreditError('LOSS_CASE_NOT_FOUND', `no loss case ${id}`);
    return toProtoSettledLossCase(s.value);
  };
  return {
    async recordFundTransaction(req, ctx) {
      const cmd = {
        idempotencyKey: req.idempotencyKey,
        // COMPENSATION_OUT and RECOVERY_IN go through too: the use case refuses them with its own code
        type: toFundTransactionType(req.type) as ManualFundType,
        amountFen: signedFenIn('amount_fen', req.amountFen),
        approvedBy: req.approvedBy,
        reason: req.reason || undefined,
      };
      return { transaction: toProtoFundTransaction(await c.riskFund.recordTransaction(cmd, ctx.actor)) };
    },
    async getRiskFund(_req, ctx) {
      roleFor(ctx.actor, 'readRisk');
      const s = await c.riskFund.statement();
      return {
        fund: { balanceFen: String(s.balanceFen), ceilingFen: String(s.ceilingFen), entryCount: s.entries },
      };
    },
    async confirmLossShare(req, ctx) {
      requireFields({ loss_case_id: req.lossCaseId, reference: req.reference });
      const cmd = {
        lossCaseId: req.lossCaseId,
        party: toLossParty(req.party),
        amountFen: fenIn('amount_fen', req.amountFen),
        reference: req.reference,
      };
      return idempotent(c.idempotency, 'confirmLossShare', req, ctx.actor, async () => ({
        lossCase: toProtoSettledLossCase(await c.settleLossCase.confirmShare(cmd, ctx.actor)),
      }));
    },
    async payLossCompensation(req, ctx) {
      requireFields({ loss_case_id: req.lossCaseId });
      return idempotent(c.idempotency, 'payLossCompensation', req, ctx.actor, async () => ({
        lossCase: toProtoSettledLossCase(
          await c.settleLossCase.payCompensation({ lossCaseId: req.lossCaseId }, ctx.actor),
        ),
      }));
    },
    async recordLossRecovery(req, ctx) {
      requireFields({ loss_case_id: req.lossCaseId, reference: req.reference });
      const cmd = {
        lossCaseId: req.lossCaseId,
        reference: req.reference,
        amountFen: fenIn('amount_fen', req.amountFen, { positive: true }),
      };
      return idempotent(c.idempotency, 'recordLossRecovery', req, ctx.actor, async () => {
        const { lossCase, recovery } = await c.settleLossCase.recordRecovery(cmd, ctx.actor);
        return { lossCase: toProtoSettledLossCase(lossCase), recovery: toProtoRecovery(recovery) };
      });
    },
    async closeLossCase(req, ctx) {
      requireFields({ loss_case_id: req.lossCaseId, reason: req.reason });
      const cmd = { lossCaseId: req.lossCaseId, reason: req.reason };
      return idempotent(c.idempotency, 'closeLossCase', req, ctx.actor, async () => ({
        lossCase: toProtoSettledLossCase(await c.settleLossCase.close(cmd, ctx.actor)),
      }));
    },
    async getLossCase(req, ctx) {
      roleFor(ctx.actor, 'readRisk');
      return { lossCase: await readLossCase(req.id) };
    },
    async recordClaimPayout(req, ctx) {
      // unchecked here: R14.3 refuses a payout without the household card as a whole, before the other fields
      const cmd = {
        insurerId: req.insurerId,
        claimNo: req.claimNo,
        policyNo: req.policyNo,
        householdId: req.householdId,
        amountFen: Number(req.amountFen),
        payeeType: req.payeeType,
        bankCardNo: req.bankCardNo || undefined,
        paidAt: new Date(req.paidAt),
      };
      // the key store keeps a hash of the request; of the card, only its masked form goes into that hash
      const keyed = { ...req, bankCardNo: maskBankCardNo(req.bankCardNo) };
      return idempotent(c.idempotency, 'recordClaimPayout', keyed, ctx.actor, async () => ({
        payout: toProtoClaimPayout(await c.insuranceClaims.recordClaimPayout(cmd, ctx.actor)),
      }));
    },
  };
}
