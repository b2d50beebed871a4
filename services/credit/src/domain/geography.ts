import type { FieldViolation } from '@gov/platform/errors';
import { CreditError } from './credit-error';

export const townshipTypes = ['TOWNSHIP', 'AGRI_STREET'] as const;
export type TownshipType = (typeof townshipTypes)[number];

/** 乡 / 涉农街道 — a township or agriculture-related street office of the district (spec credit §3.1). */
export interface Township {
  id: string;
  districtId: string;
  name: string;
  type: TownshipType;
}

/** 行政村 — an administrative village; `isPoorVillage` marks a 贫困村 (spec credit §3.1). */
export interface Village {
  id: string;
  townshipId: string;
  name: string;
  isPoorVillage: boolean;
}

/** 村民小组 — a villager group of a village (spec credit §3.1, §5.1 step 2). */
export interface VillagerGroup {
  id: string;
  villageId: string;
  name: string;
}

/**
 * Units keep the code the caller gives them (e.g. the statistical division code): households and credit lines
 * already name their village and township by such codes, and the registry has to meet them on the same id.
 * The shape is the one the gateway accepts for ids in paths.
 */
const unitId = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const maxName = 100;

function idProblems(field: string, value: string): FieldViolation[] {
  return unitId.test(value) ? [] : [{ field, message: '1-128 of A-Z a-z 0-9 . _ : -, starting alphanumeric' }];
}

function nameProblems(name: string): FieldViolation[] {
  const n = name.trim();
  if (!n) return [{ field: 'name', message: 'required' }];
  return n.length > maxName ? [{ field: 'name', message: `at most ${maxName} characters` }] : [];
}

function rejectGeography(violations: FieldViolation[]): void {
  if (violations.length > 0)
    throw new CreditError(
      'GEOGRAPHY_INVALID',
      violations.map((v) => `${v.field}: ${v.message}`).join('; '),
      violations,
    );
}

/** Every bad field at once as GEOGRAPHY_INVALID. */
export function checkTownship(t: Township): void {
  rejectGeography([
    ...idProblems('id', t.id),
    ...idProblems('districtId', t.districtId),
    ...nameProblems(t.name),
    ...((townshipTypes as readonly string[]).includes(t.type)
      ? []
      : [{ field: 'type', message: townshipTypes.join(' | ') }]),
  ]);
}

export function checkVillage(v: Village): void {
  rejectGeography([
    ...idProblems('id', v.id),
    ...idProblems('townshipId', v.townshipId),
    ...nameProblems(v.name),
    ...(typeof v.isPoorVillage === 'boolean' ? [] : [{ field: 'isPoorVillage', message: 'true or false' }]),
  ]);
}

export function checkVillagerGroup(g: VillagerGroup): void {
  rejectGeography([...idProblems('id', g.id), ...idProblems('villageId', g.villageId), ...nameProblems(g.name)]);
}

/** Names are stored trimmed, so a retry with stray spaces is the same registration. */
export const tidyName = <T extends { name: string }>(u: T): T => ({ ...u, name: u.name.trim() });

/**
 * A registration under an id already taken: the very same unit is a retry under a fresh key and answers with
 * what is there; anything else must go through the update (or a new id), never overwrite silently.
 */
export function checkReRegistration<T extends { id: string }>(existing: T, wanted: T): void {
  const keys = Object.keys(wanted) as (keyof T)[];
  const differing = keys.filter((k) => existing[k] !== wanted[k]).map(String);
  if (differing.length > 0)
    throw new CreditError(
      'GEOGRAPHY_ALREADY_REGISTERED',
      `${wanted.id} is already registered with another ${differing.join(', ')}; update it instead`,
    );
}

/**
 * Where a household says it lives, against the registry (spec credit §3.1-3.2). A village registered under
 * another township, or a villager group registered under another village, is refused. A village or group that
 * is not registered is accepted: the registry is filled village by village after households were already being
 * registered, and refusing them would stop collection in every village nobody has entered yet. The refusal
 * still catches the mistake that matters — a household counted in the wrong township's breaker and reports.
 */
export function placementProblems(
  h: { townshipId: string; villageId: string; villagerGroupId: string },
  village: Village | undefined,
  group: VillagerGroup | undefined,
): { code: 'VILLAGE_NOT_IN_TOWNSHIP' | 'VILLAGER_GROUP_NOT_IN_VILLAGE'; field: string; message: string }[] {
  const problems: ReturnType<typeof placementProblems> = [];
  if (village && village.townshipId !== h.townshipId)
    problems.push({
      code: 'VILLAGE_NOT_IN_TOWNSHIP',
      field: 'townshipId',
      message: `village ${village.id} is registered under township ${village.townshipId}, not ${h.townshipId}`,
    });
  if (group && group.villageId !== h.villageId)
    problems.push({
      code: 'VILLAGER_GROUP_NOT_IN_VILLAGE',
      field: 'villagerGroupId',
      message: `villager group ${group.id} is registered under village ${group.villageId}, not ${h.villageId}`,
    });
  return problems;
}

/**
 * Refuses a set of households of which any is misplaced; the code is that of the first problem, the violations
 * list every one (field prefixed with `prefix(i)`, e.g. `rows[3].`), so a batch is corrected in one pass.
 */
export function checkPlacements(
  problems: { index: number; problems: ReturnType<typeof placementProblems> }[],
  prefix: (index: number) => string,
): void {
  const all = problems.flatMap((p) => p.problems.map((x) => ({ ...x, field: prefix(p.index) + x.field })));
  const first = all[0];
  if (first)
    throw new CreditError(
      first.code,
      all.map((x) => x.message).join('; '),
      all.map(({ field, message }) => ({ field, message })),
    );
}

/**
 * The villages the township breaker counts (CB-T, spec credit §13.4): the share is taken over the township's
 * administrative villages, so every registered village counts, with or without lines. Villages whose lines name
 * the township count as well even when nobody registered them — their loans are real, and a gap in the registry
 * must not hide them. With a registry the caller's list is only checked: an id registered elsewhere or not at
 * all is refused, so a typo cannot dilute the share. A township with no registered village keeps the rule from
 * before the registry: the caller's list plus the villages with lines.
 */
export function breakerVillageIds(o: {
  townshipId: string;
  registered: readonly Village[];
  withLines: readonly string[];
  requested: readonly string[];
  /** What the registry holds for requested ids not among `registered`: villages of other townships. */
  lookedUp: readonly Village[];
}): { villageIds: string[]; registryUsed: boolean } {
  const sorted = (ids: Iterable<string>) => [...new Set(ids)].sort();
  if (o.registered.length === 0) return { villageIds: sorted([...o.requested, ...o.withLines]), registryUsed: false };
  const own = new Set(o.registered.map((v) => v.id));
  const elsewhere = new Map(o.lookedUp.map((v) => [v.id, v]));
  const foreign = o.requested.filter((id) => !own.has(id));
  const wrongTownship = foreign.filter((id) => elsewhere.has(id));
  if (wrongTownship.length > 0)
    throw new CreditError(
      'VILLAGE_NOT_IN_TOWNSHIP',
      wrongTownship.map((id) => `${id} is registered under ${elsewhere.get(id)!.townshipId}`).join('; '),
    );
  if (foreign.length > 0)
    throw new CreditError(
      'VILLAGE_UNKNOWN',
      `${foreign.join(', ')} ${foreign.length === 1 ? 'is' : 'are'} not registered villages of ${o.townshipId}`,
    );
  return { villageIds: sorted([...own, ...o.withLines]), registryUsed: true };
}
