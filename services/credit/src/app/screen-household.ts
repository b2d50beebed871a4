import type { Actor } from '@gov/platform/auth';
import { CreditError } from '../domain/credit-error';
import { roleFor } from '../domain/permissions';
import { screenHousehold, type ScreeningCheck } from '../domain/screening';
import type { CheckJurisdiction } from './jurisdiction';
import type { Clock, Households, Idempotency } from './ports';

/**
 * Records a household's screening (spec credit §4) on the household, audited with every check's evidence; a panel
 * or station screens only households of its own village or township.
 */
export function createScreenHousehold(deps: {
  households: Households;
  idempotency: Idempotency;
  clock: Clock;
  jurisdiction: CheckJurisdiction;
}) {
  return async function screen(
    cmd: { idempotencyKey: string; householdId: string; checks: ScreeningCheck[] },
    actor: Actor,
  ) {
    const role = roleFor(actor, 'screenHousehold');
    const result = screenHousehold(cmd.checks);
    const scope = `credit.screenHousehold:${actor.userId}`;
    await deps.idempotency.run(scope, cmd.idempotencyKey, cmd, async () => {
      const h = await deps.households.get(cmd.householdId);
      if (!h) throw new CreditError('HOUSEHOLD_NOT_FOUND', `household ${cmd.householdId} does not exist`);
      await deps.jurisdiction(actor, `household ${h.value.id}`, h.value.villageId);
      const at = deps.clock.now();
      await deps.households.update(
        { ...h.value, screening: { ...result, at } },
        h.version,
        [],
        {
          action: 'household.screened',
          actor,
          role,
          at,
          details: {
            outcome: result.outcome,
            failed: result.failed,
            warnings: result.warnings,
            evidence: result.checks.map((c) => `${c.code}:${c.evidenceRef}`),
          },
        },
        h,
      );
      return { ok: true };
    });
    return result;
  };
}
