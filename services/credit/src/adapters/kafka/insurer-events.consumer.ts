import { creditEventsV1 as ev, creditEventTypes as t } from '@gov/contracts';
import type { EventHandler } from '@gov/platform';
import type { createInsurerEventHandlers } from '../../app/insurer-events';
import { decode, fenOf, instantOf, keepingErrorCodes, required } from './inbound';

/**
 * gov.credit.insurer-events.v1 handlers (spec credit §19.3). A topic of its own: only the insurer may write to it,
 * so an insurer report can never arrive on the bank's topic or the other way round (each consumer knows only
 * its own producer's types). Refusals are parked under their code (LOSS_SHARE_MISMATCH,
 * PAYOUT_MUST_BE_TO_HOUSEHOLD_CARD, …).
 */
export function insurerEventHandlers(h: ReturnType<typeof createInsurerEventHandlers>): Record<string, EventHandler> {
  return keepingErrorCodes({
    [t.insurerLossSharePaid]: async (e) => {
      const m = decode('InsurerLossSharePaid', (b) => ev.InsurerLossSharePaid.decode(b), e);
      required('InsurerLossSharePaid', { loss_case_id: m.lossCaseId, insurer_id: m.insurerId, reference: m.reference });
      await h.lossSharePaid({
        lossCaseId: m.lossCaseId,
        insurerId: m.insurerId,
        amountFen: fenOf('amount_fen', m.amountFen),
        reference: m.reference,
      });
    },
    [t.insurerClaimPaid]: async (e) => {
      const m = decode('InsurerClaimPaid', (b) => ev.InsurerClaimPaid.decode(b), e);
      // payee type and card are the use case's rule (R14.3): parked as PAYOUT_MUST_BE_TO_HOUSEHOLD_CARD
      required('InsurerClaimPaid', { insurer_id: m.insurerId, claim_no: m.claimNo, household_id: m.householdId });
      await h.claimPaid({
        insurerId: m.insurerId,
        claimNo: m.claimNo,
        policyNo: m.policyNo,
        householdId: m.householdId,
        amountFen: fenOf('amount_fen', m.amountFen),
        payeeType: m.payeeType,
        bankCardNo: m.bankCardNo,
        paidAt: instantOf('paid_at', m.paidAt),
      });
    },
  });
}
