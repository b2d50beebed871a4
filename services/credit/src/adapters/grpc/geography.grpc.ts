import type { creditV1 } from '@gov/contracts';
import type { Handlers } from '@gov/platform';
import type { CreditService } from '../../wiring';
import { toProtoTownship, toProtoVillage, toProtoVillagerGroup, toTownship } from './geography.mapper';
import { requireFields } from './risk.mapper';

type H = Handlers<typeof creditV1.CreditServiceService>;

/**
 * The geography registry (spec credit §3.1). Its use cases take the idempotency key themselves and check the
 * fields (GEOGRAPHY_INVALID); here only the enum and the ids a read needs are checked.
 */
export function geographyGrpcHandlers(
  c: CreditService,
): Pick<
  H,
  | 'registerTownship'
  | 'updateTownship'
  | 'registerVillage'
  | 'updateVillage'
  | 'registerVillagerGroup'
  | 'updateVillagerGroup'
  | 'listVillages'
  | 'listVillagerGroups'
> {
  const g = c.geography;
  return {
    async registerTownship(req, ctx) {
      const cmd = { idempotencyKey: req.idempotencyKey, input: toTownship(req) };
      return { township: toProtoTownship(await g.registerTownship(cmd, ctx.actor)) };
    },
    async updateTownship(req, ctx) {
      const cmd = { idempotencyKey: req.idempotencyKey, input: toTownship(req) };
      return { township: toProtoTownship(await g.updateTownship(cmd, ctx.actor)) };
    },
    async registerVillage(req, ctx) {
      const input = { id: req.id, townshipId: req.townshipId, name: req.name, isPoorVillage: req.isPoorVillage };
      return {
        village: toProtoVillage(await g.registerVillage({ idempotencyKey: req.idempotencyKey, input }, ctx.actor)),
      };
    },
    async updateVillage(req, ctx) {
      const input = { id: req.id, name: req.name, isPoorVillage: req.isPoorVillage };
      return {
        village: toProtoVillage(await g.updateVillage({ idempotencyKey: req.idempotencyKey, input }, ctx.actor)),
      };
    },
    async registerVillagerGroup(req, ctx) {
      const input = { id: req.id, villageId: req.villageId, name: req.name };
      const group = await g.registerVillagerGroup({ idempotencyKey: req.idempotencyKey, input }, ctx.actor);
      return { villagerGroup: toProtoVillagerGroup(group) };
    },
    async updateVillagerGroup(req, ctx) {
      const input = { id: req.id, name: req.name };
      const group = await g.updateVillagerGroup({ idempotencyKey: req.idempotencyKey, input }, ctx.actor);
      return { villagerGroup: toProtoVillagerGroup(group) };
    },
    async listVillages(req, ctx) {
      requireFields({ township_id: req.townshipId });
      return { villages: (await g.listVillages(req.townshipId, ctx.actor)).map(toProtoVillage) };
    },
    async listVillagerGroups(req, ctx) {
      requireFields({ village_id: req.villageId });
      return { villagerGroups: (await g.listVillagerGroups(req.villageId, ctx.actor)).map(toProtoVillagerGroup) };
    },
  };
}
