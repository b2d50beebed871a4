import { createHash } from 'node:crypto';
import type { Actor } from '@gov/platform/auth';
import { CreditError, rejectInvalid } from '../domain/credit-error';
import type { Household, HouseholdView } from '../domain/household';
import { jurisdictionOf, ownHouseholdOf } from '../domain/jurisdiction';
import { roleFor } from '../domain/permissions';
import { isValidIdNumber, maskIdNumber, maskPhone, piiRoles } from '../domain/personal-data';
import type { PovertyStatus } from '../domain/rating';
import type { CheckPlacement } from './check-placement';
import { once, type CheckJurisdiction } from './jurisdiction';
import type { Clock, Households, Idempotency } from './ports';

export interface RegisterHouseholdInput {
  townshipId: string;
  villageId: string;
  villagerGroupId: string;
  headName: string;
  headIdNumber: string;
  phone: string;
  povertyStatus: PovertyStatus;
}

/** A stable id from a scope and key: a retried command re-derives the same id and finds its own result. */
export const derivedId = (prefix: string, ...parts: string[]) =>
  `${prefix}-${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 24)}`;

function validate(i: RegisterHouseholdInput): void {
  const v: { field: string; message: string }[] = [];
  for (const f of ['townshipId', 'villageId', 'villagerGroupId', 'headName'] as const)
    if (!i[f]?.trim()) v.push({ field: f, message: 'required' });
  if (!isValidIdNumber(i.headIdNumber))
    v.push({ field: 'headIdNumber', message: 'not a valid 18-character identity number' });
  if (!/^1\d{10}$/.test(i.phone)) v.push({ field: 'phone', message: 'not an 11-digit mobile number' });
  rejectInvalid(v);
}

/**
 * Registers a household; its identity number and phone go to the encrypted personal-data store (§2.4). A village
 * or villager group registered elsewhere than the household says is refused (see checkPlacement); a collector
 * registers only in their own village.
 */
export function createRegisterHousehold(deps: {
  households: Households;
  idempotency: Idempotency;
  clock: Clock;
  checkPlacement: CheckPlacement;
  jurisdiction: CheckJurisdiction;
}) {
  return async function registerHousehold(
    cmd: { idempotencyKey: string; input: RegisterHouseholdInput },
    actor: Actor,
  ): Promise<string> {
    const role = roleFor(actor, 'registerHousehold');
    validate(cmd.input);
    if (
      cmd.input.povertyStatus !== 'NONE' &&
      !actor.roles.includes('POVERTY_OFFICE') &&
      !actor.roles.includes('CENTER_STAFF')
    )
      throw new CreditError('NOT_PERMITTED', 'only the poverty office sets a registered poverty status (§3.2)');
    await deps.jurisdiction(actor, 'the household', cmd.input.villageId);
    const scope = `credit.registerHousehold:${actor.userId}`;
    const { id } = await deps.idempotency.run(scope, cmd.idempotencyKey, cmd.input, async () => {
      // inside the key's run: a retry answers with the household even if the registry changed since
      await deps.checkPlacement([cmd.input], () => '');
      const id = derivedId('hh', scope, cmd.idempotencyKey);
      const { headIdNumber, phone, ...rest } = cmd.input;
      await deps.households.savePii(id, { idNumber: headIdNumber, phone });
      const household: Household = { id, ...rest };
      await deps.households.create(household, [], {
        action: 'household.registered',
        actor,
        role,
        at: deps.clock.now(),
        details: { villageId: rest.villageId, povertyStatus: rest.povertyStatus },
      });
      return { id };
    });
    return id;
  };
}

/**
 * Reads a household of the caller's jurisdiction; personal data in full only for the roles that need it, masked
 * for everyone else, the household's own login included (§2.4 names the three roles that see it unmasked). A
 * household login is refused another household before it is looked up, so it cannot learn which ids exist, and it
 * gets its file without the office's audit trail: §2.4 gives it its grade and certificate, the log (which names
 * the officers who acted) is the auditor's.
 */
export function createGetHousehold(deps: { households: Households; jurisdiction: CheckJurisdiction }) {
  return async function getHousehold(id: string, actor: Actor) {
    roleFor(actor, 'readHouseholdFile');
    const load = once(async () => {
      const stored = await deps.households.get(id);
      if (!stored) throw new CreditError('HOUSEHOLD_NOT_FOUND', `household ${id} does not exist`);
      return stored;
    });
    await deps.jurisdiction(actor, `household ${id}`, {
      villageId: async () => (await load()).value.villageId,
      householdId: id,
    });
    const stored = await load();
    const pii = await deps.households.getPii(id);
    const full = actor.roles.some((r) => (piiRoles as readonly string[]).includes(r));
    const view: HouseholdView = {
      ...stored.value,
      idNumber: pii ? (full ? pii.idNumber : maskIdNumber(pii.idNumber)) : '',
      phone: pii ? (full ? pii.phone : maskPhone(pii.phone)) : '',
      piiMasked: !full,
    };
    const ownFileOnly = ownHouseholdOf(jurisdictionOf(actor)) !== undefined;
    return { household: view, audit: ownFileOnly ? [] : stored.audit };
  };
}
