import { reclassify } from './reclassify';
import { defaultReportingPolicy } from './reporting-policy';
import { firstObligations } from './statutory-clocks';
import { sh } from './duty.fixtures';

describe('reclassify', () => {
  it('upgrading IV to I at 10:12 creates the prefecture phone report due 10:10 already BREACHED and the province one due 10:20 PENDING (spec duty §19 scenario 19, RC-1)', () => {
    const occurredAt = sh('2024-10-03 10:00');
    const obligations = firstObligations(
      { severity: 'IV', possiblyMajor: false, occurredAt, receivedAt: sh('2024-10-03 10:05') },
      defaultReportingPolicy,
    );
    const after = reclassify(
      { occurredAt, obligations },
      { severity: 'I', possiblyMajor: false },
      sh('2024-10-03 10:12'),
      defaultReportingPolicy,
    );
    const phone = (t: string) => after.find((o) => o.targetId === t && o.mode === 'PHONE');
    expect(phone('first-superior')).toMatchObject({ dueAt: sh('2024-10-03 10:10'), status: 'BREACHED' });
    expect(phone('province')).toMatchObject({ dueAt: sh('2024-10-03 10:20'), status: 'PENDING' });
  });

  it('waives pending obligations the lower class no longer has and keeps fulfilled ones (spec duty §9.10 RC-1)', () => {
    const occurredAt = sh('2024-10-03 10:00');
    const obligations = firstObligations(
      { severity: 'II', possiblyMajor: false, occurredAt, receivedAt: sh('2024-10-03 10:01') },
      defaultReportingPolicy,
    ).map((o) => (o.id === 'first-superior:PHONE:FIRST' ? { ...o, status: 'FULFILLED_ON_TIME' as const } : o));
    const after = reclassify(
      { occurredAt, obligations },
      { severity: 'IV', possiblyMajor: false },
      sh('2024-10-03 10:05'),
      defaultReportingPolicy,
    );
    expect(after.find((o) => o.id === 'first-superior:PHONE:FIRST')?.status).toBe('FULFILLED_ON_TIME');
    expect(after.filter((o) => o.targetId === 'province').map((o) => o.status)).toEqual(['WAIVED', 'WAIVED']);
    expect(after.find((o) => o.id === 'first-superior:WRITTEN:FIRST')).toMatchObject({
      dueAt: sh('2024-10-03 12:00'),
      status: 'PENDING',
    });
  });
});
