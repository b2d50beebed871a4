import { creditV1 } from '@gov/contracts';
import type { Handlers } from '@gov/platform';
import { ValidationError } from '@gov/platform/errors';
import type { CreditService } from '../../wiring';
import {
  fenIn,
  toCreditInfo,
  toGrade,
  toInstant,
  toPovertyStatus,
  toProtoAudit,
  toProtoHousehold,
  toProtoLine,
  toProtoNotice,
  toProtoRating,
} from './credit.mapper';
import { geographyGrpcHandlers } from './geography.grpc';
import { procedureGrpcHandlers } from './procedure.grpc';
import { riskGrpcHandlers, riskSettlementGrpcHandlers } from './risk.grpc';
import { subsidyGrpcHandlers } from './subsidy.grpc';

/** CreditService over gRPC: map the request, run the use case, map the result. No rules here. */
export function creditGrpcHandlers(c: CreditService): Handlers<typeof creditV1.CreditServiceService> {
  return {
    async registerHousehold(req, ctx) {
      const id = await c.registerHousehold(
        {
          idempotencyKey: req.idempotencyKey,
          input: {
            townshipId: req.townshipId,
            villageId: req.villageId,
            villagerGroupId: req.villagerGroupId,
            headName: req.headName,
            headIdNumber: req.headIdNumber,
            phone: req.phone,
            povertyStatus: toPovertyStatus(req.povertyStatus),
          },
        },
        ctx.actor,
      );
      return { household: toProtoHousehold((await c.getHousehold(id, ctx.actor)).household) };
    },
    async getHousehold(req, ctx) {
      const { household, audit } = await c.getHousehold(req.id, ctx.actor);
      return { household: toProtoHousehold(household), audit: audit.map(toProtoAudit) };
    },
    async rateHousehold(req, ctx) {
      const rating = await c.rating.rateHousehold(
        { idempotencyKey: req.idempotencyKey, householdId: req.householdId, info: toCreditInfo(req.info) },
        ctx.actor,
      );
      return { rating: toProtoRating(rating) };
    },
    async openNotice(req, ctx) {
      const notice = await c.notices.openNotice(
        {
          idempotencyKey: req.idempotencyKey,
          input: {
            villageId: req.villageId,
            householdIds: req.householdIds,
            startAt: toInstant('start_at', req.startAt),
            endAt: toInstant('end_at', req.endAt),
            postedLocation: req.postedLocation,
          },
        },
        ctx.actor,
      );
      return { notice: toProtoNotice(notice) };
    },
    async fileObjection(req, ctx) {
      const notice = await c.notices.fileObjection(
        {
          idempotencyKey: req.idempotencyKey,
          noticeId: req.noticeId,
          householdId: req.householdId,
          content: req.content,
        },
        ctx.actor,
      );
      return { notice: toProtoNotice(notice) };
    },
    async resolveObjection(req, ctx) {
      if (req.outcome !== 'UPHELD' && req.outcome !== 'DISMISSED')
        throw new ValidationError([{ field: 'outcome', message: 'UPHELD or DISMISSED' }]);
      if (req.consequence && req.consequence !== 'RESCORE' && req.consequence !== 'REJECT')
        throw new ValidationError([{ field: 'consequence', message: 'RESCORE or REJECT' }]);
      const notice = await c.notices.resolveObjection(
        {
          noticeId: req.noticeId,
          objectionId: req.objectionId,
          outcome: req.outcome,
          resolution: req.resolution,
          consequence: req.consequence ? (req.consequence as 'RESCORE' | 'REJECT') : undefined,
        },
        ctx.actor,
      );
      return { notice: toProtoNotice(notice) };
    },
    async closeNotice(req, ctx) {
      return {
        notice: toProtoNotice(
          await c.notices.closeNotice({ idempotencyKey: req.idempotencyKey, noticeId: req.noticeId }, ctx.actor),
        ),
      };
    },
    async decideCredit(req, ctx) {
      const res = await c.decideCredit(
        {
          idempotencyKey: req.idempotencyKey,
          input: {
            noticeId: req.noticeId,
            householdId: req.householdId,
            approve: req.approve,
            grade: req.approve ? toGrade(req.grade) : 'NONE',
            limitFen: req.approve ? fenIn('limit_fen', req.limitFen, { positive: true }) : 0,
            rejectionReason: req.rejectionReason,
            rejectionCause: req.rejectionCause,
            evidenceRefs: req.evidenceRefs,
          },
        },
        ctx.actor,
      );
      const line = res.creditLineId ? await c.repositories.lines.get(res.creditLineId) : undefined;
      return { outcome: res.outcome, creditLine: line ? toProtoLine(line.value) : undefined };
    },
    async drawLoan(req, ctx) {
      const { line, loanId } = await c.loans.drawLoan(
        {
          idempotencyKey: req.idempotencyKey,
          input: {
            creditLineId: req.creditLineId,
            bankLoanNo: req.bankLoanNo,
            principalFen: fenIn('principal_fen', req.principalFen, { positive: true }),
            termMonths: req.termMonths,
            rateBp: req.rateBp,
            contractDate: req.contractDate,
          },
        },
        ctx.actor,
      );
      return { creditLine: toProtoLine(line), loanId };
    },
    async repayLoan(req, ctx) {
      const line = await c.loans.repayLoan(
        {
          idempotencyKey: req.idempotencyKey,
          input: {
            creditLineId: req.creditLineId,
            loanId: req.loanId,
            principalFen: fenIn('principal_fen', req.principalFen, { positive: true }),
            paidAt: toInstant('paid_at', req.paidAt),
            onTime: !req.late,
          },
        },
        ctx.actor,
      );
      return { creditLine: toProtoLine(line) };
    },
    async getCreditLine(req, ctx) {
      return { creditLine: toProtoLine(await c.loans.getByHousehold(req.householdId, ctx.actor)) };
    },
    ...procedureGrpcHandlers(c),
    ...riskGrpcHandlers(c),
    ...riskSettlementGrpcHandlers(c),
    ...subsidyGrpcHandlers(c),
    ...geographyGrpcHandlers(c),
  };
}
