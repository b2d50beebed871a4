import { DutyError } from './duty-error';
import { sh } from './duty.fixtures';
import type { Incident } from './incident';
import { defaultReportingPolicy as policy } from './reporting-policy';
import { firstObligations } from './statutory-clocks';
import {
  reclassifyIncident,
  breachObligation,
  nextObligationAt,
  recordEnquiry,
  recordReport,
  resolveIncident,
  setVerification,
  warnObligation,
  type ReportInput,
} from './upward-reporting';

/** Scenario 11's incident: 重大 (II) gas explosion, T_evt 14:00, received 14:03. */
function gasExplosion(o: Partial<Incident> = {}): Incident {
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
    drafts: ['值班信息〔2024〕1号', 'rep-final'].map((id) => ({
      id,
      kind: 'FIRST' as const,
      content: '书面报告',
      createdBy: 'o1',
      createdAt: receivedAt,
      chain: [],
      status: 'SIGNED' as const,
    })),
    ...o,
  };
}

const report = (o: Partial<ReportInput> & Pick<ReportInput, 'targetId' | 'mode'>): ReportInput => ({
  id: `rep-${o.targetId}-${o.mode}-${o.kind ?? 'FIRST'}`,
  kind: 'FIRST',
  content: '情况报告',
  reportedBy: 'o1',
  receiverName: '张三',
  documentRef: o.mode === 'WRITTEN' ? (o.kind === 'FINAL' ? 'rep-final' : '值班信息〔2024〕1号') : '',
  ...o,
});

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as DutyError).code;
  }
  return 'no error';
};

/** Every first report of scenario 11 made on time, in order. */
function allFirstReports(i: Incident, at = (t: string) => sh(`2024-10-03 ${t}`)): Incident {
  let x = i;
  x = recordReport(x, report({ targetId: 'first-superior', mode: 'PHONE' }), at('14:08'), policy).incident;
  x = recordReport(x, report({ targetId: 'province', mode: 'PHONE' }), at('14:15'), policy).incident;
  x = recordReport(x, report({ targetId: 'first-superior', mode: 'WRITTEN' }), at('14:25'), policy).incident;
  x = recordReport(x, report({ targetId: 'province', mode: 'WRITTEN' }), at('15:00'), policy).incident;
  return x;
}

describe('upward reporting', () => {
  it('guard at 14:07 warns the pending prefecture phone obligation; the 14:09 report without instruction is FULFILLED_ON_TIME (spec duty §19 scenario 15, AK-4)', () => {
    const i = gasExplosion();
    const warned = warnObligation(i, 'first-superior:PHONE:FIRST', sh('2024-10-03 14:07'));
    expect(i.obligations.find((o) => o.id === 'first-superior:PHONE:FIRST')?.warnAt).toEqual(sh('2024-10-03 14:07'));
    expect(warned?.changed).toEqual([expect.objectContaining({ id: 'first-superior:PHONE:FIRST', status: 'WARNING' })]);
    const r = recordReport(
      warned!.incident,
      report({ targetId: 'first-superior', mode: 'PHONE' }),
      sh('2024-10-03 14:09'),
      policy,
    );
    expect(r.changed).toEqual([expect.objectContaining({ status: 'FULFILLED_ON_TIME' })]);
    expect(r.incident.reports?.[0]?.reportedWithoutInstruction).toBe(true);
    expect(r.incident.reportedWithoutInstruction).toBe(true);
    expect(r.violations).toEqual([]);
  });

  it('the guard does nothing before its time (AK-4)', () => {
    expect(warnObligation(gasExplosion(), 'first-superior:PHONE:FIRST', sh('2024-10-03 14:06'))).toBeNull();
  });

  it('a second guard on the same obligation does nothing (AK-4: the alert goes out once)', () => {
    const warned = warnObligation(gasExplosion(), 'first-superior:PHONE:FIRST', sh('2024-10-03 14:07'))!;
    expect(warnObligation(warned.incident, 'first-superior:PHONE:FIRST', sh('2024-10-03 14:07'))).toBeNull();
  });

  it('province phone due 14:20 breaches with a LATE_REPORT candidate; recorded at 14:21 it is FULFILLED_LATE (spec duty §19 scenario 16)', () => {
    const before = breachObligation(gasExplosion(), 'province:PHONE:FIRST', sh('2024-10-03 14:19'));
    expect(before).toBeNull();
    const b = breachObligation(gasExplosion(), 'province:PHONE:FIRST', sh('2024-10-03 14:20'))!;
    expect(b.changed[0]).toMatchObject({ status: 'BREACHED', dueAt: sh('2024-10-03 14:20') });
    expect(b.violations).toEqual([
      expect.objectContaining({ type: 'LATE_REPORT', personId: 'o1', obligationId: 'province:PHONE:FIRST' }),
    ]);
    const r = recordReport(b.incident, report({ targetId: 'province', mode: 'PHONE' }), sh('2024-10-03 14:21'), policy);
    expect(r.changed[0]).toMatchObject({ status: 'FULFILLED_LATE', fulfilledAt: sh('2024-10-03 14:21') });
    expect(r.incident.violations).toHaveLength(1); // the breach's candidate, not a second one
  });

  it('a report late without a breach record still raises the LATE_REPORT candidate; breached on receipt does not (spec duty §9.10, CK-4)', () => {
    const late = recordReport(
      gasExplosion(),
      report({ targetId: 'province', mode: 'PHONE' }),
      sh('2024-10-03 14:25'),
      policy,
    );
    expect(late.violations.map((v) => v.type)).toEqual(['LATE_REPORT']);
    const onReceipt = gasExplosion({
      obligations: firstObligations(
        {
          severity: 'II',
          possiblyMajor: false,
          occurredAt: sh('2024-10-03 08:00'),
          receivedAt: sh('2024-10-03 08:45'),
        },
        policy,
      ),
    });
    const r = recordReport(onReceipt, report({ targetId: 'province', mode: 'PHONE' }), sh('2024-10-03 08:47'), policy);
    expect(r.changed[0]?.status).toBe('FULFILLED_LATE');
    expect(r.violations).toEqual([]);
  });

  it('phone reports make the incident FIRST_REPORTED, written ones FOLLOWING_UP with a follow-up due 60 min later for I/II (spec duty §9.10, FR-2)', () => {
    const i = allFirstReports(gasExplosion({ status: 'COMMANDED' }));
    expect(i.status).toBe('FOLLOWING_UP');
    expect(i.reportedWithoutInstruction).toBeFalsy();
    const followUps = i.obligations.filter((o) => o.kind === 'FOLLOW_UP');
    expect(followUps.map((o) => [o.targetId, o.dueAt])).toEqual([
      ['first-superior', sh('2024-10-03 16:00')],
      ['province', sh('2024-10-03 16:00')],
    ]);
  });

  it('a follow-up not made by 16:00 after the 15:00 report is BREACHED; a follow-up report starts the next one (spec duty §19 scenario 22, FR-2)', () => {
    const i = allFirstReports(gasExplosion({ status: 'COMMANDED' }));
    const b = breachObligation(i, 'province:WRITTEN:FOLLOW_UP:1', sh('2024-10-03 16:00'))!;
    expect(b.changed[0]).toMatchObject({ kind: 'FOLLOW_UP', status: 'BREACHED' });
    const r = recordReport(
      b.incident,
      report({ targetId: 'province', mode: 'WRITTEN', kind: 'FOLLOW_UP', id: 'rep-fu' }),
      sh('2024-10-03 16:05'),
      policy,
    );
    expect(r.changed[0]).toMatchObject({ id: 'province:WRITTEN:FOLLOW_UP:1', status: 'FULFILLED_LATE' });
    expect(r.created).toEqual([
      expect.objectContaining({ id: 'province:WRITTEN:FOLLOW_UP:2', dueAt: sh('2024-10-03 17:05') }),
    ]);
  });

  it('other major urgent information follows up every 4 hours (spec duty §9.4 S9)', () => {
    const occurredAt = sh('2024-10-03 09:00');
    let i = gasExplosion({
      severity: 'IV',
      status: 'COMMANDED',
      occurredAt,
      obligations: firstObligations(
        { severity: 'IV', possiblyMajor: false, occurredAt, receivedAt: occurredAt },
        policy,
      ),
    });
    i = recordReport(i, report({ targetId: 'first-superior', mode: 'PHONE' }), sh('2024-10-03 09:30'), policy).incident;
    i = recordReport(
      i,
      report({ targetId: 'first-superior', mode: 'WRITTEN' }),
      sh('2024-10-03 10:00'),
      policy,
    ).incident;
    expect(i.obligations.find((o) => o.kind === 'FOLLOW_UP')?.dueAt).toEqual(sh('2024-10-03 14:00'));
  });

  it('resolving is refused until every target with a first report got the final report (spec duty §19 scenario 22, FR-3)', () => {
    let i = allFirstReports(gasExplosion({ status: 'COMMANDED' }));
    i = recordReport(
      i,
      report({ targetId: 'first-superior', mode: 'WRITTEN', kind: 'FINAL', id: 'rep-final-1' }),
      sh('2024-10-03 15:30'),
      policy,
    ).incident;
    expect(codeOf(() => resolveIncident(i, sh('2024-10-03 15:31')))).toBe('FINAL_REPORT_MISSING');
    i = recordReport(
      i,
      report({ targetId: 'province', mode: 'WRITTEN', kind: 'FINAL', id: 'rep-final-2' }),
      sh('2024-10-03 15:40'),
      policy,
    ).incident;
    const done = resolveIncident(i, sh('2024-10-03 15:41'));
    expect(done.incident.status).toBe('RESOLVED');
    expect(done.incident.obligations.filter((o) => o.status === 'PENDING' || o.status === 'WARNING')).toEqual([]);
    expect(warnObligation(done.incident, 'province:WRITTEN:FOLLOW_UP:1', sh('2024-10-03 15:50'))).toBeNull();
  });

  it('resolving before the follow-up phase is refused (spec duty §9.10)', () => {
    expect(codeOf(() => resolveIncident(gasExplosion(), sh('2024-10-03 14:05')))).toBe('INCIDENT_STATE');
  });

  it('a fulfilment names the receiver, and a written report its signed document (spec duty §9.10)', () => {
    expect(
      codeOf(() =>
        recordReport(
          gasExplosion(),
          report({ targetId: 'province', mode: 'PHONE', receiverName: ' ' }),
          sh('2024-10-03 14:05'),
          policy,
        ),
      ),
    ).toBe('REPORT_INVALID');
    expect(
      codeOf(() =>
        recordReport(
          gasExplosion(),
          report({ targetId: 'province', mode: 'WRITTEN', documentRef: '' }),
          sh('2024-10-03 14:05'),
          policy,
        ),
      ),
    ).toBe('REPORT_INVALID');
    expect(
      codeOf(() =>
        recordReport(gasExplosion(), report({ targetId: 'nowhere', mode: 'PHONE' }), sh('2024-10-03 14:05'), policy),
      ),
    ).toBe('REPORT_INVALID');
    expect(
      codeOf(() =>
        recordReport(
          gasExplosion(),
          report({ targetId: 'province', mode: 'WRITTEN', kind: 'FINAL' }),
          sh('2024-10-03 14:05'),
          policy,
        ),
      ),
    ).toBe('INCIDENT_STATE');
  });

  it('a target reported via the party office takes the report only with the office’s confirmation, on the same clock (spec duty §9.6 PO-1)', () => {
    const via = {
      ...policy,
      targets: policy.targets.map((t) => (t.id === 'province' ? { ...t, mode: 'VIA_PARTY_OFFICE' as const } : t)),
    };
    const i = gasExplosion({ obligations: firstObligations(gasExplosion(), via) });
    const phone = report({ targetId: 'province', mode: 'PHONE' });
    expect(codeOf(() => recordReport(i, phone, sh('2024-10-03 14:15'), via))).toBe(
      'PARTY_OFFICE_CONFIRMATION_REQUIRED',
    );
    const blank = { confirmedBy: ' ', confirmedAt: sh('2024-10-03 14:14'), reference: '' };
    expect(codeOf(() => recordReport(i, { ...phone, partyOffice: blank }, sh('2024-10-03 14:15'), via))).toBe(
      'PARTY_OFFICE_CONFIRMATION_REQUIRED',
    );
    const future = { confirmedBy: '区委办李四', confirmedAt: sh('2024-10-03 14:30'), reference: '' };
    expect(codeOf(() => recordReport(i, { ...phone, partyOffice: future }, sh('2024-10-03 14:15'), via))).toBe(
      'REPORT_INVALID',
    );
    // the province deadline is 14:20 whoever reports: confirmed 14:14 and recorded 14:15 is on time
    const confirmed = { confirmedBy: ' 区委办李四 ', confirmedAt: sh('2024-10-03 14:14'), reference: '电话记录 17 号' };
    const ok = recordReport(i, { ...phone, partyOffice: confirmed }, sh('2024-10-03 14:15'), via);
    expect(ok.changed).toEqual([expect.objectContaining({ id: 'province:PHONE:FIRST', status: 'FULFILLED_ON_TIME' })]);
    expect(ok.incident.reports?.[0]?.partyOffice).toEqual({
      confirmedBy: '区委办李四',
      confirmedAt: sh('2024-10-03 14:14'),
      reference: '电话记录 17 号',
    });
    // recorded after the deadline it is late, as a SELF report would be
    const late = recordReport(i, { ...phone, partyOffice: confirmed }, sh('2024-10-03 14:21'), via);
    expect(late.changed).toEqual([expect.objectContaining({ status: 'FULFILLED_LATE' })]);
    // a SELF target is reported by the desk; a party-office confirmation there is a mistake
    const self = report({ targetId: 'first-superior', mode: 'PHONE', partyOffice: confirmed });
    expect(codeOf(() => recordReport(i, self, sh('2024-10-03 14:08'), via))).toBe('REPORT_INVALID');
    expect(
      recordReport(i, report({ targetId: 'first-superior', mode: 'PHONE' }), sh('2024-10-03 14:08'), via).changed,
    ).toHaveLength(1);
  });

  it('an enquiry from the province before any report to it flags REVERSE_FLOW with a candidate; after a report it does not (spec duty §19 scenario 23, PO-2)', () => {
    const e = recordEnquiry(
      gasExplosion(),
      { id: 'enq-1', targetId: 'province', loggedBy: 'o1', note: '省总值班室询问' },
      sh('2024-10-03 14:06'),
    );
    expect(e.reverseFlow).toBe(true);
    expect(e.incident.flags).toContain('REVERSE_FLOW');
    expect(e.violations).toEqual([expect.objectContaining({ type: 'REVERSE_FLOW', personId: 'o1' })]);
    const reported = recordReport(
      gasExplosion(),
      report({ targetId: 'province', mode: 'PHONE' }),
      sh('2024-10-03 14:05'),
      policy,
    );
    const after = recordEnquiry(
      reported.incident,
      { id: 'enq-2', targetId: 'province', loggedBy: 'o1', note: '' },
      sh('2024-10-03 14:06'),
    );
    expect(after.reverseFlow).toBe(false);
    expect(after.incident.flags).not.toContain('REVERSE_FLOW');
  });

  it('doubtful facts open four verification tasks that stay open while the phone report is recorded (spec duty §19 scenario 20, S5)', () => {
    const doubtful = setVerification(gasExplosion(), 'DOUBTFUL', sh('2024-10-03 14:04'));
    const r = recordReport(
      doubtful,
      report({ targetId: 'first-superior', mode: 'PHONE' }),
      sh('2024-10-03 14:09'),
      policy,
    );
    expect(r.changed[0]?.status).toBe('FULFILLED_ON_TIME');
    expect(r.incident.verificationTasks?.map((t) => [t.party, t.status])).toEqual([
      ['REPORTING_UNIT', 'OPEN'],
      ['LOCAL_PARTY_COMMITTEE', 'OPEN'],
      ['PUBLIC_SECURITY', 'OPEN'],
      ['EMERGENCY_OFFICE', 'OPEN'],
    ]);
    const confirmed = setVerification(r.incident, 'CONFIRMED', sh('2024-10-03 14:30'));
    expect(confirmed.verificationTasks?.every((t) => t.status === 'DONE')).toBe(true);
  });

  it('the next obligation time is the earliest guard or deadline still ahead (spec duty §9.11 NF-3)', () => {
    const i = gasExplosion();
    expect(nextObligationAt(i.obligations)).toEqual(sh('2024-10-03 14:07'));
    const warned = warnObligation(i, 'first-superior:PHONE:FIRST', sh('2024-10-03 14:07'))!.incident;
    expect(nextObligationAt(warned.obligations)).toEqual(sh('2024-10-03 14:10'));
    expect(nextObligationAt([])).toBeNull();
  });

  it('a written report needs a signed draft of this incident as its document (spec duty §19 scenario 21, §9.7)', () => {
    const unsigned = gasExplosion({ drafts: [] });
    expect(
      codeOf(() =>
        recordReport(
          unsigned,
          report({ targetId: 'province', mode: 'WRITTEN', documentRef: 'x' }),
          sh('2024-10-03 14:20'),
          policy,
        ),
      ),
    ).toBe('REPORT_NOT_SIGNED');
  });

  it('upgrading IV to I at 10:12 creates the prefecture phone obligation already BREACHED and the province one PENDING (spec duty §19 scenario 19)', () => {
    const occurredAt = sh('2024-10-03 10:00');
    const iv = gasExplosion({
      severity: 'IV',
      occurredAt,
      receivedAt: sh('2024-10-03 10:05'),
      obligations: firstObligations(
        { severity: 'IV', possiblyMajor: false, occurredAt, receivedAt: sh('2024-10-03 10:05') },
        policy,
      ),
    });
    const up = reclassifyIncident(
      iv,
      { severity: 'I', possiblyMajor: false, reason: '' },
      sh('2024-10-03 10:12'),
      policy,
    );
    expect(up.incident.severity).toBe('I');
    const phone = (t: string) => up.incident.obligations.find((o) => o.id === `${t}:PHONE:FIRST`);
    expect(phone('first-superior')).toMatchObject({ dueAt: sh('2024-10-03 10:10'), status: 'BREACHED' });
    expect(phone('province')).toMatchObject({ dueAt: sh('2024-10-03 10:20'), status: 'PENDING' });
    expect(up.created.map((o) => o.id)).toEqual(
      expect.arrayContaining(['province:PHONE:FIRST', 'province:WRITTEN:FIRST']),
    );
    // lifted into I/II: the S3 people are owed their alert from now on
    expect(up.incident.upgradedToMajorAt).toEqual(sh('2024-10-03 10:12'));
  });

  it('marks only a change that crosses into the I/II class as an upgrade owing S3 alerts (spec duty §9.10 RC-1, §9.4 S3)', () => {
    const at = sh('2024-10-03 14:05');
    const lower = reclassifyIncident(
      gasExplosion(),
      { severity: 'III', possiblyMajor: false, reason: '核实' },
      at,
      policy,
    );
    expect(lower.incident.upgradedToMajorAt).toBeUndefined();
    const withinMajor = reclassifyIncident(
      gasExplosion(),
      { severity: 'I', possiblyMajor: false, reason: '' },
      at,
      policy,
    );
    expect(withinMajor.incident.upgradedToMajorAt).toBeUndefined();
    const flagged = reclassifyIncident(
      gasExplosion({ severity: 'UNKNOWN', possiblyMajor: false }),
      { severity: 'UNKNOWN', possiblyMajor: true, reason: '' },
      at,
      policy,
    );
    expect(flagged.incident.upgradedToMajorAt).toEqual(at);
  });

  it('a downgrade keeps the leader’s reason and waives what the lower class does not owe (spec duty §9.10 RC-1)', () => {
    expect(
      codeOf(() =>
        reclassifyIncident(
          gasExplosion(),
          { severity: 'IV', possiblyMajor: false, reason: ' ' },
          sh('2024-10-03 14:05'),
          policy,
        ),
      ),
    ).toBe('REPORT_INVALID');
    const down = reclassifyIncident(
      gasExplosion(),
      { severity: 'IV', possiblyMajor: false, reason: '经核实为一般事故' },
      sh('2024-10-03 14:05'),
      policy,
    );
    expect(down.incident.obligations.filter((o) => o.targetId === 'province').map((o) => o.status)).toEqual([
      'WAIVED',
      'WAIVED',
    ]);
  });
});
