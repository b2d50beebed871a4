import { anAuditRecord } from '../../test/factories';
import { auditRecordToJson, present } from './common.mapper';
import { auditRecordJson } from './common.schema';

describe('common mapper', () => {
  it('renders an audit record with a numeric seq and the clearance by name', () => {
    const json = auditRecordToJson(anAuditRecord({ seq: '12' }));
    expect(json).toEqual({
      seq: 12,
      action: 'REGISTERED',
      actor: {
        userId: 'u-clerk',
        name: '王文书',
        orgUnitId: 'gov-office/secretariat',
        roles: ['CLERK'],
        clearance: 'SECRET',
      },
      reason: '',
      at: '2026-01-05T02:00:00.000Z',
      hash: 'ab'.repeat(32),
    });
    expect(auditRecordJson.parse(json)).toEqual(json);
  });

  it('renders an audit record without an actor as actor null', () => {
    expect(auditRecordToJson(anAuditRecord({ actor: undefined })).actor).toBeNull();
  });

  it('treats a missing promised field as a service defect', () => {
    expect(() => present(undefined, 'document')).toThrow('service response lacks document');
    expect(present(0, 'zero')).toBe(0);
  });
});
