import { dutyRecordOf } from './supervision-verdict';

describe(dutyRecordOf.name, () => {
  it('finds the call behind a PUBLIC_CALL or PETITION item and the instruction behind an EMERGENCY_FOLLOWUP one (spec duty §16.2)', () => {
    expect(dutyRecordOf({ sourceSystem: 'duty', sourceType: 'PUBLIC_CALL', sourceId: 'call-1' })).toEqual({
      kind: 'CALL',
      callId: 'call-1',
    });
    expect(dutyRecordOf({ sourceSystem: 'duty', sourceType: 'PETITION', sourceId: 'call-2' })).toEqual({
      kind: 'CALL',
      callId: 'call-2',
    });
    expect(dutyRecordOf({ sourceSystem: 'duty', sourceType: 'EMERGENCY_FOLLOWUP', sourceId: 'ins-1' })).toEqual({
      kind: 'INSTRUCTION',
      instructionId: 'ins-1',
    });
  });

  it('ignores items from other systems, of other types or without a source id (spec duty §16.2)', () => {
    expect(dutyRecordOf({ sourceSystem: 'document', sourceType: 'PUBLIC_CALL', sourceId: 'call-1' })).toBeNull();
    expect(dutyRecordOf({ sourceSystem: 'duty', sourceType: 'DOCUMENT', sourceId: 'doc-1' })).toBeNull();
    expect(dutyRecordOf({ sourceSystem: 'duty', sourceType: 'PUBLIC_CALL', sourceId: '' })).toBeNull();
  });
});
