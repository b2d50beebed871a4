import type { Actor } from '@gov/platform/auth';
import {
  addRecovery,
  assertPayable,
  closeCase,
  confirmShare as confirm,
  markCompensated,
  splitRecovery,
  type ConfirmingParty,
  type LossRecovery,
  type SettledLossCase,
} from '../domain/loss-case';
import { CreditError, rejectInvalid } from '../domain/credit-error';
import { roleFor } from '../domain/permissions';
import { derivedId } from './households';
import type { Clock } from './ports';
import type { RiskFund } from './risk-fund';
import type { LossCaseSettlements } from './risk-ports';

/**
 * Settlement of a loss case after AllocateLoss (spec credit R15.4, §13.2): bank and insurer confirm their shares,
 * the center pays the government share out of the risk fund, recoveries go back to the three parties, the case
 * closes. Each step is one conditional write of the case with its event and audit entry; fund entries are
 * posted first under ids derived from the case, so a retry after a failure in between completes the step.
 */
export function createSettleLossCase(deps: { lossCases: LossCaseSettlements; fund: RiskFund; clock: Clock }) {
  async function load(lossCaseId: string) {
    const s = await deps.lossCases.get(lossCaseId);
    if (!s) throw new CreditError('LOSS_CASE_NOT_FOUND', `no loss case ${lossCaseId}`);
    return s;
  }

  async function confirmShare(
    cmd: { lossCaseId: string; party: ConfirmingParty; amountFen: number; reference: string },
    actor: Actor,
  ): Promise<SettledLossCase> {
    const role = roleFor(actor, cmd.party === 'BANK' ? 'confirmBankShare' : 'confirmInsurerShare');
    const s = await load(cmd.lossCaseId);
    const at = deps.clock.now();
    const { next, changed, confirmation } = confirm(s.value, cmd.party, cmd, { actorId: actor.userId, role }, at);
    if (!changed) return next;
    await deps.lossCases.update(
      next,
      s.version,
      [{ type: 'LossConfirmed', lossCase: next, party: cmd.party, confirmation }],
      {
        action: `loss.${cmd.party.toLowerCase()}-confirmed`,
        actor,
        role,
        at,
        details: { amountFen: confirmation.amountFen, reference: confirmation.reference },
      },
      s,
    );
    return next;
  }

  /** Pays the government share from the fund (COMPENSATION_OUT); refused while the fund cannot cover it. */
  async function payCompensation(cmd: { lossCaseId: string }, actor: Actor): Promise<SettledLossCase> {
    const role = roleFor(actor, 'settleLossCase');
    const s = await load(cmd.lossCaseId);
    if (s.value.compensation) return s.value;
    assertPayable(s.value);
    const c = s.value;
    const tx =
      c.govShareFen > 0
        ? await deps.fund.post(
            {
              id: derivedId('rft', 'compensation', c.id),
              type: 'COMPENSATION_OUT',
              amountFen: c.govShareFen,
              loanId: c.loanId,
              lossCaseId: c.id,
              approvedBy: actor.userId,
            },
            actor,
            role,
          )
        : undefined;
    const next = markCompensated(
      c,
      {
        fundTransactionId: tx?.id,
        amountFen: c.govShareFen,
        fundBalanceAfterFen: tx?.balanceAfterFen ?? (await deps.fund.balanceFen()),
        approvedBy: actor.userId,
        paidAt: tx?.recordedAt ?? deps.clock.now(),
      },
      { actorId: actor.userId, role },
    );
    await deps.lossCases.update(
      next,
      s.version,
      [{ type: 'FundCompensationPaid', lossCase: next }],
      {
        action: 'loss.compensation-paid',
        actor,
        role,
        at: next.compensation!.paidAt,
        details: {
          amountFen: c.govShareFen,
          fundTransactionId: tx?.id ?? '',
          balanceAfterFen: next.compensation!.fundBalanceAfterFen,
        },
      },
      s,
    );
    return next;
  }

  /**
   * Money recovered after payout, split back 30/20/50 (the case's own proportions, splitRecovery). The
   * government part returns to the fund as RECOVERY_IN; bank and insurer parts are stated in the event for them
   * to settle. `reference` (the bank's receipt number) makes the command idempotent.
   */
  async function recordRecovery(
    cmd: { lossCaseId: string; reference: string; amountFen: number },
    actor: Actor,
  ): Promise<{ lossCase: SettledLossCase; recovery: LossRecovery }> {
    const role = roleFor(actor, 'recordLossRecovery');
    rejectInvalid(cmd.reference?.trim() ? [] : [{ field: 'reference', message: 'required' }]);
    const s = await load(cmd.lossCaseId);
    const id = derivedId('lr', s.value.id, cmd.reference);
    const done = s.value.recoveries.find((r) => r.id === id);
    if (done) {
      if (done.amountFen !== cmd.amountFen)
        throw new CreditError(
          'IDEMPOTENCY_KEY_REUSED',
          `recovery ${cmd.reference} was recorded with ${done.amountFen} fen`,
        );
      return { lossCase: s.value, recovery: done };
    }
    const split = splitRecovery(s.value, cmd.amountFen);
    // the fund entry first: if the case write below fails, a retry computes the same split and finds this entry
    const tx =
      split.gov > 0
        ? await deps.fund.post(
            {
              id: derivedId('rft', 'recovery', id),
              type: 'RECOVERY_IN',
              amountFen: split.gov,
              loanId: s.value.loanId,
              lossCaseId: s.value.id,
              approvedBy: actor.userId,
            },
            actor,
            role,
          )
        : undefined;
    const recovery: LossRecovery = {
      id,
      reference: cmd.reference,
      amountFen: cmd.amountFen,
      govFen: split.gov,
      bankFen: split.bank,
      insurerFen: split.insurer,
      fundTransactionId: tx?.id,
      recordedBy: actor.userId,
      recordedAt: tx?.recordedAt ?? deps.clock.now(),
    };
    const next = addRecovery(s.value, recovery, { actorId: actor.userId, role });
    await deps.lossCases.update(
      next,
      s.version,
      [
        { type: 'LossRecovered', lossCase: next, recovery },
        ...(next.status === 'CLOSED'
          ? [{ type: 'LossCaseClosed' as const, lossCase: next, at: recovery.recordedAt }]
          : []),
      ],
      {
        action: 'loss.recovered',
        actor,
        role,
        at: recovery.recordedAt,
        details: { reference: cmd.reference, amountFen: cmd.amountFen, ...split, recoveriesFen: next.recoveriesFen },
      },
      s,
    );
    return { lossCase: next, recovery };
  }

  /** Ends recovery work on a paid case; closing an already closed case changes nothing. */
  async function close(cmd: { lossCaseId: string; reason: string }, actor: Actor): Promise<SettledLossCase> {
    const role = roleFor(actor, 'settleLossCase');
    const s = await load(cmd.lossCaseId);
    if (s.value.status === 'CLOSED') return s.value;
    const at = deps.clock.now();
    const next = closeCase(s.value, cmd.reason, { actorId: actor.userId, role }, at);
    await deps.lossCases.update(
      next,
      s.version,
      [{ type: 'LossCaseClosed', lossCase: next, at }],
      {
        action: 'loss.closed',
        actor,
        role,
        reason: cmd.reason,
        at,
        details: { recoveriesFen: next.recoveriesFen },
      },
      s,
    );
    return next;
  }

  return { confirmShare, payCompensation, recordRecovery, close };
}
