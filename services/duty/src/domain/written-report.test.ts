import { contact, directory, sh } from './duty.fixtures';
import type { DutyError } from './duty-error';
import type { Incident } from './incident';
import {
  actOnDraft,
  draftWrittenReport,
  nextDueAt,
  requireSigned,
  signingChain,
  signStepTimedOut,
} from './written-report';

const contacts = (away: string[] = []) =>
  [
    contact('dep', { standingRole: 'OFFICE_DEPUTY' }),
    contact('dir', { standingRole: 'OFFICE_DIRECTOR' }),
    contact('act', { standingRole: 'OFFICE_ACTING_DIRECTOR' }),
    contact('head', { standingRole: 'GOV_PRINCIPAL' }),
    contact('exec', { standingRole: 'GOV_EXEC_DEPUTY' }),
  ].map((c) => (away.includes(c.personId) ? { ...c, away: true } : c));

const dirWith = (away: string[] = []) =>
  directory({
    contacts: contacts(away),
    byRole: {
      OFFICE_DEPUTY: 'dep',
      OFFICE_DIRECTOR: 'dir',
      OFFICE_ACTING_DIRECTOR: 'act',
      GOV_PRINCIPAL: 'head',
      GOV_EXEC_DEPUTY: 'exec',
    },
  });

const incident = (o: Partial<Incident> = {}) =>
  ({
    id: 'inc-1',
    severity: 'I',
    possiblyMajor: false,
    classified: false,
    status: 'COMMANDED',
    drafts: [],
    ...o,
  }) as Incident;

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as DutyError).code;
  }
  return 'no error';
};

describe('written report signing', () => {
  it('an I-level report: deputy reviews, the acting director stands in for the director away, the executive deputy signs for the head away (spec duty §19 scenario 21)', () => {
    const chain = signingChain(incident(), dirWith(['dir', 'head']));
    expect(chain.map((s) => [s.role, s.action, s.personId, s.substituteFor ?? null])).toEqual([
      ['OFFICE_DEPUTY', 'REVIEW', 'dep', null],
      ['OFFICE_DIRECTOR', 'REVIEW', 'act', 'dir'],
      ['GOV_PRINCIPAL', 'SIGN', 'exec', 'head'],
    ]);
  });

  it('other major urgent information is decided by the office deputy alone (spec duty §9.7, 004 L111)', () => {
    expect(signingChain(incident({ severity: 'IV' }), dirWith()).map((s) => [s.role, s.action])).toEqual([
      ['OFFICE_DEPUTY', 'SIGN'],
    ]);
    // classified content always goes the long way (WR-3)
    expect(signingChain(incident({ severity: 'IV', classified: true }), dirWith())).toHaveLength(3);
  });

  it('only the next person in the chain acts, in order; the last signature makes it SIGNED and usable as the document (spec duty §9.7 WR-2)', () => {
    let i = draftWrittenReport(
      incident(),
      { id: 'd1', kind: 'FIRST', content: '某地发生燃气爆炸……', createdBy: 'o1' },
      dirWith(['dir']),
      sh('2024-10-03 14:20'),
    );
    expect(codeOf(() => requireSigned(i, 'd1'))).toBe('REPORT_NOT_SIGNED');
    expect(codeOf(() => actOnDraft(i, 'd1', 'head', sh('2024-10-03 14:21')))).toBe('NOT_THE_SIGNER');
    expect(codeOf(() => actOnDraft(i, 'd1', 'dir', sh('2024-10-03 14:21')))).toBe('NOT_THE_SIGNER');
    i = actOnDraft(i, 'd1', 'dep', sh('2024-10-03 14:21'));
    i = actOnDraft(i, 'd1', 'act', sh('2024-10-03 14:22'));
    expect(i.drafts?.[0]?.status).toBe('IN_REVIEW');
    i = actOnDraft(i, 'd1', 'head', sh('2024-10-03 14:23'));
    expect(i.drafts?.[0]).toMatchObject({ status: 'SIGNED', signedAt: sh('2024-10-03 14:23') });
    expect(() => requireSigned(i, 'd1')).not.toThrow();
    expect(codeOf(() => actOnDraft(i, 'd1', 'head', sh('2024-10-03 14:24')))).toBe('INCIDENT_STATE');
  });

  it('a chain nobody can fill is refused with a stable code, and a draft states its content (spec duty §9.7 WR-5)', () => {
    expect(codeOf(() => signingChain(incident(), directory({ byRole: {} })))).toBe('SIGNER_UNAVAILABLE');
    expect(
      codeOf(() =>
        draftWrittenReport(
          incident(),
          { id: 'd', kind: 'FIRST', content: ' ', createdBy: 'o1' },
          dirWith(),
          sh('2024-10-03 14:20'),
        ),
      ),
    ).toBe('REPORT_INVALID');
  });

  it('WR-1: a silent approver is called again with their substitute told; after a second timeout the next level acts with a reason (spec duty §9.7 WR-1)', () => {
    const t = (m: string) => sh(`2024-10-03 14:${m}`);
    let i = draftWrittenReport(
      incident(),
      { id: 'd1', kind: 'FIRST', content: '情况报告', createdBy: 'o1' },
      dirWith(),
      t('20'),
    );
    i = actOnDraft(i, 'd1', 'dep', t('21'));
    // the director now has 3 minutes (I/II)
    expect(i.drafts?.[0]?.chain[1]?.dueAt).toEqual(t('24'));
    expect(nextDueAt(null, i)).toEqual(t('24'));
    expect(signStepTimedOut(i, 'd1', 1, t('23'), dirWith())).toBeNull();
    const first = signStepTimedOut(i, 'd1', 1, t('24'), dirWith())!;
    expect(first.alert).toEqual(['dir', 'act']);
    expect(first.incident.drafts?.[0]?.chain[1]).toMatchObject({ timeouts: 1, dueAt: t('27') });
    // the next level may not step in yet
    expect(codeOf(() => actOnDraft(first.incident, 'd1', 'head', t('25'), { skipReason: '主任未回应' }))).toBe(
      'NOT_THE_SIGNER',
    );
    const second = signStepTimedOut(first.incident, 'd1', 1, t('27'), dirWith())!;
    expect(second.alert).toEqual(['dir', 'head']);
    expect(codeOf(() => actOnDraft(second.incident, 'd1', 'head', t('28')))).toBe('REPORT_INVALID');
    const done = actOnDraft(second.incident, 'd1', 'head', t('28'), { skipReason: '主任两次未回应' });
    expect(done.drafts?.[0]).toMatchObject({ status: 'SIGNED' });
    expect(done.drafts?.[0]?.chain[1]?.skipped).toEqual({ by: 'head', reason: '主任两次未回应' });
    expect(nextDueAt(null, done)).toBeNull();
  });

  it('WR-1: other information gives each approver 10 minutes; an acted step is not timed out (spec duty §9.7 WR-1)', () => {
    const i = draftWrittenReport(
      incident({ severity: 'IV' }),
      { id: 'd2', kind: 'FIRST', content: 'x', createdBy: 'o1' },
      dirWith(),
      sh('2024-10-03 09:00'),
    );
    expect(i.drafts?.[0]?.chain[0]?.dueAt).toEqual(sh('2024-10-03 09:10'));
    const signed = actOnDraft(i, 'd2', 'dep', sh('2024-10-03 09:05'));
    expect(signStepTimedOut(signed, 'd2', 0, sh('2024-10-03 09:10'), dirWith())).toBeNull();
  });
});
