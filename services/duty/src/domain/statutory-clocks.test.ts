import { defaultReportingPolicy } from './reporting-policy';
import { firstObligations, sourceDelayMinutes } from './statutory-clocks';
import { sh } from './duty.fixtures';

const due = (o: ReturnType<typeof firstObligations>) =>
  o.map((x) => `${x.targetId}:${x.mode}:${x.dueAt.toISOString()}:${x.status}`);

describe('firstObligations', () => {
  it('gives a II event 10/20 min phone and 30/40 min written deadlines from occurrence (spec duty §19 scenario 11, §9.3)', () => {
    const o = firstObligations(
      { severity: 'II', possiblyMajor: false, occurredAt: sh('2024-10-03 14:00'), receivedAt: sh('2024-10-03 14:03') },
      defaultReportingPolicy,
    );
    expect(due(o)).toEqual([
      `first-superior:PHONE:${sh('2024-10-03 14:10').toISOString()}:PENDING`,
      `province:PHONE:${sh('2024-10-03 14:20').toISOString()}:PENDING`,
      `first-superior:WRITTEN:${sh('2024-10-03 14:30').toISOString()}:PENDING`,
      `province:WRITTEN:${sh('2024-10-03 14:40').toISOString()}:PENDING`,
    ]);
  });

  it('gives other major urgent information 60/120 minutes (spec duty §19 scenario 17, 004 L123)', () => {
    const o = firstObligations(
      { severity: 'IV', possiblyMajor: false, occurredAt: sh('2024-10-03 09:00'), receivedAt: sh('2024-10-03 09:50') },
      defaultReportingPolicy,
    );
    expect(due(o)).toEqual([
      `first-superior:PHONE:${sh('2024-10-03 10:00').toISOString()}:PENDING`,
      `first-superior:WRITTEN:${sh('2024-10-03 11:00').toISOString()}:PENDING`,
    ]);
  });

  it('treats UNKNOWN flagged possibly major as I/II until classified (spec duty §9.3 last row)', () => {
    const o = firstObligations(
      {
        severity: 'UNKNOWN',
        possiblyMajor: true,
        occurredAt: sh('2024-10-03 09:00'),
        receivedAt: sh('2024-10-03 09:01'),
      },
      defaultReportingPolicy,
    );
    expect(o[0]?.dueAt).toEqual(sh('2024-10-03 09:10'));
    expect(o).toHaveLength(4);
  });

  it('starts every obligation already past due as BREACHED_ON_RECEIPT (spec duty §19 scenario 18, CK-4)', () => {
    const c = {
      severity: 'II' as const,
      possiblyMajor: false,
      occurredAt: sh('2024-10-03 08:00'),
      receivedAt: sh('2024-10-03 08:45'),
    };
    const o = firstObligations(c, defaultReportingPolicy);
    expect(o.map((x) => x.status)).toEqual(Array(4).fill('BREACHED_ON_RECEIPT'));
    expect(sourceDelayMinutes(c.occurredAt, c.receivedAt)).toBe(45);
  });

  it('warns 3 minutes before a 10-minute phone deadline and 10 before a 60-minute one (spec duty §9.5 AK-4)', () => {
    const major = firstObligations(
      { severity: 'I', possiblyMajor: false, occurredAt: sh('2024-10-03 14:00'), receivedAt: sh('2024-10-03 14:00') },
      defaultReportingPolicy,
    );
    expect(major[0]?.warnAt).toEqual(sh('2024-10-03 14:07'));
    const other = firstObligations(
      { severity: 'III', possiblyMajor: false, occurredAt: sh('2024-10-03 14:00'), receivedAt: sh('2024-10-03 14:00') },
      defaultReportingPolicy,
    );
    expect(other[0]?.warnAt).toEqual(sh('2024-10-03 14:50'));
  });

  it('takes the shortest limit when several rules of a target apply, from configuration (spec duty §9.3 TL-1, TL-2)', () => {
    const policy = {
      ...defaultReportingPolicy,
      targets: [
        {
          id: 'city',
          name: '市政府总值班室',
          level: 'FIRST_SUPERIOR' as const,
          mode: 'SELF' as const,
          rules: [
            { severities: ['III' as const], phoneLimitMin: 60, writtenLimitMin: 120 },
            { severities: ['III' as const], phoneLimitMin: 45, writtenLimitMin: 150 },
          ],
        },
      ],
    };
    const o = firstObligations(
      { severity: 'III', possiblyMajor: false, occurredAt: sh('2024-10-03 09:00'), receivedAt: sh('2024-10-03 09:00') },
      policy,
    );
    expect(due(o)).toEqual([
      `city:PHONE:${sh('2024-10-03 09:45').toISOString()}:PENDING`,
      `city:WRITTEN:${sh('2024-10-03 11:00').toISOString()}:PENDING`,
    ]);
  });
});
