import { createHash } from 'node:crypto';
import { hasRole } from '@gov/platform/auth';
import { DutyError } from '../domain/duty-error';
import { checkCoverage, type Contact, type Roster, type Shift, type ShiftPolicy } from '../domain/roster';
import type { Actor, Idempotency, Rosters } from './ports';
import type { RosterCache } from './roster-cache';

/**
 * Publishing in one step includes approving, which spec duty §3.2 gives to the director and the duty-room
 * manager only; ROSTER_ADMIN (§18 D-5) drafts and submits through the review RPCs.
 */
const rosterRoles = ['DUTY_ROOM_MANAGER', 'OFFICE_DIRECTOR'];

/**
 * Publishes a roster once the coverage rules pass (spec duty §4.2 RS-1, RS-3, RS-4) in ONE step: the review of
 * §4.3 (draft → submit → approve → publish) collapsed into one command by an authorised caller, for a REGULAR
 * roster (RS-5 does not apply). With `review` (rosters-wiring), the publication is also recorded as a PUBLISHED
 * roster under review: audited and announced as duty.roster.published. The stepwise review is DutyRosterService.
 */
export function createPublishRoster(deps: {
  rosters: Rosters;
  cache: RosterCache;
  idempotency: Idempotency;
  policy: ShiftPolicy;
  review?: { recordDirect(roster: Roster, actor: Actor): Promise<void> };
}) {
  return async function publishRoster(
    cmd: { idempotencyKey: string; periodStart: Date; periodEnd: Date; shifts: Shift[]; contacts: Contact[] },
    actor: Actor,
  ): Promise<{ id: string; version: number }> {
    if (!hasRole(actor, ...rosterRoles))
      throw new DutyError('ROSTER_NOT_PERMITTED', 'only the duty room manager or the director publishes rosters');
    const scope = `duty.publishRoster:${actor.userId}`;
    return deps.idempotency.run(scope, cmd.idempotencyKey, { ...cmd, idempotencyKey: undefined }, async () => {
      if (Number.isNaN(cmd.periodStart.getTime()) || Number.isNaN(cmd.periodEnd.getTime()))
        throw new DutyError('ROSTER_INVALID', 'the roster period is not a pair of valid instants');
      checkCoverage(cmd, deps.policy);
      const id = 'ros-' + createHash('sha256').update(`${cmd.periodStart.toISOString()}`).digest('hex').slice(0, 16);
      const roster: Roster = { id, version: 1, ...cmd };
      await deps.rosters.save(roster);
      await deps.review?.recordDirect(roster, actor);
      deps.cache.put(roster);
      return { id, version: roster.version };
    });
  };
}
