import { checkClaimPayout, maskBankCardNo, type ClaimPayoutInput } from './insurance';

const payout = (o: Partial<ClaimPayoutInput> = {}): ClaimPayoutInput => ({
  insurerId: 'picc-huibin',
  claimNo: 'CLM-2026-0001',
  policyNo: 'POL-LIVESTOCK-7',
  householdId: 'hh-1',
  amountFen: 320_000,
  payeeType: 'HOUSEHOLD',
  bankCardNo: '6228 4800 1234 5678 901',
  paidAt: new Date('2026-04-01T03:00:00Z'),
  ...o,
});

describe(checkClaimPayout.name, () => {
  it('§22-26: a payout without the household bank card is PAYOUT_MUST_BE_TO_HOUSEHOLD_CARD (spec credit §14 R14.3)', () => {
    for (const bankCardNo of [undefined, '', '   ', '6228-48AB', '12345'])
      expect(() => checkClaimPayout(payout({ bankCardNo }))).toThrow(
        expect.objectContaining({ code: 'PAYOUT_MUST_BE_TO_HOUSEHOLD_CARD' }),
      );
  });

  it('refuses a payout to anyone but the household (spec credit §14 R14.3)', () => {
    for (const payeeType of ['COOPERATIVE', 'VILLAGE_COMMITTEE', 'household', ''])
      expect(() => checkClaimPayout(payout({ payeeType }))).toThrow(
        expect.objectContaining({ code: 'PAYOUT_MUST_BE_TO_HOUSEHOLD_CARD' }),
      );
  });

  it('accepts a household card written in groups and returns its digits (spec credit §14 R14.3)', () => {
    expect(checkClaimPayout(payout())).toBe('6228480012345678901');
  });

  it('lists every other bad field at once', () => {
    expect(() => checkClaimPayout(payout({ claimNo: '', amountFen: 0 }))).toThrow(
      expect.objectContaining({
        code: 'CREDIT_INPUT_INVALID',
        violations: [
          { field: 'claimNo', message: 'required' },
          { field: 'amountFen', message: 'must be a positive whole number of fen' },
        ],
      }),
    );
  });
});

describe(maskBankCardNo.name, () => {
  it('keeps only the last four digits (spec credit §14 R14.3, §19.1)', () => {
    expect(maskBankCardNo('6228 4800 1234 5678 901')).toBe('***************8901');
    expect(maskBankCardNo('6228480012345678901')).not.toContain('622848');
  });
});
