import { addMonthsTo, completeReview, flagReviewDue, reviewDueAt } from './certificate-review';
import type { CreditLine } from './credit-line';
import { defaultLendingPolicy as p } from './policy';

const issuedAt = new Date('2026-11-09T01:00:00Z');
const line = (o: Partial<CreditLine> = {}) =>
  ({
    id: 'cl-1',
    status: 'ACTIVE',
    issuedAt,
    validUntil: new Date('2029-11-09T01:00:00Z'),
    nextReviewAt: addMonthsTo(issuedAt, 12),
    ...o,
  }) as CreditLine;

describe('annual certificate review (spec credit §9.3, R17.1 d)', () => {
  it('§9.3 [inferred]: a review every 12 months, configurable; month ends clamp like loan maturities', () => {
    expect(p.reviewIntervalMonths).toBe(12);
    expect(addMonthsTo(new Date('2027-01-31T04:00:00Z'), 1).toISOString()).toBe('2027-02-28T04:00:00.000Z');
    expect(addMonthsTo(new Date('2028-02-29T04:00:00Z'), -12).toISOString()).toBe('2027-02-28T04:00:00.000Z');
  });
  it('§9.3: flags a live line once its review date has come, not a second time, not before', () => {
    const due = new Date('2027-11-09T01:00:00Z');
    expect(flagReviewDue(line(), new Date(due.getTime() - 1), 12)).toBeUndefined();
    const flagged = flagReviewDue(line({ status: 'FROZEN' }), due, 12);
    expect(flagged).toMatchObject({ reviewDueSince: due, nextReviewAt: due });
    expect(flagReviewDue(flagged!, due, 12)).toBeUndefined();
    expect(flagReviewDue(line({ status: 'REVOKED' }), due, 12)).toBeUndefined();
    expect(flagReviewDue(line({ status: 'EXPIRED' }), due, 12)).toBeUndefined();
  });
  it('§9.3: a line without a review date is first due a year after issue; a review at the end of validity is left to expiry', () => {
    expect(reviewDueAt(line({ nextReviewAt: undefined }), 12).toISOString()).toBe('2027-11-09T01:00:00.000Z');
    const third = line({ nextReviewAt: new Date('2029-11-09T01:00:00Z') });
    expect(flagReviewDue(third, new Date('2029-11-10T00:00:00Z'), 12)).toBeUndefined();
  });
  it('R17.1 d: a rating while the review is due completes it and sets the next a year on; otherwise nothing', () => {
    const at = new Date('2027-11-20T02:00:00Z');
    expect(completeReview(line(), at, 12)).toBeUndefined();
    const done = completeReview(line({ reviewDueSince: new Date('2027-11-09T01:00:00Z') }), at, 12);
    expect(done).toMatchObject({ reviewDueSince: null, lastReviewedAt: at, nextReviewAt: addMonthsTo(at, 12) });
    expect(completeReview(line({ status: 'REVOKED', reviewDueSince: at }), at, 12)).toBeUndefined();
  });
});
