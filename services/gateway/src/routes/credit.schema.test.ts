import { decideCreditBody, drawLoanBody, rateHouseholdBody, registerHouseholdBody } from './credit.schema';

describe('credit request schemas', () => {
  it('takes money as whole fen in a decimal string, never a float (spec credit §0.3)', () => {
    const draw = { bankLoanNo: 'B1', principalFen: '5000000', termMonths: 36, rateBp: 475, contractDate: '2026-11-10' };
    expect(drawLoanBody.safeParse(draw).success).toBe(true);
    expect(drawLoanBody.safeParse({ ...draw, principalFen: 50000.5 }).success).toBe(false);
    expect(drawLoanBody.safeParse({ ...draw, principalFen: '50000.50' }).success).toBe(false);
  });
  it('refuses unknown fields so typos surface, and defaults every unrecorded fact to false or zero', () => {
    expect(rateHouseholdBody.safeParse({ headIsPartyMenber: true }).success).toBe(false);
    expect(rateHouseholdBody.parse({})).toMatchObject({
      headIsPartyMember: false,
      businessScaleFen: '0',
      highestHonorLevel: 'NONE',
    });
  });
  it('needs a valid-looking identity number and mobile number', () => {
    const h = {
      townshipId: 't',
      villageId: 'v',
      villagerGroupId: 'g',
      headName: '张三',
      headIdNumber: '11010519491231002X',
      phone: '13912345678',
      povertyStatus: 'NONE',
    };
    expect(registerHouseholdBody.safeParse(h).success).toBe(true);
    expect(registerHouseholdBody.safeParse({ ...h, headIdNumber: '1101051949' }).success).toBe(false);
  });
  it('requires reason, cause and evidence on a rejection, and a grade above NONE on an approval (spec credit §5 step 6)', () => {
    expect(
      decideCreditBody.safeParse({
        householdId: 'h',
        approve: false,
        rejectionReason: 'x',
        rejectionCause: 'y',
        evidenceRefs: [],
      }).success,
    ).toBe(false);
    expect(
      decideCreditBody.safeParse({
        householdId: 'h',
        approve: false,
        rejectionReason: 'x',
        rejectionCause: 'y',
        evidenceRefs: ['d'],
      }).success,
    ).toBe(true);
    expect(decideCreditBody.safeParse({ householdId: 'h', approve: true, grade: 'NONE', limitFen: '1' }).success).toBe(
      false,
    );
    expect(
      decideCreditBody.safeParse({ householdId: 'h', approve: true, grade: 'AA', limitFen: '10000000' }).success,
    ).toBe(true);
  });
});
