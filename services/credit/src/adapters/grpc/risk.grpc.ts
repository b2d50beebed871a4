import type { creditV1 } from '@gov/contracts';
import type { Handlers } from '@gov/platform';
import { ValidationError } from '@gov/platform/errors';
import type { CreditService } from '../../wiring';
import { fenIn } from './credit.mapper';
import { idempotent } from './idempotent';
import {
  dateIn,
  positiveInt,
  requireFields,
  toBreakerUnit,
  toEntityKind,
  toProtoBreaker,
  toProtoEntity,
  toProtoLossCase,
  toProtoSubsidyPeriod,
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
      return idempotent(c.idempotency, 'allocateLoss', req, ctx.actor, async () => ({
        lossCase: toProtoLossCase(await c.riskSharing.allocate(cmd, ctx.actor)),
      }));
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
      };
      return idempotent(c.idempotency, 'accrueSubsidy', req, ctx.actor, async () => ({
        period: toProtoSubsidyPeriod(await c.accrueSubsidy(cmd, ctx.actor)),
      }));
    },
  };
}
