import { byFactTime, chronologyGaps, reconstructionOf, type Chronology, type ChronologyEntry } from './chronology';
import { planChronologyRepair, type RebuiltLine } from './chronology-repair';
import { DutyError } from './duty-error';
import { sh } from './duty.fixtures';
import type { Incident, WrittenDraft } from './incident';
import { closeIncident } from './incident-closure';

const repairAt = sh('2024-10-04 09:00');
const ackAt = sh('2024-10-03 14:05');
const escalatedAt = sh('2024-10-03 14:07');
const givenAt = sh('2024-10-03 14:20');
const reportedAt = sh('2024-10-03 14:09');
const resolvedAt = sh('2024-10-03 18:00');

/** A 重大 incident resolved after an acknowledgement, an escalation, an instruction and a phone report. */
function incident(o: Partial<Incident> & { instructions?: object[] } = {}): Incident {
  return {
    id: 'inc-1',
    title: '燃气爆炸',
    category: 'ACCIDENT',
    severity: 'II',
    possiblyMajor: false,
    occurredAt: sh('2024-10-03 14:00'),
    occurredAtEstimated: false,
    receivedAt: sh('2024-10-03 14:03'),
    receivedBy: 'o1',
    sourceChannel: 'PHONE',
    sourceUnitId: 'town-1',
    location: '',
    description: '',
    classified: false,
    status: 'RESOLVED',
    flags: [],
    sourceDelayMinutes: 3,
    obligations: [],
    timers: {},
    recipients: [],
    notifications: [],
    reports: [
      {
        id: 'rep-1',
        targetId: 'first-superior',
        mode: 'PHONE',
        kind: 'FIRST',
        content: '',
        reportedAt,
        reportedBy: 'o1',
        receiverName: '州值班室李四',
        documentRef: '',
        reportedWithoutInstruction: false,
      },
    ],
    instructions: [
      { id: 'ins-1', incidentId: 'inc-1', leaderId: 'head', givenAt, text: '全力救治', needsFollowUp: false },
    ],
    resolvedAt,
    ...o,
  } as Incident;
}

const line = (seq: number, action: string, at: Date, details: Record<string, unknown> = {}): ChronologyEntry => ({
  seq,
  action,
  at,
  actor: 'o1',
  details,
});

/** The record as the process left it: intake and report on record; acknowledgement, escalation, instruction and resolution not. */
function record(o: Partial<Chronology> = {}): Chronology {
  return {
    entries: [
      line(1, 'incident.received', sh('2024-10-03 14:03')),
      line(2, 'report.recorded', reportedAt, { reportId: 'rep-1' }),
    ],
    acknowledgement: { personId: 'l1', at: ackAt },
    escalatedTo: ['dir'],
    escalations: [
      { recipientId: 'dir', attempt: 2, at: sh('2024-10-03 14:09'), ledgerId: 'inc-1|ESCALATION|dir|2' },
      { recipientId: 'dir', attempt: 1, at: escalatedAt, ledgerId: 'inc-1|ESCALATION|dir|1' },
    ],
    ...o,
  };
}

/** What the store does with a plan: the rebuilt lines go after the last line, the chain order continuing. */
const append = (c: Chronology, lines: RebuiltLine[]): Chronology => ({
  ...c,
  entries: [
    ...c.entries,
    ...lines.map((l, k) => ({ seq: c.entries.length + k + 1, actor: 'keeper', role: 'LOG_CUSTODIAN', ...l })),
  ],
});

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof DutyError ? e.code : String(e);
  }
  return 'no error';
};

describe(planChronologyRepair.name, () => {
  it('rebuilds each step a stored record proves, at the time it happened, marked with who rebuilt it, when and from what (spec duty §6 LG-3, LG-4)', () => {
    const plan = planChronologyRepair(incident(), record(), 'keeper', repairAt);
    expect(plan.unrepaired).toEqual([]);
    // in the order the facts happened, whatever order the gaps were found in
    expect(plan.lines.map((l) => [l.action, l.at])).toEqual([
      ['incident.acknowledged', ackAt],
      ['incident.escalated', escalatedAt],
      ['instruction.recorded', givenAt],
      ['incident.resolved', resolvedAt],
    ]);
    const [ack, esc, ins] = plan.lines;
    expect(ack?.details).toEqual({
      personId: 'l1',
      reconstructed: {
        by: 'keeper',
        at: repairAt,
        from: 'acknowledgements/inc-1',
        fills: 'the acknowledgement by l1 is not on record',
      },
    });
    // the first notification the ledger holds for the person, not the repeat
    expect(esc?.details).toMatchObject({
      steps: [{ recipientId: 'dir', step: 'ESCALATION', attempt: 1 }],
      reconstructed: { from: 'deliveries/inc-1|ESCALATION|dir|1' },
    });
    expect(ins?.details).toMatchObject({ instructionId: 'ins-1', personId: 'head' });
  });

  it('once the rebuilt lines are on record the chronology is complete and the custodian can close (spec duty §6 LG-3, §9.10)', () => {
    const i = incident();
    const before = record();
    expect(codeOf(() => closeIncident(i, 'keeper', before, repairAt))).toBe('LOG_CHRONOLOGY_INCOMPLETE');
    const after = append(before, planChronologyRepair(i, before, 'keeper', repairAt).lines);
    expect(chronologyGaps(i, after)).toEqual([]);
    expect(closeIncident(i, 'keeper', after, repairAt).incident.status).toBe('CLOSED');
  });

  it('finds nothing left to rebuild the second time, so a repeated repair appends nothing (spec duty §6 LG-4)', () => {
    const i = incident();
    const once = append(record(), planChronologyRepair(i, record(), 'keeper', repairAt).lines);
    expect(planChronologyRepair(i, once, 'keeper', sh('2024-10-04 09:05'))).toEqual({ lines: [], unrepaired: [] });
  });

  it('leaves an altered chain unrepaired and rebuilds nothing on top of it (spec duty §6 LG-4)', () => {
    const plan = planChronologyRepair(incident(), record({ brokenAt: 2 }), 'keeper', repairAt);
    expect(plan.lines).toEqual([]);
    expect(plan.unrepaired.map((u) => u.gap)).toEqual([
      'the audit chain does not verify from entry 2',
      'the acknowledgement by l1 is not on record',
      'the escalation to dir is not on record',
      'instruction ins-1 is not on record',
      'the resolution is not on record',
    ]);
    expect(plan.unrepaired[0]?.why).toMatch(/investigation/);
    expect(plan.unrepaired[1]?.why).toBe('not repaired while the audit chain does not verify');
  });

  it('reports a gap no stored record can fill and still fills the others (spec duty §6 LG-3)', () => {
    const plan = planChronologyRepair(incident(), record({ escalations: [] }), 'keeper', repairAt);
    expect(plan.unrepaired).toEqual([
      { gap: 'the escalation to dir is not on record', why: 'the delivery ledger holds no time for it' },
    ]);
    expect(plan.lines.map((l) => l.action)).toEqual([
      'incident.acknowledged',
      'instruction.recorded',
      'incident.resolved',
    ]);
  });

  it('repairs only while the incident waits to be closed (spec duty §9.10)', () => {
    for (const status of ['FOLLOWING_UP', 'CLOSED'] as const)
      expect(codeOf(() => planChronologyRepair(incident({ status }), record(), 'keeper', repairAt))).toBe(
        'INCIDENT_STATE',
      );
    const voided = incident({
      status: 'VOIDED',
      resolvedAt: undefined,
      voidedAt: resolvedAt,
      voidedBy: 'l1',
      voidReason: '误报',
    });
    const lines = planChronologyRepair(voided, record(), 'keeper', repairAt).lines;
    expect(lines.at(-1)).toMatchObject({
      action: 'incident.voided',
      at: resolvedAt,
      details: { reason: '误报', personId: 'l1' },
    });
  });
});

describe('signatures in the chronology', () => {
  const signedAt = sh('2024-10-03 14:30');
  const draft = (chain: WrittenDraft['chain']): WrittenDraft => ({
    id: 'wr-1',
    kind: 'FIRST',
    content: '书面报告',
    createdBy: 'o1',
    createdAt: sh('2024-10-03 14:15'),
    chain,
    status: 'SIGNED',
    signedAt,
  });
  const complete = (o: Partial<Chronology> = {}) => record({ acknowledgement: undefined, escalatedTo: [], ...o });
  const closedOut = (c: Chronology) => ({
    ...c,
    entries: [
      ...c.entries,
      line(10, 'instruction.recorded', givenAt, { instructionId: 'ins-1' }),
      line(11, 'incident.resolved', resolvedAt),
    ],
  });

  it('rebuilds the missing signature from its step, not one already on record (spec duty §6 LG-3, §9.7)', () => {
    const i = incident({
      drafts: [
        draft([
          { role: 'OFFICE_DEPUTY', action: 'REVIEW', personId: 'dep', actedAt: sh('2024-10-03 14:20') },
          { role: 'OFFICE_DIRECTOR', action: 'SIGN', personId: 'dir', actedAt: signedAt },
        ]),
      ],
    });
    const c = closedOut(complete());
    c.entries.push({
      ...line(12, 'written-report.approved', sh('2024-10-03 14:20'), { draftId: 'wr-1' }),
      actor: 'dep',
    });
    const plan = planChronologyRepair(i, c, 'keeper', repairAt);
    expect(plan.lines).toEqual([
      expect.objectContaining({
        action: 'written-report.approved',
        at: signedAt,
        details: expect.objectContaining({ draftId: 'wr-1', stepIndex: 1, personId: 'dir' }),
      }),
    ]);
    expect(chronologyGaps(i, append(c, plan.lines))).toEqual([]);
  });

  it('counts a step stood in for (WR-1) as recorded on the stand-in’s own line, not as a missing signature (spec duty §9.7)', () => {
    const i = incident({
      drafts: [
        draft([
          {
            role: 'OFFICE_DEPUTY',
            action: 'REVIEW',
            personId: 'dep',
            actedAt: signedAt,
            skipped: { by: 'dir', reason: '副主任未应答' },
          },
          { role: 'OFFICE_DIRECTOR', action: 'SIGN', personId: 'dir', actedAt: signedAt },
        ]),
      ],
    });
    const c = closedOut(complete());
    c.entries.push({ ...line(12, 'written-report.approved', signedAt, { draftId: 'wr-1' }), actor: 'dir' });
    expect(chronologyGaps(i, c)).toEqual([]);
  });
});

describe(byFactTime.name, () => {
  it('puts a line appended late at the time its fact happened (spec duty §6 LG-3 "in time order")', () => {
    const c = append(record(), planChronologyRepair(incident(), record(), 'keeper', repairAt).lines);
    const ordered = [...c.entries].sort(byFactTime);
    expect(ordered.map((e) => e.action)).toEqual([
      'incident.received',
      'incident.acknowledged',
      'incident.escalated',
      'report.recorded',
      'instruction.recorded',
      'incident.resolved',
    ]);
    expect(ordered.filter((e) => reconstructionOf(e)).map((e) => e.seq)).toEqual([3, 4, 5, 6]);
  });
});
