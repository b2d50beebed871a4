import type { CreditError } from './credit-error';
import {
  assessmentWarnings,
  isTerminal,
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
});
