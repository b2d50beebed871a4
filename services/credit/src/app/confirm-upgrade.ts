import type { Actor } from '@gov/platform/auth';
import { CreditError } from '../domain/credit-error';
import { roleFor } from '../domain/permissions';
import { confirmUpgrade } from '../domain/regrade';
import type { Clock, CreditLines, Idempotency } from './ports';

/**
 * 升级确认 (spec credit R17.3, R16.2): the bank confirms the higher grade a re-score reached, with the limit it
 * grants (at most the new cap; by default the cap) → credit.certificate.regraded with reason RESCORE. No public
 * notice. Runs once per idempotency key: a retry gets the first answer, not NO_PENDING_UPGRADE.
 */
export function createConfirmUpgrade(deps: {
  lines: CreditLines;
  idempotency: Idempotency;
  clock: Clock;
  upgradeCleanMonths: number;
}) {
  return async function confirm(
    cmd: { idempotencyKey: string; creditLineId: string; limitFen?: number; note?: string },
    actor: Actor,
  ) {
    const role = roleFor(actor, 'confirmUpgrade');
    await deps.idempotency.run(`credit.confirmUpgrade:${actor.userId}`, cmd.idempotencyKey, cmd, async () => {
      const l = await deps.lines.get(cmd.creditLineId);
      if (!l) throw new CreditError('CREDIT_LINE_NOT_FOUND', `credit line ${cmd.creditLineId} does not exist`);
      const at = deps.clock.now();
      const { line, upgrade } = confirmUpgrade(l.value, {
        limitFen: cmd.limitFen,
        at,
        cleanMonths: deps.upgradeCleanMonths,
      });
      await deps.lines.update(
        line,
        l.version,
        [
          {
            type: 'CertificateRegraded',
            line,
            oldGrade: l.value.grade,
            oldLimitFen: l.value.limitFen,
            reason: 'RESCORE',
            at,
          },
        ],
        {
          action: 'certificate.upgrade-confirmed',
          actor,
          role,
          reason: cmd.note,
          at,
          details: {
            ratingId: upgrade.ratingId,
            oldGrade: l.value.grade,
            newGrade: line.grade,
            oldLimitFen: l.value.limitFen,
            newLimitFen: line.limitFen,
          },
        },
        l,
      );
      return { creditLineId: line.id };
    });
    return (await deps.lines.get(cmd.creditLineId))!.value;
  };
}
