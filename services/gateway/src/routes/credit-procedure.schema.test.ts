import { reviewApplicationsBody, screenHouseholdBody, submitApplicationBody } from './credit-procedure.schema';

describe('credit procedure request schemas', () => {
  it('takes an application channel by name and a group review with at least one decision (spec credit §5.1)', () => {
    expect(submitApplicationBody.safeParse({ householdId: 'hh-1', channel: 'VILLAGER_GROUP' }).success).toBe(true);
    expect(submitApplicationBody.safeParse({ householdId: 'hh-1', channel: 'POST_OFFICE' }).success).toBe(false);
    const review = { householdsInGroup: 23, representatives: ['a', 'b'], decisions: [] };
    expect(reviewApplicationsBody.safeParse(review).success).toBe(false);
    expect(
      reviewApplicationsBody.parse({ ...review, decisions: [{ applicationId: 'ap-1', approve: true }] }).decisions[0],
    ).toEqual({ applicationId: 'ap-1', approve: true, reason: '' });
  });
  it('refuses a screening condition outside the twelve of spec credit §4 R4.2, and one without evidence', () => {
    const check = { code: 'S-3Y3', satisfied: false, evidenceRef: 'declaration-7' };
    expect(screenHouseholdBody.safeParse({ checks: [check] }).success).toBe(true);
    expect(screenHouseholdBody.safeParse({ checks: [{ ...check, code: 'S-4X1' }] }).success).toBe(false);
    expect(screenHouseholdBody.safeParse({ checks: [{ ...check, evidenceRef: ' ' }] }).success).toBe(false);
  });
});
