import { creditV1 } from '@gov/contracts';
import type { Entity } from '../../domain/entity';
import { toChannel } from './procedure.mapper';
import { dateIn, positiveInt, requireFields, toBreakerUnit, toEntityKind, toProtoEntity } from './risk.mapper';

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
});
