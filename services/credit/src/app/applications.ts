import { systemActor, type Actor } from '@gov/platform/auth';
import { CreditError } from '../domain/credit-error';
import { roleFor } from '../domain/permissions';
import { isTerminal, move, reviewByGroup, type Channel, type RatingApplication } from '../domain/rating-application';
import { derivedId } from './households';
import type { Applications, Clock, Households, Idempotency } from './ports';

/** 农户申请 and 小组评议 (spec credit §5.1 steps 1-2, §5.2). */
export function createApplicationUseCases(deps: {
  applications: Applications;
  households: Households;
  idempotency: Idempotency;
  clock: Clock;
}) {
  async function submit(cmd: { idempotencyKey: string; householdId: string; channel: Channel }, actor: Actor) {
    const role = roleFor(actor, 'submitApplication');
    const scope = `credit.submitApplication:${actor.userId}`;
    const { id } = await deps.idempotency.run(scope, cmd.idempotencyKey, cmd, async () => {
      const h = await deps.households.get(cmd.householdId);
      if (!h) throw new CreditError('HOUSEHOLD_NOT_FOUND', `household ${cmd.householdId} does not exist`);
      const id = derivedId('ap', scope, cmd.idempotencyKey);
      const open = (await deps.applications.listByHousehold(cmd.householdId)).find((a) => !isTerminal(a.value.state));
      if (open && open.value.id !== id)
        throw new CreditError(
          'DUPLICATE_APPLICATION',
          `household ${cmd.householdId} already has application ${open.value.id}`,
        );
      const at = deps.clock.now();
      const application: RatingApplication = {
        id,
        householdId: cmd.householdId,
        villagerGroupId: h.value.villagerGroupId,
        channel: cmd.channel,
        state: 'SUBMITTED',
        priority: h.value.povertyStatus === 'NONE' ? 0 : 1,
        submittedAt: at,
        history: [],
      };
      await deps.applications.create(
        application,
        [{ type: 'RatingApplicationSubmitted', application, villageId: h.value.villageId }],
        {
          action: 'application.submitted',
          actor,
          role,
          at,
          details: { channel: cmd.channel },
        },
      );
      return { id };
    });
    return (await deps.applications.get(id))!.value;
  }

  async function review(
    cmd: {
      villagerGroupId: string;
      householdsInGroup: number;
      representatives: string[];
      decisions: { applicationId: string; approve: boolean; reason: string }[];
    },
    actor: Actor,
  ) {
    const role = roleFor(actor, 'reviewByGroup');
    const stored = await Promise.all(cmd.decisions.map((d) => deps.applications.get(d.applicationId)));
    const missing = cmd.decisions.find((_, i) => !stored[i]);
    if (missing) throw new CreditError('APPLICATION_NOT_FOUND', `application ${missing.applicationId} does not exist`);
    const current = stored.map((s) => s!);
    const at = deps.clock.now();
    // a decision already applied (a retried review) is left as it is
    const pending = current.filter(
      (s) => s.value.state === 'SUBMITTED' && s.value.villagerGroupId === cmd.villagerGroupId,
    );
    const moved = reviewByGroup(
      pending.map((s) => s.value),
      { ...cmd, decisions: cmd.decisions.filter((d) => pending.some((s) => s.value.id === d.applicationId)) },
      at,
    );
    for (const next of moved) {
      const prev = pending.find((s) => s.value.id === next.id)!;
      await deps.applications.update(
        next,
        prev.version,
        [],
        {
          action: `application.${next.state.toLowerCase()}`,
          actor,
          role,
          reason: next.history.at(-1)?.reason,
          at,
          details: { representatives: cmd.representatives.length, householdsInGroup: cmd.householdsInGroup },
        },
        prev,
      );
    }
    return Promise.all(cmd.decisions.map(async (d) => (await deps.applications.get(d.applicationId))!.value));
  }

  /** Called after a rating: an application waiting for its information moves to SCORED. */
  async function markScored(householdId: string, reason: string) {
    const waiting = (await deps.applications.listByHousehold(householdId)).find(
      (a) => a.value.state === 'INFO_COLLECTION',
    );
    if (!waiting) return;
    const at = deps.clock.now();
    await deps.applications.update(
      move(waiting.value, 'SCORED', at, reason),
      waiting.version,
      [],
      {
        action: 'application.scored',
        actor: systemActor,
        role: 'SYSTEM',
        at,
      },
      waiting,
    );
  }

  return { submit, review, markScored };
}
