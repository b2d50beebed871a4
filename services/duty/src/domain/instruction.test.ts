import { closeFollowUp, recordInstruction } from './instruction';
import { sh } from './duty.fixtures';

const base = {
  id: 'ins-1',
  incidentId: 'inc-1',
  leaderId: 'head',
  givenAt: sh('2024-10-03 15:00'),
  text: '各相关部门抓紧排查，三日内报结果',
  needsFollowUp: true,
  followUpDays: 3,
  suggestedLeadUnit: '',
};

describe('recordInstruction', () => {
  it('gives an instruction needing follow-up a due time 3 days after it was given (spec duty §19 scenario 24, LI-3)', () => {
    expect(recordInstruction(base).followUpDueAt).toEqual(sh('2024-10-06 15:00'));
  });

  it('rejects an empty instruction and a time limit on one that needs no follow-up (spec duty §9.9 LI-2)', () => {
    expect(() => recordInstruction({ ...base, text: ' ' })).toThrow(
      expect.objectContaining({ code: 'INCIDENT_INVALID' }),
    );
    expect(() => recordInstruction({ ...base, needsFollowUp: false })).toThrow(
      expect.objectContaining({ code: 'INCIDENT_INVALID' }),
    );
  });
});

describe(closeFollowUp.name, () => {
  const verdict = {
    itemId: 'duty-instruction-ins-1',
    via: 'CLOSED' as const,
    outcome: 'COMPLETED_ON_TIME',
    at: sh('2024-10-05 10:00'),
  };

  it('marks an instruction needing follow-up DONE once supervision finishes its item (spec duty §9.9 LI-2, §16.2)', () => {
    const ins = recordInstruction(base);
    expect(ins.status).toBe('OPEN');
    const done = closeFollowUp(ins, verdict)!;
    expect(done).toMatchObject({ status: 'DONE', followUp: verdict });
    expect(closeFollowUp(done, { ...verdict, via: 'COMPLETED' })).toBeNull();
  });

  it('leaves an instruction that asked for no follow-up as it is (spec duty §9.9 LI-3)', () => {
    expect(closeFollowUp(recordInstruction({ ...base, needsFollowUp: false, followUpDays: 0 }), verdict)).toBeNull();
  });
});
