import { creditV1 } from '@gov/contracts';
import { reverse } from './common.mapper';
import type { TownshipTypeName } from './credit-geography.schema';

const T = creditV1.TownshipType;
export const townshipTypeToProto: Record<TownshipTypeName, creditV1.TownshipType> = {
  TOWNSHIP: T.TOWNSHIP_TYPE_TOWNSHIP,
  AGRI_STREET: T.TOWNSHIP_TYPE_AGRI_STREET,
};
const townshipTypeToJson = reverse(townshipTypeToProto);

export const townshipToJson = (t: creditV1.Township) => ({ ...t, type: townshipTypeToJson(t.type) });

export const toTownshipRequest = (
  id: string,
  b: { districtId: string; name: string; type: TownshipTypeName },
  idempotencyKey: string,
) => ({ idempotencyKey, id, districtId: b.districtId, name: b.name, type: townshipTypeToProto[b.type] });
