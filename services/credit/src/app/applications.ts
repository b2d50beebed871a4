import { systemActor, type Actor } from '@gov/platform/auth';
import { CreditError } from '../domain/credit-error';
import { roleFor } from '../domain/permissions';
import { isTerminal, move, reviewByGroup, type Channel, type RatingApplication } from '../domain/rating-application';
import { derivedId } from './households';
import { once, type CheckJurisdiction } from './jurisdiction';
import type { Applications, Clock, Households, Idempotency } from './ports';

/**
 * 农户申请 and 小组评议 (spec credit §5.1 steps 1-2, §5.2). Village and township roles submit, review and read
 * applications of households in their own jurisdiction only, and a household login those of its own household
 * (§2.4).
 */
export function createApplicationUseCases(deps: {
  applications: Applications;
  households: Households;
  idempotency: Idempotency;
  clock: Clock;
  jurisdiction: CheckJurisdiction;
}) {
  const loadHousehold = (householdId: string) =>
    once(async () => {
      const h = await deps.households.get(householdId);
      if (!h) throw new CreditError('HOUSEHOLD_NOT_FOUND', `household ${householdId} does not exist`);
      return h;
    });
  /** The application's village is its household's: applications name only their villager group. */
  const villageOf = (a: RatingApplication) => async () => (await loadHousehold(a.householdId)()).value.villageId;
  const checkApplication = (actor: Actor, a: RatingApplication) =>
    deps.jurisdiction(actor, `application ${a.id}`, { villageId: villageOf(a), householdId: a.householdId });

  async function submit(cmd: { idempotencyKey: string; householdId: string; channel: Channel }, actor: Actor) {
    const role = roleFor(actor, 'submitApplication');
    const scope = `credit.submitApplication:${actor.userId}`;
    const { id } = await deps.idempotency.run(scope, cmd.idempotencyKey, cmd, async () => {
      const household = loadHousehold(cmd.householdId);
      // a household login applies for itself only (§5.2 DRAFT→SUBMITTED by HOUSEHOLD), refused before the lookup
      await deps.jurisdiction(actor, `household ${cmd.householdId}`, {
        villageId: async () => (await household()).value.villageId,
        householdId: cmd.householdId,
      });
      const h = await household();
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
    // every named application, also those the review would leave alone: the answer lists them all
    for (const a of current) await checkApplication(actor, a.value);
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

  /** One application, if the caller's jurisdiction covers its household. */
  async function get(id: string, actor: Actor): Promise<RatingApplication> {
    roleFor(actor, 'readHouseholdFile');
    const a = await deps.applications.get(id);
    if (!a) throw new CreditError('APPLICATION_NOT_FOUND', `application ${id} does not exist`);
    await checkApplication(actor, a.value);
    return a.value;
  }

  /**
   * The household's applications, newest first, if the caller's jurisdiction covers the household: a household
   * login gets its own and is refused any other (ListHouseholdApplications, the self-service "my applications").
   */
  async function listByHousehold(householdId: string, actor: Actor): Promise<RatingApplication[]> {
    roleFor(actor, 'readHouseholdFile');
    const household = loadHousehold(householdId);
    await deps.jurisdiction(actor, `household ${householdId}`, {
      villageId: async () => (await household()).value.villageId,
      householdId,
    });
    return (await deps.applications.listByHousehold(householdId)).map((a) => a.value);
  }

  return { submit, review, get, listByHousehold, markScored };
}
