import { policy2017v1 as p, withBoundarySetting } from './policy';
import { emptyCreditInfo, gradeOf, scoreHousehold, type CreditInfo } from './rating';

const info = (o: Partial<CreditInfo> = {}): CreditInfo => ({ ...emptyCreditInfo(), hasIncomeProject: true, ...o });
const points = (card: ReturnType<typeof scoreHousehold>, code: string) =>
  card.items.find((i) => i.code === code)?.points ?? 0;
const yuan = (y: number) => Math.round(y * 100);

describe(scoreHousehold.name, () => {
  it('Ex-1: a registered poor household scores 94 → AA with a 100,000 yuan cap (spec credit §7.6)', () => {
    const card = scoreHousehold(
      info({
        headIsPartyMember: true,
        headHealthy: true,
        forestRightCertificate: true,
        landContractCertificate: true,
        familyHarmonious: true,
        neighbourHarmonious: true,
        commercialInsuranceInForce: true,
      }),
      'REGISTERED_POOR',
      p,
    );
    expect(card).toMatchObject({
      total: 94,
      grade: 'AA',
      capFen: yuan(100_000),
      povertyBonus: 3,
      policyVersion: '2017-33-v1',
    });
    expect(card.items.map((i) => [i.code, i.points])).toEqual([
      ['BASE', 80],
      ['P1', 2],
      ['P3', 3],
      ['P5', 2],
      ['P8', 2],
      ['P10', 2],
      ['POVERTY_BONUS', 3],
    ]);
    expect(card.items.reduce((s, i) => s + i.points, 0)).toBe(card.total);
  });
  it('Ex-2: a non-poor household with no project and one past overdue scores 68 → NONE (spec credit §7.6)', () => {
    const card = scoreHousehold(
      info({ headHealthy: true, hasIncomeProject: false, historicalOverdueCount: 1 }),
      'NONE',
      p,
    );
    expect(card).toMatchObject({ total: 68, grade: 'NONE', capFen: 0 });
    expect(points(card, 'D1')).toBe(-8);
    expect(points(card, 'D3')).toBe(-5);
  });
  it('Ex-3: every addition item at its cap plus the bonus scores 106 → AAA+ (spec credit §7.6)', () => {
    const card = scoreHousehold(
      info({
        headIsPartyMember: true,
        headHasJuniorCollegeOrAbove: true,
        headHealthy: true,
        anyMemberMilitaryService: true,
        homesteadHouseAppraisedValueFen: yuan(200_000),
        businessFixedPremises: true,
        businessLawfullyRegistered: true,
        businessScaleFen: yuan(60_000),
        forestRightCertificate: true,
        landContractCertificate: true,
        homesteadCertificate: true,
        registeredEquipmentValueFen: [yuan(120_000), yuan(60_000)],
        highestHonorLevel: 'DISTRICT_OR_ABOVE',
        familyHarmonious: true,
        neighbourHarmonious: true,
        commercialInsuranceInForce: true,
      }),
      'REGISTERED_LIFTED',
      p,
    );
    expect(card).toMatchObject({ total: 106, grade: 'AAA+', capFen: yuan(200_000) });
  });
  it('Ex-4 and V4: a guarantee for an overdue loan zeroes a 99 score (spec credit §7.4, §7.6)', () => {
    const strong = info({
      headIsPartyMember: true,
      headHasJuniorCollegeOrAbove: true,
      headHealthy: true,
      anyMemberMilitaryService: true,
      homesteadHouseAppraisedValueFen: yuan(250_000),
      highestHonorLevel: 'TOWNSHIP',
      forestRightCertificate: true,
      landContractCertificate: true,
      homesteadCertificate: true,
      registeredEquipmentValueFen: [yuan(60_000)],
      familyHarmonious: true,
      neighbourHarmonious: true,
      commercialInsuranceInForce: true,
    });
    expect(scoreHousehold(strong, 'NONE', p).total).toBe(99);
    const card = scoreHousehold({ ...strong, guaranteeForOthersCurrentlyOverdue: true }, 'NONE', p);
    expect(card).toMatchObject({ total: 0, grade: 'NONE', capFen: 0, vetoCodes: ['V4'], povertyBonus: 0 });
  });
  it('§22-1: Party member and fungi project for a poor household give 87 → AA', () => {
    const card = scoreHousehold(info({ headIsPartyMember: true }), 'REGISTERED_POOR', p);
    expect(card).toMatchObject({ total: 87, grade: 'AA', capFen: yuan(100_000) });
  });
  it('§22-2: a current dishonest-debtor listing vetoes a 98 score to 0 / NONE with V2 (R7.2, C5)', () => {
    const ninetyEight = info({
      headIsPartyMember: true,
      headHasJuniorCollegeOrAbove: true,
      headHealthy: true,
      anyMemberMilitaryService: true,
      homesteadHouseAppraisedValueFen: yuan(300_000),
      highestHonorLevel: 'VILLAGE',
      familyHarmonious: true,
      neighbourHarmonious: true,
    });
    expect(scoreHousehold(ninetyEight, 'NONE', p).total).toBe(92);
    const card = scoreHousehold(
      {
        ...ninetyEight,
        commercialInsuranceInForce: true,
        highestHonorLevel: 'DISTRICT_OR_ABOVE',
        currentlyOnDishonestList: true,
      },
      'NONE',
      p,
    );
    expect(card).toMatchObject({ total: 0, grade: 'NONE', capFen: 0, vetoCodes: ['V2'] });
    expect(card.items.map((i) => i.code)).toEqual(['V2']);
  });
  it('lists every veto that applies, V1 to V4 (spec credit §7.4)', () => {
    const card = scoreHousehold(
      info({
        pornGamblingDrugs: true,
        currentlyUnderEnforcement: true,
        currentOverdueOrNpl: true,
        guaranteeForOthersCurrentlyOverdue: true,
      }),
      'REGISTERED_POOR',
      p,
    );
    expect(card.vetoCodes).toEqual(['V1', 'V2', 'V3', 'V4']);
  });
  it('§22-5: P5 caps at 3 and P8 at 2 (spec credit §7.2)', () => {
    const card = scoreHousehold(
      info({
        forestRightCertificate: true,
        landContractCertificate: true,
        homesteadCertificate: true,
        familyHarmonious: true,
        neighbourHarmonious: true,
      }),
      'NONE',
      p,
    );
    expect(points(card, 'P5')).toBe(3);
    expect(points(card, 'P8')).toBe(2);
    expect(card.total).toBe(80 + 3 + 3 + 2);
  });
  it('§22-6: P4 is 0 at exactly 100,000 yuan and +2 at exactly 50,000 yuan (不含10万元, C10)', () => {
    const business = (scale: number) =>
      points(
        scoreHousehold(
          info({ businessFixedPremises: true, businessLawfullyRegistered: true, businessScaleFen: scale }),
          'NONE',
          p,
        ),
        'P4',
      );
    expect(business(yuan(100_000))).toBe(0);
    expect(business(yuan(50_000))).toBe(2);
    expect(business(yuan(99_999.99))).toBe(2);
    expect(business(yuan(49_999.99))).toBe(0);
  });
  it('§22-7: D4 brackets at 200,000 / 199,999.99 / 300,000 yuan (spec credit §7.3)', () => {
    const d4 = (fen: number) => points(scoreHousehold(info({ externalGuaranteeTotalFen: fen }), 'NONE', p), 'D4');
    expect(d4(yuan(200_000))).toBe(-8);
    expect(d4(yuan(199_999.99))).toBe(-5);
    expect(d4(yuan(300_000))).toBe(-10);
    expect(d4(1)).toBe(-5);
    expect(d4(0)).toBe(0);
  });
  // The spec's scenario text says "2×5 + 10 = −25"; the rule it cites (−5 per overdue, −10 per NPL) gives −20.
  it('§22-8: D3 deducts per occurrence, 2 overdues and 1 NPL = 2×(−5) + (−10) = −20, no veto when settled', () => {
    const card = scoreHousehold(info({ historicalOverdueCount: 2, historicalNplCount: 1 }), 'NONE', p);
    expect(points(card, 'D3')).toBe(-20);
    expect(card.vetoCodes).toEqual([]);
  });
  it('D6 deducts 15 for historical court records only; a current one is a veto instead (C5)', () => {
    expect(points(scoreHousehold(info({ onDishonestListHistorically: true }), 'NONE', p), 'D6')).toBe(-15);
    expect(
      scoreHousehold(info({ enforcementRecordWithin3Years: true, currentlyUnderEnforcement: true }), 'NONE', p)
        .vetoCodes,
    ).toEqual(['V2']);
  });
  it('P6 takes the highest single item, P7 the highest honour only, P9 adds per property (C11)', () => {
    const card = scoreHousehold(
      info({
        registeredEquipmentValueFen: [yuan(60_000), yuan(70_000)],
        highestHonorLevel: 'VILLAGE',
        urbanProperties: [
          { hasCertificateOrGovProof: true, mortgaged: false, registeredAreaDm2: 7500 },
          { hasCertificateOrGovProof: true, mortgaged: false, registeredAreaDm2: 5000 },
          { hasCertificateOrGovProof: true, mortgaged: true, registeredAreaDm2: 9000 },
          { hasCertificateOrGovProof: true, mortgaged: false, registeredAreaDm2: 4999 },
        ],
      }),
      'NONE',
      p,
    );
    expect([points(card, 'P6'), points(card, 'P7'), points(card, 'P9')]).toEqual([1, 1, 3]);
  });
  it('D2 deducts for each recorded disharmony and each illegal petition, without a cap (spec credit §7.3)', () => {
    const card = scoreHousehold(
      info({ familyDisharmonyRecorded: true, neighbourDisharmonyRecorded: true, illegalPetitionsLast12Months: 3 }),
      'NONE',
      p,
    );
    expect(points(card, 'D2')).toBe(-5);
  });
  it('floors the score at 0 (R7.4)', () => {
    const card = scoreHousehold(info({ historicalNplCount: 9, hasIncomeProject: false }), 'NONE', p);
    expect(card.total).toBe(0);
  });
});

describe(gradeOf.name, () => {
  it('§22-3: 100 is AAA (150,000 yuan) and 101 is AAA+ (200,000 yuan) by default (C3)', () => {
    expect(gradeOf(100, p)).toEqual({ grade: 'AAA', capFen: yuan(150_000) });
    expect(gradeOf(101, p)).toEqual({ grade: 'AAA+', capFen: yuan(200_000) });
  });
  it('the C3 boundary is a setting: with aaaPlusIncludes100, 100 is AAA+ under its own rule version', () => {
    const inclusive = withBoundarySetting(p, true);
    expect(gradeOf(100, inclusive).grade).toBe('AAA+');
    expect(inclusive.version).not.toBe(p.version);
    expect(gradeOf(100, p).grade).toBe('AAA');
  });
  it('§22-4: 79 is NONE with no credit, 80 is A with 50,000 yuan; band edges 86/87 and 95/96 (spec credit §8)', () => {
    expect(gradeOf(79, p)).toEqual({ grade: 'NONE', capFen: 0 });
    expect(gradeOf(80, p)).toEqual({ grade: 'A', capFen: yuan(50_000) });
    expect([gradeOf(86, p).grade, gradeOf(87, p).grade, gradeOf(95, p).grade, gradeOf(96, p).grade]).toEqual([
      'A',
      'AA',
      'AA',
      'AAA',
    ]);
  });
});
