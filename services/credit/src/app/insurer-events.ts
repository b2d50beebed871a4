import type { Actor } from '@gov/platform/auth';
import type { ClaimPayoutInput } from '../domain/insurance';
import type { createInsuranceClaims } from './insurance-claims';
import type { createSettleLossCase } from './settle-loss-case';

/**
 * The partner insurer as the author of what it reports on its own topic (gov.credit.insurer-events.v1, writable
 * by the insurer only), as hostBankOfficer is for the bank.
 */
export const partnerInsurer = (insurerId: string): Actor => ({
  userId: `insurer:${insurerId}`,
  name: insurerId,
  orgUnitId: insurerId,
  roles: ['INSURER_OFFICER'],
  clearance: 'INTERNAL',
});

/**
 * Inbound insurer reports (spec credit §19.3): the loss share paid → the insurer's confirmation of its share of
 * the case (R13.2, R15.4); a claim paid → the payout to the household's card (R14.3). Both are one record per
 * (case, party) and (insurer, claim number), so a redelivery changes nothing; a second report that differs is
 * refused with ALREADY_DECIDED or IDEMPOTENCY_KEY_REUSED.
 */
export function createInsurerEventHandlers(deps: {
  settleLossCase: ReturnType<typeof createSettleLossCase>;
  insuranceClaims: ReturnType<typeof createInsuranceClaims>;
}) {
  return {
    lossSharePaid: (e: { lossCaseId: string; insurerId: string; amountFen: number; reference: string }) =>
      deps.settleLossCase.confirmShare(
        { lossCaseId: e.lossCaseId, party: 'INSURER', amountFen: e.amountFen, reference: e.reference },
        partnerInsurer(e.insurerId),
      ),
    claimPaid: (e: ClaimPayoutInput) => deps.insuranceClaims.recordClaimPayout(e, partnerInsurer(e.insurerId)),
  };
}
