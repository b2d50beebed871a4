import { creditV1 } from '@gov/contracts';
import { toProtoTownship, toTownship, toTownshipType } from './geography.mapper';

describe('geography gRPC mapper', () => {
  it('refuses an UNSPECIFIED township type instead of guessing one (spec credit §3.1)', () => {
    expect(() => toTownshipType(creditV1.TownshipType.TOWNSHIP_TYPE_UNSPECIFIED)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', violations: [expect.objectContaining({ field: 'type' })] }),
    );
  });
  it('round-trips a township by name', () => {
    const req = creditV1.RegisterTownshipRequest.fromPartial({
      id: 'tw-1',
      districtId: '411202',
      name: '湖滨街道',
      type: creditV1.TownshipType.TOWNSHIP_TYPE_AGRI_STREET,
    });
    const township = toTownship(req);
    expect(township.type).toBe('AGRI_STREET');
    expect(toProtoTownship(township)).toEqual({
      id: 'tw-1',
      districtId: '411202',
      name: '湖滨街道',
      type: creditV1.TownshipType.TOWNSHIP_TYPE_AGRI_STREET,
    });
  });
});
