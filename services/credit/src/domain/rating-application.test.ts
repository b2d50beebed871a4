import type { CreditError } from './credit-error';
import {
  assessVillage,
  assessmentWarnings,
  isTerminal,
  pathAfterNotice,
  move,
  queueOrder,
  reviewByGroup,
  transitions,
  type RatingApplication,
} from './rating-application';

const at = new Date('2026-11-03T02:00:00Z');
const app = (o: Partial<RatingApplication> = {}): RatingApplication => ({
  id: 'ap-1',
  householdId: 'h1',
  villagerGroupId: 'g1',
  channel: 'VILLAGER_GROUP',
  state: 'SUBMITTED',
  priority: 0,
  submittedAt: at,
  history: [],
  ...o,
});
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as CreditError).code;
  }
  return 'none';
};

describe('rating application procedure (spec credit §5)', () => {
  it('§22-9: 23 households with 4 representatives is GROUP_REPRESENTATIVES_INSUFFICIENT; 5 distinct ones pass', () => {
    const review = (reps: string[]) =>
      reviewByGroup(
        [app()],
        {
          householdsInGroup: 23,
          representatives: reps,
          decisions: [{ applicationId: 'ap-1', approve: true, reason: '' }],
        },
        at,
      );
    expect(code(() => review(['r1', 'r2', 'r3', 'r4']))).toBe('GROUP_REPRESENTATIVES_INSUFFICIENT');
    expect(code(() => review(['r1', 'r2', 'r3', 'r4', 'r4']))).toBe('GROUP_REPRESENTATIVES_INSUFFICIENT');
    expect(review(['r1', 'r2', 'r3', 'r4', 'r5'])[0]!.state).toBe('INFO_COLLECTION');
  });
  it('needs a reason to reject at group review', () => {
    const reps = ['a', 'b', 'c', 'd', 'e'];
    expect(
      code(() =>
        reviewByGroup(
          [app()],
          {
            householdsInGroup: 23,
            representatives: reps,
            decisions: [{ applicationId: 'ap-1', approve: false, reason: '' }],
          },
          at,
        ),
      ),
    ).toBe('CREDIT_INPUT_INVALID');
    const [r] = reviewByGroup(
      [app()],
      {
        householdsInGroup: 23,
        representatives: reps,
        decisions: [{ applicationId: 'ap-1', approve: false, reason: '无劳动能力' }],
      },
      at,
    );
    expect(r).toMatchObject({
      state: 'GROUP_REJECTED',
      history: [{ from: 'SUBMITTED', to: 'GROUP_REJECTED', reason: '无劳动能力' }],
    });
  });
  it('follows the §5.2 table: no skipping steps, nothing leaves a terminal state', () => {
    expect(code(() => move(app(), 'CERTIFIED', at))).toBe('CREDIT_INPUT_INVALID');
    expect(code(() => move(app({ state: 'CERTIFIED' }), 'WITHDRAWN', at))).toBe('CREDIT_INPUT_INVALID');
    expect(
      ['GROUP_REJECTED', 'VILLAGE_REJECTED', 'BANK_REJECTED', 'CERTIFIED', 'WITHDRAWN'].every((s) =>
        isTerminal(s as never),
      ),
    ).toBe(true);
    const nonTerminal = Object.keys(transitions).filter((s) => !isTerminal(s as never));
    expect(nonTerminal.every((s) => transitions[s as keyof typeof transitions].includes('WITHDRAWN'))).toBe(true);
  });
  it('warns, without refusing, when the village meeting is outside the "generally" ranges (spec credit §5.2)', () => {
    expect(assessmentWarnings({ partyMembers: 30, partyReps: 6, households: 150, villagerReps: 10 })).toEqual([]);
    expect(assessmentWarnings({ partyMembers: 30, partyReps: 5, households: 150, villagerReps: 16 })).toEqual([
      'PARTY_REPS_OUTSIDE_6_10',
      'VILLAGER_REPS_OUTSIDE_10_15',
    ]);
  });
  it('queues registered poor households first, then by submission time (R4.1)', () => {
    const later = new Date(at.getTime() + 1000);
    const q = [
      app({ id: 'a', submittedAt: at }),
      app({ id: 'b', priority: 1, submittedAt: later }),
      app({ id: 'c', submittedAt: later }),
    ];
    expect(q.sort(queueOrder).map((a) => a.id)).toEqual(['b', 'a', 'c']);
  });

  it('the village assessment needs its participant roles, either leader will do (spec credit §5.1 step 4, §5.2)', () => {
    const meeting = {
      participantRoles: [
        'PARTY_SECRETARY',
        'TWO_COMMITTEES',
        'FIRST_SECRETARY',
        'WORK_TEAM',
        'TOWNSHIP_CONTACT_LEADER',
      ],
      partyMembers: 10,
      partyReps: 1,
      households: 30,
      villagerReps: 2,
    };
    const scored = [app({ state: 'SCORED' }), app({ id: 'ap-2', state: 'SCORED' })];
    const decisions = [
      { applicationId: 'ap-1', approve: true, reason: '' },
      { applicationId: 'ap-2', approve: false, reason: '评议未通过' },
    ];
    const r = assessVillage(scored, meeting, decisions, 'nt-1', at);
    expect(r.moved.map((a) => [a.state, a.noticeId])).toEqual([
      ['VILLAGE_NOTICE', 'nt-1'],
      ['VILLAGE_REJECTED', undefined],
    ]);
    // 10 Party members want 2-4 representatives: 1 is a warning, not a refusal
    expect(r.warnings).toEqual(['PARTY_REPS_OUTSIDE_2_4']);
    const without = { ...meeting, participantRoles: meeting.participantRoles.slice(0, 4) };
    expect(() => assessVillage(scored, without, decisions, 'nt-1', at)).toThrow(
      expect.objectContaining({ code: 'ASSESSMENT_PARTICIPANTS_MISSING' }) as CreditError,
    );
  });

  it('a notice outcome moves the application along the §5.2 table, and only from its notice states', () => {
    expect(pathAfterNotice('VILLAGE_NOTICE', 'VILLAGE', 'CERTIFIABLE')).toEqual(['BANK_ASSESSMENT']);
    expect(pathAfterNotice('VILLAGE_NOTICE', 'VILLAGE', 'HELD_BY_OBJECTION')).toEqual(['OBJECTION_REVIEW']);
    expect(pathAfterNotice('OBJECTION_REVIEW', 'VILLAGE', 'CERTIFIABLE')).toEqual(['BANK_ASSESSMENT']);
    expect(pathAfterNotice('VILLAGE_NOTICE', 'VILLAGE', 'REJECTED_BY_OBJECTION')).toEqual([
      'OBJECTION_REVIEW',
      'VILLAGE_REJECTED',
    ]);
    expect(pathAfterNotice('GRADE_NOTICE', 'GRADE', 'CERTIFIABLE')).toEqual(['CERTIFIED']);
    expect(pathAfterNotice('GRADE_NOTICE', 'GRADE', 'HELD_BY_OBJECTION')).toEqual(['OBJECTION_REVIEW_2']);
    expect(pathAfterNotice('OBJECTION_REVIEW_2', 'GRADE', 'REJECTED_BY_OBJECTION', 'RESCORE')).toEqual(['SCORED']);
    expect(pathAfterNotice('OBJECTION_REVIEW_2', 'GRADE', 'REJECTED_BY_OBJECTION')).toEqual(['BANK_REJECTED']);
    // already moved, or still pending: nothing to do
    expect(pathAfterNotice('BANK_ASSESSMENT', 'VILLAGE', 'CERTIFIABLE')).toEqual([]);
    expect(pathAfterNotice('GRADE_NOTICE', 'GRADE', 'PENDING')).toEqual([]);
  });
});
