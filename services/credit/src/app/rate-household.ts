import type { Actor } from '@gov/platform/auth';
import { systemActor } from '@gov/platform/auth';
import { completeReview } from '../domain/certificate-review';
import type { CreditLine } from '../domain/credit-line';
import { CreditError } from '../domain/credit-error';
import type { Household, Rating } from '../domain/household';
import { roleFor } from '../domain/permissions';
import type { RatingPolicy } from '../domain/policy';
import { gradeAtMost, scoreHousehold, type CreditInfo } from '../domain/rating';
import { derivedId } from './households';
import type { Clock, CreditEvent, CreditLines, Households, Idempotency } from './ports';

/** Builds the immutable rating of a household under the active rule version (spec credit §7). */
export function rateOne(h: Household, info: CreditInfo, policy: RatingPolicy, id: string, at: Date): Rating {
  return { id, householdId: h.id, computedAt: at, info, ...scoreHousehold(info, h.povertyStatus, policy) };
}

/**
 * Dynamic management (spec credit §9.3, §17): a lower grade lowers the limit at once, NONE revokes; a higher
 * grade waits for the bank (R17.3), so it changes nothing here.
 */
export function applyRatingToLine(
  line: CreditLine,
  rating: Rating,
  at: Date,
): { line: CreditLine; events: CreditEvent[] } | undefined {
  // an expired certificate is not revoked or regraded: the next certificate comes from a new rating (§9.3)
  if (line.status === 'REVOKED' || line.status === 'EXPIRED') return undefined;
  if (rating.grade === 'NONE') {
    const revoked: CreditLine = { ...line, status: 'REVOKED' };
    const reason = rating.vetoCodes.length > 0 ? `VETO_${rating.vetoCodes.join('_')}` : 'GRADE_NONE';
    return { line: revoked, events: [{ type: 'CertificateRevoked', line: revoked, reason, at }] };
  }
  if (rating.grade === line.grade || gradeAtMost(line.grade, rating.grade)) return undefined;
  const regraded: CreditLine = { ...line, grade: rating.grade, limitFen: Math.min(line.limitFen, rating.capFen) };
  return {
    line: regraded,
    events: [
      {
        type: 'CertificateRegraded',
        line: regraded,
        oldGrade: line.grade,
        oldLimitFen: line.limitFen,
        reason: 'RESCORE',
        at,
      },
    ],
  };
}

/** 评分 use case: score, store the card with its explanation, and carry the result to an existing line. */
export function createRateHousehold(deps: {
  households: Households;
  lines: CreditLines;
  idempotency: Idempotency;
  clock: Clock;
  policy: () => RatingPolicy;
  /** Months to the next certificate review once a rating completes a due one (§9.3 [inferred]). */
  reviewIntervalMonths: number;
  /** After a rating is stored: moves the household's application on (spec credit §5.2 INFO_COLLECTION → SCORED). */
  onRated?: (householdId: string, ratingId: string) => Promise<void>;
}) {
  async function rate(
    householdId: string,
    info: CreditInfo,
    ratingId: string,
    actor: Actor,
    role: string,
    reason: string,
  ) {
    const stored = await deps.households.get(householdId);
    if (!stored) throw new CreditError('HOUSEHOLD_NOT_FOUND', `household ${householdId} does not exist`);
    const at = deps.clock.now();
    // a retry after a crash finds its rating stored and only finishes the line step
    const done = stored.value.latestRating?.id === ratingId ? stored.value.latestRating : undefined;
    const rating = done ?? rateOne(stored.value, info, deps.policy(), ratingId, at);
    if (!done) {
      const household = { ...stored.value, latestRating: rating };
      await deps.households.update(
        household,
        stored.version,
        [{ type: 'ScoreComputed', household, rating }],
        {
          action: 'household.rated',
          actor,
          role,
          reason,
          at,
          details: {
            ratingId,
            total: rating.total,
            grade: rating.grade,
            policyVersion: rating.policyVersion,
            vetoCodes: rating.vetoCodes,
          },
        },
        stored,
      );
    }
    await deps.onRated?.(householdId, ratingId);
    const line = await deps.lines.findByHousehold(householdId);
    const change = line && applyRatingToLine(line.value, rating, at);
    // a rating while the annual review is due completes it, in the same write as any grade change
    const reviewed = line && completeReview(change?.line ?? line.value, at, deps.reviewIntervalMonths);
    const next = reviewed ?? change?.line;
    if (line && next)
      await deps.lines.update(
        next,
        line.version,
        [
          ...(change?.events ?? []),
          ...(reviewed ? [{ type: 'CertificateReviewed' as const, line: reviewed, ratingId, at }] : []),
        ],
        {
          action: !change
            ? 'certificate.reviewed'
            : next.status === 'REVOKED'
              ? 'certificate.revoked'
              : 'certificate.regraded',
          actor,
          role,
          reason: `re-score ${ratingId}: ${rating.grade}`,
          at,
          details: { grade: next.grade, limitFen: next.limitFen, reviewed: reviewed !== undefined },
        },
        line,
      );
    return rating;
  }

  return {
    async rateHousehold(cmd: { idempotencyKey: string; householdId: string; info: CreditInfo }, actor: Actor) {
      const role = roleFor(actor, 'rateHousehold');
      const scope = `credit.rateHousehold:${actor.userId}`;
      const ratingId = derivedId('rt', scope, cmd.idempotencyKey);
      await deps.idempotency.run(scope, cmd.idempotencyKey, cmd, async () => {
        await rate(cmd.householdId, cmd.info, ratingId, actor, role, 'rating requested');
        return { ratingId };
      });
      const stored = await deps.households.get(cmd.householdId);
      return stored!.value.latestRating!;
    },
    /** Re-score triggered by an event (spec credit §17 R17.1 b, c); the rating id comes from the event id. */
    async rescore(householdId: string, change: Partial<CreditInfo>, eventId: string, reason: string) {
      const stored = await deps.households.get(householdId);
      const prev = stored?.value.latestRating;
      if (!prev) throw new CreditError('NOT_RATED', `household ${householdId} has no rating to update`);
      return rate(
        householdId,
        { ...prev.info, ...change },
        derivedId('rt', 'event', eventId),
        systemActor,
        'SYSTEM',
        reason,
      );
    },
  };
}
