import { consequenceOf } from './discipline';

describe('consequenceOf', () => {
  it('withholds 50 % of the month for the first circular of the year, all of it and a failing rating for the second (spec duty §19 scenario 25, §11.2 PN-2/PN-3)', () => {
    expect(consequenceOf({ type: 'LATE_REPORT', causedByLeavingPost: true, circularsThisYear: 1 })).toBe(
      'WITHHOLD_50_PCT_MONTH',
    );
    expect(consequenceOf({ type: 'LATE_REPORT', causedByLeavingPost: true, circularsThisYear: 2 })).toBe(
      'WITHHOLD_FULL_MONTH_AND_YEAR_END_UNSATISFACTORY',
    );
  });

  it('gives no penalty without a circular or without leaving the post (spec duty §11.2; a late check-in alone is no penalty, §5)', () => {
    expect(consequenceOf({ type: 'LATE_REPORT', causedByLeavingPost: true, circularsThisYear: 0 })).toBe('NONE');
    expect(consequenceOf({ type: 'CONCEALED_REPORT', causedByLeavingPost: false, circularsThisYear: 1 })).toBe('NONE');
    expect(consequenceOf({ type: 'LATE_CHECKIN', causedByLeavingPost: true, circularsThisYear: 3 })).toBe('NONE');
  });

  it('withholds 50 % with organisational handling for a matter shelved with impact (spec duty §11.2 PN-1)', () => {
    expect(consequenceOf({ type: 'SHELVED_MATTER', causedByLeavingPost: false, circularsThisYear: 0 })).toBe(
      'WITHHOLD_50_PCT_MONTH_AND_ORG_HANDLING',
    );
  });
});
