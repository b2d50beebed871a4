import type { CreditPort } from '../clients/credit.grpc';
import type { Route } from '../http/route';
import { parseInput } from '../http/validate';
import { present } from './common.mapper';
import { idParams } from './common.schema';
import { creditLineToJson } from './credit.mapper';
import { entityToJson, subsidyPaymentToJson, subsidyPeriodToJson } from './credit-risk.mapper';
import {
  accrueEntitySubsidyBody,
  approveSubsidyPaymentBody,
  confirmUpgradeBody,
  entityRepaymentBody,
  markSubsidyPaidBody,
} from './credit-risk.schema';

/**
 * 贴息 for entity loans and the district's subsidy payments (spec credit §12 R12.3-R12.5), and the bank's
 * confirmation of a higher grade (R16.2, R17.3).
 */
export function creditSubsidyRoutes(credit: CreditPort): Route[] {
  const paymentResult = (res: { payment?: Parameters<typeof subsidyPaymentToJson>[0] }) => ({
    status: 200,
    body: subsidyPaymentToJson(present(res.payment, 'payment')),
  });
  return [
    {
      method: 'post',
      path: '/v1/credit/entities/:id/repayments',
      async handle({ params, body }, { call, idempotencyKey }) {
        const { id } = parseInput(idParams, params);
        const input = parseInput(entityRepaymentBody, body);
        const res = await credit.reportEntityLoanRepayment({ idempotencyKey, entityId: id, ...input }, call);
        return { status: 200, body: entityToJson(present(res.entity, 'entity')) };
      },
    },
    {
      method: 'post',
      path: '/v1/credit/entities/:id/subsidies',
      async handle({ params, body }, { call, idempotencyKey }) {
        const { id } = parseInput(idParams, params);
        const input = parseInput(accrueEntitySubsidyBody, body);
        const res = await credit.accrueEntitySubsidy({ idempotencyKey, entityId: id, ...input }, call);
        return { status: 201, body: subsidyPeriodToJson(present(res.period, 'period')) };
      },
    },
    {
      method: 'get',
      path: '/v1/credit/subsidy-payments/late',
      async handle(_input, { call }) {
        const res = await credit.listLateSubsidyPayments({}, call);
        return { status: 200, body: { payments: res.payments.map(subsidyPaymentToJson) } };
      },
    },
    {
      method: 'get',
      path: '/v1/credit/subsidy-payments/:id',
      async handle({ params }, { call }) {
        const { id } = parseInput(idParams, params);
        return paymentResult(await credit.getSubsidyPayment({ id }, call));
      },
    },
    {
      method: 'post',
      path: '/v1/credit/subsidy-payments/:id/approval',
      async handle({ params, body }, { call, idempotencyKey }) {
        const { id } = parseInput(idParams, params);
        const input = parseInput(approveSubsidyPaymentBody, body);
        return paymentResult(
          await credit.approveSubsidyPayment({ idempotencyKey, subsidyPaymentId: id, ...input }, call),
        );
      },
    },
    {
      method: 'post',
      path: '/v1/credit/subsidy-payments/:id/payment',
      async handle({ params, body }, { call, idempotencyKey }) {
        const { id } = parseInput(idParams, params);
        const input = parseInput(markSubsidyPaidBody, body);
        return paymentResult(
          await credit.markSubsidyPaymentPaid(
            { idempotencyKey, subsidyPaymentId: id, paymentRef: input.paymentRef, paidAt: input.paidAt ?? '' },
            call,
          ),
        );
      },
    },
    {
      method: 'post',
      path: '/v1/credit/credit-lines/:id/upgrade-confirmation',
      async handle({ params, body }, { call, idempotencyKey }) {
        const { id } = parseInput(idParams, params);
        const input = parseInput(confirmUpgradeBody, body);
        const res = await credit.confirmCertificateUpgrade(
          { idempotencyKey, creditLineId: id, limitFen: input.limitFen ?? '0', note: input.note },
          call,
        );
        return { status: 200, body: creditLineToJson(present(res.creditLine, 'creditLine')) };
      },
    },
  ];
}
