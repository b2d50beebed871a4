import { CreditError, rejectInvalid } from './credit-error';
import { divRoundHalfUp } from './interest';

/** Who did a step, for the case's own history (the audit trail records the same with its hash chain). */
export interface StepActor {
  actorId: string;
  role: string;
}

export type LossStepKind =
  'ALLOCATED' | 'BANK_CONFIRMED' | 'INSURER_CONFIRMED' | 'COMPENSATION_PAID' | 'RECOVERED' | 'CLOSED';

export interface LossStep extends StepActor {
  step: LossStepKind;
  at: Date;
  details?: Record<string, string | number>;
}

/** A party's confirmation that it accepts (and pays) its share of the loss. */
export interface ShareConfirmation {
  amountFen: number;
  /** The party's own reference, e.g. the insurer's settlement number. */
  reference: string;
  confirmedBy: string;
  confirmedAt: Date;
}

export interface LossCompensation {
  fundTransactionId?: string;
  amountFen: number;
  fundBalanceAfterFen: number;
  approvedBy: string;
  paidAt: Date;
}

/** Money recovered after the loss was shared, returned to the three parties in the case's proportions. */
export interface LossRecovery {
  id: string;
  reference: string;
  amountFen: number;
  govFen: number;
  bankFen: number;
  insurerFen: number;
  fundTransactionId?: string;
  recordedBy: string;
  recordedAt: Date;
}

export type LossCaseStatus = 'ALLOCATED' | 'PAID' | 'CLOSED';

/**
 * 损失案件 through settlement (spec credit §13.2, R15.4): allocated 30/20/50, confirmed by bank and insurer, the
 * government share paid from the risk fund, later recoveries handed back pro rata, then closed.
 */
export interface SettledLossCase {
  id: string;
  loanId: string;
  creditLineId: string;
  householdId: string;
  lossBaseFen: number;
  govShareFen: number;
  bankShareFen: number;
  insurerShareFen: number;
  ratiosBp: { gov: number; bank: number; insurer: number };
  status: LossCaseStatus;
  triggeredAt: Date;
  bankConfirmation?: ShareConfirmation;
  insurerConfirmation?: ShareConfirmation;
  compensation?: LossCompensation;
  recoveries: LossRecovery[];
  recoveriesFen: number;
  history: LossStep[];
  closeReason?: string;
}

export type ConfirmingParty = 'BANK' | 'INSURER';

const wrongState = (c: SettledLossCase, what: string) =>
  new CreditError('LOSS_CASE_WRONG_STATE', `loss case ${c.id} is ${c.status}: cannot ${what}`);

/**
 * Records the bank's or the insurer's confirmation of its share. The amount must be the allocated share to the
 * fen (LOSS_SHARE_MISMATCH otherwise). A repeat of the same confirmation changes nothing (`changed: false`).
 */
export function confirmShare(
  c: SettledLossCase,
  party: ConfirmingParty,
  input: { amountFen: number; reference: string },
  who: StepActor,
  at: Date,
): { next: SettledLossCase; changed: boolean; confirmation: ShareConfirmation } {
  rejectInvalid(input.reference?.trim() ? [] : [{ field: 'reference', message: 'required' }]);
  const key = party === 'BANK' ? 'bankConfirmation' : 'insurerConfirmation';
  const share = party === 'BANK' ? c.bankShareFen : c.insurerShareFen;
  if (input.amountFen !== share)
    throw new CreditError(
      'LOSS_SHARE_MISMATCH',
      `the ${party.toLowerCase()} share of loss case ${c.id} is ${share} fen, not ${input.amountFen}`,
    );
  const existing = c[key];
  if (existing) {
    // the same confirmation again is a retry; another one for a share already confirmed is refused
    if (existing.reference !== input.reference)
      throw new CreditError(
        'ALREADY_DECIDED',
        `the ${party.toLowerCase()} share of loss case ${c.id} was confirmed under ${existing.reference}`,
      );
    return { next: c, changed: false, confirmation: existing };
  }
  if (c.status !== 'ALLOCATED') throw wrongState(c, `confirm the ${party.toLowerCase()} share`);
  const confirmation = { amountFen: share, reference: input.reference, confirmedBy: who.actorId, confirmedAt: at };
  const step: LossStep = {
    step: party === 'BANK' ? 'BANK_CONFIRMED' : 'INSURER_CONFIRMED',
    ...who,
    at,
    details: { amountFen: share, reference: input.reference },
  };
  return { next: { ...c, [key]: confirmation, history: [...c.history, step] }, changed: true, confirmation };
}

/** R15.4 order: the fund pays only once bank and insurer have both confirmed their shares. */
export function assertPayable(c: SettledLossCase): void {
  if (c.status !== 'ALLOCATED') throw wrongState(c, 'pay the government share');
  const missing = [!c.bankConfirmation && 'bank', !c.insurerConfirmation && 'insurer'].filter(Boolean);
  if (missing.length > 0)
    throw new CreditError(
      'LOSS_CASE_WRONG_STATE',
      `loss case ${c.id} still awaits the ${missing.join(' and ')} confirmation`,
    );
}

export function markCompensated(c: SettledLossCase, compensation: LossCompensation, who: StepActor): SettledLossCase {
  assertPayable(c);
  const step: LossStep = {
    step: 'COMPENSATION_PAID',
    ...who,
    at: compensation.paidAt,
    details: { amountFen: compensation.amountFen, fundBalanceAfterFen: compensation.fundBalanceAfterFen },
  };
  return { ...c, status: 'PAID', compensation, history: [...c.history, step] };
}

/**
 * Splits a recovery back to government, bank and insurer in the case's own proportions (its allocated shares
 * over its loss base), to the fen and the same way every time:
 * - government and insurer are owed round-half-up(totalRecovered × share / lossBase) in total after this
 *   recovery; each gets that minus what it already received, the bank gets the rest of this recovery;
 * - working on running totals keeps rounding from drifting: recovering the whole loss, in one piece or many,
 *   hands back exactly the allocated shares;
 * - should both half-up roundings land on one tiny recovery (a fen or two), the bank's part would be negative;
 *   it is then 0 and the insurer, then the government, gives up the fen, which the running totals repay later.
 */
export function splitRecovery(c: SettledLossCase, amountFen: number): { gov: number; bank: number; insurer: number } {
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0)
    rejectInvalid([{ field: 'amountFen', message: 'must be a positive whole number of fen' }]);
  if (c.status !== 'PAID') throw wrongState(c, 'record a recovery (the government share must be paid first)');
  const total = c.recoveriesFen + amountFen;
  if (total > c.lossBaseFen)
    throw new CreditError(
      'RECOVERY_EXCEEDS_LOSS',
      `loss case ${c.id}: ${total} fen recovered in total would exceed the loss base of ${c.lossBaseFen} fen`,
    );
  const owed = (share: number) => Number(divRoundHalfUp(BigInt(total) * BigInt(share), BigInt(c.lossBaseFen)));
  const received = (pick: (r: LossRecovery) => number) => c.recoveries.reduce((s, r) => s + pick(r), 0);
  let gov = owed(c.govShareFen) - received((r) => r.govFen);
  let insurer = owed(c.insurerShareFen) - received((r) => r.insurerFen);
  let bank = amountFen - gov - insurer;
  if (bank < 0) {
    const fromInsurer = Math.min(-bank, insurer);
    insurer -= fromInsurer;
    gov -= -bank - fromInsurer;
    bank = 0;
  }
  return { gov, bank, insurer };
}

/** Adds a recovery; recovering the whole loss base closes the case. */
export function addRecovery(c: SettledLossCase, r: LossRecovery, who: StepActor): SettledLossCase {
  const recoveriesFen = c.recoveriesFen + r.amountFen;
  const steps: LossStep[] = [
    { step: 'RECOVERED', ...who, at: r.recordedAt, details: { amountFen: r.amountFen, reference: r.reference } },
  ];
  const full = recoveriesFen === c.lossBaseFen;
  if (full) steps.push({ step: 'CLOSED', ...who, at: r.recordedAt, details: { reason: 'FULLY_RECOVERED' } });
  return {
    ...c,
    recoveries: [...c.recoveries, r],
    recoveriesFen,
    history: [...c.history, ...steps],
    ...(full ? { status: 'CLOSED' as const, closeReason: 'FULLY_RECOVERED' } : {}),
  };
}

/** Ends recovery work on a paid case (e.g. collection exhausted); the reason is kept. */
export function closeCase(c: SettledLossCase, reason: string, who: StepActor, at: Date): SettledLossCase {
  rejectInvalid(reason?.trim() ? [] : [{ field: 'reason', message: 'required' }]);
  if (c.status !== 'PAID') throw wrongState(c, 'close it');
  return {
    ...c,
    status: 'CLOSED',
    closeReason: reason,
    history: [...c.history, { step: 'CLOSED', ...who, at, details: { reason } }],
  };
}
