import type { CreditLine } from './credit-line';

/** Lines that still lend or may lend again; revoked and expired lines are never reviewed. */
const live = (l: CreditLine) => l.status === 'ACTIVE' || l.status === 'FROZEN' || l.status === 'SUSPENDED';

/** The same instant `months` calendar months later (day clamped to the month's end, as loan maturities are). */
export function addMonthsTo(at: Date, months: number): Date {
  const d = new Date(at);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

/** When the line's next annual review falls due (a line without the field: one interval after issue). */
export const reviewDueAt = (l: CreditLine, intervalMonths: number): Date =>
  l.nextReviewAt ? new Date(l.nextReviewAt) : addMonthsTo(new Date(l.issuedAt), intervalMonths);

/**
 * Flags the review as due (spec credit §9.3 "annual review", R17.1 d [inferred]) on a live, unflagged line whose
 * review date has come — unless the certificate ends first: a review on or after validUntil is replaced by expiry.
 */
export function flagReviewDue(l: CreditLine, at: Date, intervalMonths: number): CreditLine | undefined {
  const due = reviewDueAt(l, intervalMonths);
  if (!live(l) || l.reviewDueSince || due.getTime() > at.getTime()) return undefined;
  if (due.getTime() >= new Date(l.validUntil).getTime()) return undefined;
  return { ...l, nextReviewAt: due, reviewDueSince: at };
}

/** A rating made while the review is due completes it; the next review falls one interval later. */
export function completeReview(l: CreditLine, at: Date, intervalMonths: number): CreditLine | undefined {
  if (!live(l) || !l.reviewDueSince) return undefined;
  return { ...l, reviewDueSince: null, lastReviewedAt: at, nextReviewAt: addMonthsTo(at, intervalMonths) };
}
