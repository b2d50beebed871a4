import { creditV1 } from '@gov/contracts';
import { ValidationError } from '@gov/platform/errors';
import type { Township, TownshipType, Village, VillagerGroup } from '../../domain/geography';

const T = creditV1.TownshipType;
const typeOut: Record<TownshipType, creditV1.TownshipType> = {
  TOWNSHIP: T.TOWNSHIP_TYPE_TOWNSHIP,
  AGRI_STREET: T.TOWNSHIP_TYPE_AGRI_STREET,
};
const typeIn: Record<number, TownshipType> = {
  [T.TOWNSHIP_TYPE_TOWNSHIP]: 'TOWNSHIP',
  [T.TOWNSHIP_TYPE_AGRI_STREET]: 'AGRI_STREET',
};

export function toTownshipType(v: creditV1.TownshipType): TownshipType {
  const t = typeIn[v];
  if (!t) throw new ValidationError([{ field: 'type', message: 'TOWNSHIP or AGRI_STREET' }]);
  return t;
}

export const toTownship = (r: creditV1.RegisterTownshipRequest | creditV1.UpdateTownshipRequest): Township => ({
  id: r.id,
  districtId: r.districtId,
  name: r.name,
  type: toTownshipType(r.type),
});

export const toProtoTownship = (t: Township): creditV1.Township => ({
  id: t.id,
  districtId: t.districtId,
  name: t.name,
  type: typeOut[t.type],
});

export const toProtoVillage = (v: Village): creditV1.Village => ({
  id: v.id,
  townshipId: v.townshipId,
  name: v.name,
  isPoorVillage: v.isPoorVillage,
});

export const toProtoVillagerGroup = (g: VillagerGroup): creditV1.VillagerGroup => ({
  id: g.id,
  villageId: g.villageId,
  name: g.name,
});
