import { DutyError } from './duty-error';
import { sh } from './duty.fixtures';
import type { Incident } from './incident';
import { chronologyGaps, closeIncident, voidIncident, type Chronology } from './incident-closure';
import { defaultReportingPolicy as policy } from './reporting-policy';
import { firstObligations } from './statutory-clocks';
import { breachObligation, recordReport, warnObligation } from './upward-reporting';

const minute = 60_000;

/** A 重大 (II) incident taken in at 14:03 for T_evt 14:00 (spec duty §19 scenario 11). */
function incident(o: Partial<Incident> = {}): Incident {
  const occurredAt = sh('2024-10-03 14:00');
  const receivedAt = sh('2024-10-03 14:03');
  return {
    id: 'inc-1',
    title: '燃气爆炸',
    category: 'ACCIDENT',
    severity: 'II',
    possiblyMajor: false,
    occurredAt,
    occurredAtEstimated: false,
    receivedAt,
    receivedBy: 'o1',
    sourceChannel: 'PHONE',
    sourceUnitId: 'town-1',
    location: '',
    description: '',
    classified: false,
    status: 'ESCALATING',
    flags: [],
    sourceDelayMinutes: 3,
    obligations: firstObligations({ severity: 'II', possiblyMajor: false, occurredAt, receivedAt }, policy),
    timers: {},
    recipients: [],
    notifications: [],
    ...o,
  };
}

const phoneReport = (targetId: string, kind: 'FIRST' | 'CORRECTION' = 'FIRST') => ({
  id: `rep-${targetId}-${kind}`,
  targetId,
  mode: 'PHONE' as const,
  kind,
  content: kind === 'CORRECTION' ? '经核实为误报，特此更正' : '',
  reportedBy: 'o1',
  receiverName: '州值班室李四',
  documentRef: '',
});

/** The chronology of an incident whose every step is on record. */
const complete = (i: Incident, extra: Chronology['entries'] = []): Chronology => ({
  entries: [
    { action: 'incident.received', at: i.receivedAt, details: {} },
    ...(i.reports ?? []).map((r) => ({ action: 'report.recorded', at: r.reportedAt, details: { reportId: r.id } })),
    ...(i.voidedAt ? [{ action: 'incident.voided', at: i.voidedAt, details: {} }] : []),
    ...(i.resolvedAt ? [{ action: 'incident.resolved', at: i.resolvedAt, details: {} }] : []),
    ...extra,
  ],
  escalatedTo: [],
});

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof DutyError ? e.code : String(e);
  }
  return 'no error';
};

const reported = () => recordReport(incident(), phoneReport('first-superior'), sh('2024-10-03 14:06'), policy).incident;
const voidAt = sh('2024-10-03 14:08');

describe(voidIncident.name, () => {
  it('waives the clocks still running with the reason and keeps what is fulfilled (spec duty §9.10)', () => {
    const r = voidIncident(reported(), { reason: '经核实为误报', by: 'l1' }, voidAt, policy);
    expect(r.incident.status).toBe('VOIDED');
    const byId = Object.fromEntries(r.incident.obligations.map((o) => [o.id, o]));
    expect(byId['first-superior:PHONE:FIRST']?.status).toBe('FULFILLED_ON_TIME');
    for (const id of ['province:PHONE:FIRST', 'first-superior:WRITTEN:FIRST', 'province:WRITTEN:FIRST'])
      expect(byId[id]).toMatchObject({ status: 'WAIVED', waivedReason: 'incident voided: 经核实为误报' });
    // a waived obligation is left alone by the guard and the deadline (no alert, no 迟报)
    expect(warnObligation(r.incident, 'province:PHONE:FIRST', sh('2024-10-03 14:18'))).toBeNull();
    expect(breachObligation(r.incident, 'province:PHONE:FIRST', sh('2024-10-03 14:21'))).toBeNull();
  });

  it('owes one CORRECTION per target that received a report, due after the configured minutes (spec duty §9.10)', () => {
    const before = recordReport(reported(), phoneReport('province'), sh('2024-10-03 14:07'), policy).incident;
    const r = voidIncident(before, { reason: '误报', by: 'l1' }, voidAt, { ...policy, correctionMin: 30 });
    expect(r.created.map((o) => [o.id, o.kind, o.status])).toEqual([
      ['first-superior:PHONE:CORRECTION', 'CORRECTION', 'PENDING'],
      ['province:PHONE:CORRECTION', 'CORRECTION', 'PENDING'],
    ]);
    expect(r.created[0]?.dueAt).toEqual(new Date(voidAt.getTime() + 30 * minute));
    // nothing reported: nothing to correct
    expect(voidIncident(incident(), { reason: '误报', by: 'l1' }, voidAt, policy).created).toEqual([]);
  });

  it('needs a reason and refuses an incident already resolved (spec duty §9.10)', () => {
    expect(codeOf(() => voidIncident(incident(), { reason: ' ', by: 'l1' }, voidAt, policy))).toBe(
      'VOID_REASON_REQUIRED',
    );
    expect(
      codeOf(() => voidIncident(incident({ status: 'RESOLVED' }), { reason: 'x', by: 'l1' }, voidAt, policy)),
    ).toBe('INCIDENT_STATE');
  });

  it('withdraws written reports still in review so nobody is chased to sign them (spec duty §9.7, §9.10)', () => {
    const draft = {
      id: 'wr-1',
      kind: 'FIRST' as const,
      content: '书面报告',
      createdBy: 'o1',
      createdAt: voidAt,
      chain: [],
      status: 'IN_REVIEW' as const,
    };
    const r = voidIncident(incident({ drafts: [draft] }), { reason: '误报', by: 'l1' }, voidAt, policy);
    expect(r.incident.drafts?.[0]?.status).toBe('WITHDRAWN');
  });

  it('after a void only corrections are recorded, and a correction meets its obligation (spec duty §9.10)', () => {
    const voided = voidIncident(reported(), { reason: '误报', by: 'l1' }, voidAt, policy).incident;
    const later = sh('2024-10-03 14:20');
    expect(codeOf(() => recordReport(voided, phoneReport('province'), later, policy))).toBe('INCIDENT_STATE');
    expect(codeOf(() => recordReport(voided, phoneReport('province', 'CORRECTION'), later, policy))).toBe(
      'REPORT_INVALID',
    );
    expect(codeOf(() => recordReport(reported(), phoneReport('first-superior', 'CORRECTION'), later, policy))).toBe(
      'INCIDENT_STATE',
    );
    const r = recordReport(voided, phoneReport('first-superior', 'CORRECTION'), later, policy);
    expect(r.changed).toEqual([
      expect.objectContaining({ id: 'first-superior:PHONE:CORRECTION', status: 'FULFILLED_ON_TIME' }),
    ]);
    expect(r.incident.status).toBe('VOIDED');
  });
});

describe(closeIncident.name, () => {
  const closeAt = sh('2024-10-03 16:00');

  it('refuses while a correction is still owed, then closes a voided incident (spec duty §9.10)', () => {
    const voided = voidIncident(reported(), { reason: '误报', by: 'l1' }, voidAt, policy).incident;
    expect(codeOf(() => closeIncident(voided, 'keeper', complete(voided), closeAt))).toBe('CORRECTION_OPEN');
    const corrected = recordReport(voided, phoneReport('first-superior', 'CORRECTION'), closeAt, policy).incident;
    const r = closeIncident(corrected, 'keeper', complete(corrected), closeAt);
    expect(r.incident).toMatchObject({ status: 'CLOSED', closedBy: 'keeper', closedAt: closeAt });
  });

  it('closes a RESOLVED incident and refuses one still being handled (spec duty §9.10)', () => {
    const resolved = incident({ status: 'RESOLVED', resolvedAt: sh('2024-10-03 15:00') });
    expect(closeIncident(resolved, 'keeper', complete(resolved), closeAt).incident.status).toBe('CLOSED');
    const open = incident({ status: 'FOLLOWING_UP' });
    expect(codeOf(() => closeIncident(open, 'keeper', complete(open), closeAt))).toBe('INCIDENT_STATE');
  });

  it('refuses when the chronology has a gap (spec duty §6 LG-3)', () => {
    const resolved = incident({ status: 'RESOLVED', resolvedAt: sh('2024-10-03 15:00') });
    expect(codeOf(() => closeIncident(resolved, 'keeper', { ...complete(resolved), brokenAt: 2 }, closeAt))).toBe(
      'LOG_CHRONOLOGY_INCOMPLETE',
    );
  });
});

describe(chronologyGaps.name, () => {
  it('names every step that left a trace but has no entry in the incident’s record (spec duty §6 LG-3)', () => {
    const i = { ...reported(), status: 'RESOLVED' as const, resolvedAt: sh('2024-10-03 15:00') };
    expect(chronologyGaps(i, complete(i))).toEqual([]);
    const withInstruction = { ...i, instructions: [{ id: 'ins-1' }] } as Incident;
    expect(
      chronologyGaps(withInstruction, {
        entries: [{ action: 'incident.received', at: i.receivedAt, details: {} }],
        brokenAt: 3,
        acknowledgement: { personId: 'l1', at: i.receivedAt },
        escalatedTo: ['dir'],
      }),
    ).toEqual([
      'the audit chain does not verify from entry 3',
      'the acknowledgement by l1 is not on record',
      'the escalation to dir is not on record',
      'instruction ins-1 is not on record',
      'report rep-first-superior-FIRST is not on record',
      'the resolution is not on record',
    ]);
    const acked = complete(i, [
      { action: 'incident.acknowledged', at: i.receivedAt, details: {} },
      { action: 'incident.escalated', at: i.receivedAt, details: { steps: [{ recipientId: 'dir' }] } },
    ]);
    expect(
      chronologyGaps(i, { ...acked, acknowledgement: { personId: 'l1', at: i.receivedAt }, escalatedTo: ['dir'] }),
    ).toEqual([]);
  });
});
