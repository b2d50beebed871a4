import type { Actor } from '@gov/platform/auth';
import { systemActor } from '@gov/platform/auth';
import { completeReview } from '../domain/certificate-review';
import type { CreditLine } from '../domain/credit-line';
import { CreditError } from '../domain/credit-error';
import type { Household, Rating } from '../domain/household';
import { roleFor } from '../domain/permissions';
import type { RatingPolicy } from '../domain/policy';
import { scoreHousehold, type CreditInfo } from '../domain/rating';
import { regrade } from '../domain/regrade';
import { derivedId } from './households';
import type { CheckJurisdiction } from './jurisdiction';
import type { Clock, CreditEvent, CreditLines, Households, Idempotency } from './ports';

/** Builds the immutable rating of a household under the active rule version (spec credit §7). */
export function rateOne(h: Household, info: CreditInfo, policy: RatingPolicy, id: string, at: Date): Rating {
  return { id, householdId: h.id, computedAt: at, info, ...scoreHousehold(info, h.povertyStatus, policy) };
}

/**
 * Dynamic management (spec credit §9.3, §17) of the line after a re-score, as domain/regrade.ts decides it: NONE
 * revokes, a lower grade lowers the limit at once, a higher one waits for the bank's confirmation (R17.3) if the
 * household has had no overdue for the configured months (R16.2). Returns the line and its events.
 */
export function applyRatingToLine(
  line: CreditLine,
  rating: Rating,
  at: Date,
  cleanMonths: number,
): { line: CreditLine; events: CreditEvent[]; action: string } | undefined {
  const o = regrade(line, rating, at, cleanMonths);
  if (!o) return undefined;
  switch (o.kind) {
    case 'REVOKED':
      return {
        line: o.line,
        action: 'certificate.revoked',
        events: [{ type: 'CertificateRevoked', line: o.line, reason: o.reason, at }],
      };
    case 'DOWNGRADED':
      return {
        line: o.line,
        action: 'certificate.regraded',
        events: [
          {
            type: 'CertificateRegraded',
            line: o.line,
            oldGrade: line.grade,
            oldLimitFen: line.limitFen,
            reason: 'RESCORE',
            at,
          },
        ],
      };
    case 'UPGRADE_PENDING':
      return {
        line: o.line,
        action: 'certificate.upgrade-pending',
        events: [{ type: 'CertificateUpgradePending', line: o.line, upgrade: o.pending, at }],
      };
    case 'UPGRADE_WITHDRAWN':
      return {
        line: o.line,
        action: 'certificate.upgrade-withdrawn',
        events: [
          { type: 'CertificateUpgradePending', line: o.line, upgrade: o.withdrawn, withdrawnReason: o.reason, at },
        ],
      };
  }
}

/**
 * 评分 use case: score, store the card with its explanation, and carry the result to an existing line. A station
 * rates only households of its township; the re-scores events trigger run as the service.
 */
export function createRateHousehold(deps: {
  households: Households;
  jurisdiction: CheckJurisdiction;
  lines: CreditLines;
  idempotency: Idempotency;
  clock: Clock;
  policy: () => RatingPolicy;
  /** Months to the next certificate review once a rating completes a due one (§9.3 [inferred]). */
  reviewIntervalMonths: number;
  /** R16.2: months without overdue before a higher grade may be proposed to the bank [config]. */
  upgradeCleanMonths: number;
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
    await deps.jurisdiction(actor, `household ${householdId}`, stored.value.villageId);
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
    const change = line && applyRatingToLine(line.value, rating, at, deps.upgradeCleanMonths);
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
          action: change?.action ?? 'certificate.reviewed',
          actor,
          role,
          reason: `re-score ${ratingId}: ${rating.grade}`,
          at,
          details: {
            grade: next.grade,
            limitFen: next.limitFen,
            reviewed: reviewed !== undefined,
            ...(next.pendingUpgrade ? { pendingUpgrade: next.pendingUpgrade.grade } : {}),
          },
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
