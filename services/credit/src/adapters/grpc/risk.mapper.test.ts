import { creditV1 } from '@gov/contracts';
import type { Entity } from '../../domain/entity';
import type { ClaimPayout } from '../../domain/insurance';
import type { SettledLossCase } from '../../domain/loss-case';
import { toChannel } from './procedure.mapper';
import {
  dateIn,
  positiveInt,
  requireFields,
  signedFenIn,
  toBreakerUnit,
  toEntityKind,
  toFundTransactionType,
  toLossParty,
  toProtoClaimPayout,
  toProtoEntity,
  toProtoSettledLossCase,
  withSettlementFields,
} from './risk.mapper';

const violations = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as { violations: { field: string }[] }).violations.map((v) => v.field);
  }
  return [];
};

describe('credit gRPC mappers for the procedure and risk calls', () => {
  it('rejects UNSPECIFIED channel, entity kind and breaker unit instead of guessing', () => {
    expect(violations(() => toChannel(creditV1.ApplicationChannel.APPLICATION_CHANNEL_UNSPECIFIED))).toEqual([
      'channel',
    ]);
    expect(violations(() => toEntityKind(creditV1.EntityKind.ENTITY_KIND_UNSPECIFIED))).toEqual(['kind']);
    expect(violations(() => toBreakerUnit(creditV1.BreakerUnit.BREAKER_UNIT_UNSPECIFIED))).toEqual(['unit_type']);
    expect(toChannel(creditV1.ApplicationChannel.APPLICATION_CHANNEL_BANK_BRANCH)).toBe('BANK_BRANCH');
    expect(toEntityKind(creditV1.EntityKind.ENTITY_KIND_COOPERATIVE)).toBe('COOPERATIVE');
    expect(toBreakerUnit(creditV1.BreakerUnit.BREAKER_UNIT_TOWNSHIP)).toBe('TOWNSHIP');
  });
  it('lists every missing field at once and takes only calendar dates and positive whole numbers', () => {
    expect(violations(() => requireFields({ entity_id: '', receipt_no: ' ', ok: 'x' }))).toEqual([
      'entity_id',
      'receipt_no',
    ]);
    expect(dateIn('d', '2026-11-10')).toBe('2026-11-10');
    expect(violations(() => dateIn('d', '2026-11-10T00:00:00Z'))).toEqual(['d']);
    expect(violations(() => dateIn('d', '2026-13-40'))).toEqual(['d']);
    expect(violations(() => positiveInt('n', 0))).toEqual(['n']);
    expect(positiveInt('n', 36)).toBe(36);
  });
  it('shows the contributions asked for but not the receipts kept beside them, money as fen strings (R13.6)', () => {
    const e: Entity = {
      id: 'en-1',
      name: '合作社',
      kind: 'COOPERATIVE',
      registrationNo: 'R1',
      townshipId: 't',
      inGovBankInsurerAgreement: true,
      mutualFundPaidFen: 8_000_000,
      contributionRequests: [
        { bankLoanNo: 'L1', requiredFen: 8_000_000 },
        { bankLoanNo: 'contribution:RC-1', requiredFen: -8_000_000 },
      ],
      loans: [],
    };
    expect(toProtoEntity(e)).toMatchObject({
      kind: creditV1.EntityKind.ENTITY_KIND_COOPERATIVE,
      mutualFundPaidFen: '8000000',
      contributionsRequired: [{ bankLoanNo: 'L1', requiredFen: '8000000' }],
    });
  });
  it('rejects UNSPECIFIED fund entry kind and loss party; adjustments may be negative fen, never fractions (R13.7)', () => {
    expect(
      violations(() => toFundTransactionType(creditV1.FundTransactionType.FUND_TRANSACTION_TYPE_UNSPECIFIED)),
    ).toEqual(['type']);
    expect(toFundTransactionType(creditV1.FundTransactionType.FUND_TRANSACTION_TYPE_INTEREST_IN)).toBe('INTEREST_IN');
    expect(violations(() => toLossParty(creditV1.LossParty.LOSS_PARTY_UNSPECIFIED))).toEqual(['party']);
    expect(toLossParty(creditV1.LossParty.LOSS_PARTY_INSURER)).toBe('INSURER');
    expect(signedFenIn('amount_fen', '-500')).toBe(-500);
    expect(violations(() => signedFenIn('amount_fen', '1.5'))).toEqual(['amount_fen']);
    expect(violations(() => signedFenIn('amount_fen', '9007199254740993'))).toEqual(['amount_fen']);
  });
  it('shows a settled loss case with its confirmations, payout and recoveries to the fen, instants as RFC 3339 (R15.4)', () => {
    const at = new Date('2027-01-12T02:00:00.000Z');
    const c: SettledLossCase = {
      id: 'lc-1',
      loanId: 'ln-1',
      creditLineId: 'cl-1',
      householdId: 'hh-1',
      lossBaseFen: 5_000_001,
      govShareFen: 1_500_000,
      bankShareFen: 1_000_000,
      insurerShareFen: 2_500_001,
      ratiosBp: { gov: 3000, bank: 2000, insurer: 5000 },
      status: 'PAID',
      triggeredAt: at,
      bankConfirmation: { amountFen: 1_000_000, reference: 'RCB-1', confirmedBy: 'bank', confirmedAt: at },
      compensation: { amountFen: 1_500_000, fundBalanceAfterFen: 8_500_000, approvedBy: 'center', paidAt: at },
      recoveries: [
        {
          id: 'lr-1',
          reference: 'RCPT-1',
          amountFen: 100_001,
          govFen: 30_000,
          bankFen: 20_000,
          insurerFen: 50_001,
          recordedBy: 'bank',
          recordedAt: at,
        },
      ],
      recoveriesFen: 100_001,
      history: [{ step: 'ALLOCATED', actorId: 'center', role: 'CENTER_STAFF', at }],
    };
    expect(toProtoSettledLossCase(c)).toMatchObject({
      status: 'PAID',
      insurerShareFen: '2500001',
      bankConfirmation: { amountFen: '1000000', reference: 'RCB-1', confirmedAt: '2027-01-12T02:00:00.000Z' },
      insurerConfirmation: undefined,
      compensation: { fundTransactionId: '', amountFen: '1500000', fundBalanceAfterFen: '8500000' },
      recoveries: [{ govFen: '30000', bankFen: '20000', insurerFen: '50001', fundTransactionId: '' }],
      recoveriesFen: '100001',
      closeReason: '',
      history: [{ step: 'ALLOCATED', actorId: 'center', at: '2027-01-12T02:00:00.000Z' }],
    });
  });
  it('returns a claim payout with the card masked and nothing else of the card (R14.3)', () => {
    const at = new Date('2027-02-01T00:00:00.000Z');
    const stored = {
      id: 'cp-1',
      insurerId: 'picc',
      claimNo: 'C1',
      policyNo: 'P1',
      householdId: 'hh-1',
      amountFen: 320_000,
      payeeType: 'HOUSEHOLD',
      bankCardNoMasked: '***************8901',
      paidAt: at,
      recordedBy: 'insurer',
      recordedAt: at,
      // whatever a store might carry beside the payout stays out of the answer
      bankCardNo: '6228480012345678901',
    } as ClaimPayout;
    const out = toProtoClaimPayout(stored);
    expect(out).toMatchObject({
      amountFen: '320000',
      bankCardNoMasked: '***************8901',
      paidAt: at.toISOString(),
    });
    expect(JSON.stringify(out)).not.toContain('62284800');
  });
  it('still encodes an AllocateLoss answer stored under a key before the settlement fields existed', () => {
    const stored = JSON.parse(
      '{"id":"lc-1","loanId":"ln-1","creditLineId":"cl-1","householdId":"hh-1","lossBaseFen":"100","govShareFen":"30",' +
        '"bankShareFen":"20","insurerShareFen":"50","govRatioBp":3000,"bankRatioBp":2000,"insurerRatioBp":5000,' +
        '"status":"ALLOCATED","triggeredAt":"2027-01-12T00:00:00.000Z"}',
    ) as creditV1.LossCase;
    expect(() => creditV1.LossCase.encode(stored)).toThrow();
    const bytes = creditV1.LossCase.encode(withSettlementFields(stored)).finish();
    expect(creditV1.LossCase.decode(bytes)).toMatchObject({ lossBaseFen: '100', recoveries: [], recoveriesFen: '0' });
  });
});
