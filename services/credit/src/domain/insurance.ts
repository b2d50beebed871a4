import { CreditError, rejectInvalid } from './credit-error';

/** 理赔款发放 — an insurer's claim payout, paid to the household through its bank card (赔款到户, R14.3). */
export interface ClaimPayout {
  id: string;
  insurerId: string;
  claimNo: string;
  policyNo: string;
  householdId: string;
  amountFen: number;
  payeeType: 'HOUSEHOLD';
  /** The card number is kept encrypted by the repository; the aggregate, events and reads carry this form. */
  bankCardNoMasked: string;
  paidAt: Date;
  recordedBy: string;
  recordedAt: Date;
}

export interface ClaimPayoutInput {
  insurerId: string;
  claimNo: string;
  policyNo: string;
  householdId: string;
  amountFen: number;
  payeeType: string;
  bankCardNo?: string;
  paidAt: Date;
}

/** Card numbers are written with spaces or dashes in groups of four; the digits are what count. */
export const normaliseCardNo = (no: string): string => no.replace(/[\s-]/g, '');

/** Last four digits only; the rest as asterisks (a masked card still tells the household which card). */
export const maskBankCardNo = (no: string): string => {
  const digits = normaliseCardNo(no);
  return '*'.repeat(Math.max(digits.length - 4, 0)) + digits.slice(-4);
};

/** Debit card numbers in China are 16 to 19 digits; shorter legacy passbook-linked cards go down to 12. */
const CARD = /^\d{12,19}$/;

/**
 * R14.3: a payout record must name the household as payee and carry a bank card number, otherwise it is
 * refused as a whole with PAYOUT_MUST_BE_TO_HOUSEHOLD_CARD; the other fields are then checked together.
 * Returns the normalised card number.
 */
export function checkClaimPayout(i: ClaimPayoutInput): string {
  if (i.payeeType !== 'HOUSEHOLD')
    throw new CreditError('PAYOUT_MUST_BE_TO_HOUSEHOLD_CARD', `claim payouts go to the household, not ${i.payeeType}`);
  const card = normaliseCardNo(i.bankCardNo ?? '');
  if (!CARD.test(card))
    throw new CreditError(
      'PAYOUT_MUST_BE_TO_HOUSEHOLD_CARD',
      card ? 'the bank card number must be 12 to 19 digits' : 'a claim payout needs the household bank card number',
      [{ field: 'bankCardNo', message: card ? 'not a bank card number' : 'required' }],
    );
  const v: { field: string; message: string }[] = [];
  for (const f of ['insurerId', 'claimNo', 'policyNo', 'householdId'] as const)
    if (!i[f]?.trim()) v.push({ field: f, message: 'required' });
  if (!Number.isSafeInteger(i.amountFen) || i.amountFen <= 0)
    v.push({ field: 'amountFen', message: 'must be a positive whole number of fen' });
  if (!(i.paidAt instanceof Date) || Number.isNaN(i.paidAt.getTime()))
    v.push({ field: 'paidAt', message: 'must be a valid instant' });
  rejectInvalid(v);
  return card;
}
