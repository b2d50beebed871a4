import type { Actor } from '@gov/platform/auth';
import { CreditError } from '../domain/credit-error';
import { checkClaimPayout, maskBankCardNo, type ClaimPayout, type ClaimPayoutInput } from '../domain/insurance';
import { roleFor } from '../domain/permissions';
import { derivedId } from './households';
import type { Clock, Households } from './ports';
import type { ClaimPayouts } from './risk-ports';

/**
 * 赔款到户 (spec credit R14.3): the insurer records each claim payout it made to a household's bank card. One
 * record per (insurer, claim number), so a redelivered payout notice is recorded once.
 */
export function createInsuranceClaims(deps: {
  claims: ClaimPayouts;
  households: Pick<Households, 'get'>;
  clock: Clock;
}) {
  async function recordClaimPayout(cmd: ClaimPayoutInput, actor: Actor): Promise<ClaimPayout> {
    const role = roleFor(actor, 'recordClaimPayout');
    const cardNo = checkClaimPayout(cmd);
    if (!(await deps.households.get(cmd.householdId)))
      throw new CreditError('HOUSEHOLD_NOT_FOUND', `household ${cmd.householdId} does not exist`);
    const at = deps.clock.now();
    const payout: ClaimPayout = {
      id: derivedId('cp', cmd.insurerId, cmd.claimNo),
      insurerId: cmd.insurerId,
      claimNo: cmd.claimNo,
      policyNo: cmd.policyNo,
      householdId: cmd.householdId,
      amountFen: cmd.amountFen,
      payeeType: 'HOUSEHOLD',
      bankCardNoMasked: maskBankCardNo(cardNo),
      paidAt: cmd.paidAt,
      recordedBy: actor.userId,
      recordedAt: at,
    };
    const created = await deps.claims.record(payout, cardNo, [{ type: 'ClaimPaid', payout }], {
      action: 'claim.paid',
      actor,
      role,
      at,
      details: {
        claimNo: cmd.claimNo,
        householdId: cmd.householdId,
        amountFen: cmd.amountFen,
        bankCardNoMasked: payout.bankCardNoMasked,
      },
    });
    if (created) return payout;
    const earlier = (await deps.claims.get(payout.id))!.value;
    const same =
      earlier.householdId === payout.householdId &&
      earlier.amountFen === payout.amountFen &&
      // the whole card, not only its last four digits: another card with the same ending is another payout
      (await deps.claims.revealBankCardNo(payout.id)) === cardNo;
    if (!same)
      throw new CreditError(
        'IDEMPOTENCY_KEY_REUSED',
        `claim ${cmd.claimNo} of ${cmd.insurerId} was recorded with different values`,
      );
    return earlier;
  }

  return { recordClaimPayout };
}
