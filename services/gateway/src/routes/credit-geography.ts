import type { CreditPort } from '../clients/credit.grpc';
import type { Route } from '../http/route';
import { parseInput } from '../http/validate';
import { present } from './common.mapper';
import { idParams } from './common.schema';
import { townshipToJson, toTownshipRequest } from './credit-geography.mapper';
import {
  registerTownshipBody,
  registerVillageBody,
  registerVillagerGroupBody,
  updateTownshipBody,
  updateVillageBody,
  updateVillagerGroupBody,
} from './credit-geography.schema';

/**
 * 金融扶贫 geography (spec credit §3.1): townships, villages and villager groups, registered and corrected by the
 * leading-group office or the center, listed for every credit role. Ids are the units' own codes.
 */
export function creditGeographyRoutes(credit: CreditPort): Route[] {
  return [
    {
      method: 'post',
      path: '/v1/credit/townships',
      async handle({ body }, { call, idempotencyKey }) {
        const { id, ...input } = parseInput(registerTownshipBody, body);
        const res = await credit.registerTownship(toTownshipRequest(id, input, idempotencyKey), call);
        return { status: 201, body: townshipToJson(present(res.township, 'township')) };
      },
    },
    {
      method: 'put',
      path: '/v1/credit/townships/:id',
      async handle({ params, body }, { call, idempotencyKey }) {
        const { id } = parseInput(idParams, params);
        const input = parseInput(updateTownshipBody, body);
        const res = await credit.updateTownship(toTownshipRequest(id, input, idempotencyKey), call);
        return { status: 200, body: townshipToJson(present(res.township, 'township')) };
      },
    },
    {
      method: 'get',
      path: '/v1/credit/townships/:id/villages',
      async handle({ params }, { call }) {
        const { id } = parseInput(idParams, params);
        const res = await credit.listVillages({ townshipId: id }, call);
        return { status: 200, body: { villages: res.villages } };
      },
    },
    {
      method: 'post',
      path: '/v1/credit/villages',
      async handle({ body }, { call, idempotencyKey }) {
        const input = parseInput(registerVillageBody, body);
        const res = await credit.registerVillage({ idempotencyKey, ...input }, call);
        return { status: 201, body: present(res.village, 'village') };
      },
    },
    {
      method: 'put',
      path: '/v1/credit/villages/:id',
      async handle({ params, body }, { call, idempotencyKey }) {
        const { id } = parseInput(idParams, params);
        const input = parseInput(updateVillageBody, body);
        const res = await credit.updateVillage({ idempotencyKey, id, ...input }, call);
        return { status: 200, body: present(res.village, 'village') };
      },
    },
    {
      method: 'get',
      path: '/v1/credit/villages/:id/villager-groups',
      async handle({ params }, { call }) {
        const { id } = parseInput(idParams, params);
        const res = await credit.listVillagerGroups({ villageId: id }, call);
        return { status: 200, body: { villagerGroups: res.villagerGroups } };
      },
    },
    {
      method: 'post',
      path: '/v1/credit/villager-groups',
      async handle({ body }, { call, idempotencyKey }) {
        const input = parseInput(registerVillagerGroupBody, body);
        const res = await credit.registerVillagerGroup({ idempotencyKey, ...input }, call);
        return { status: 201, body: present(res.villagerGroup, 'villagerGroup') };
      },
    },
    {
      method: 'put',
      path: '/v1/credit/villager-groups/:id',
      async handle({ params, body }, { call, idempotencyKey }) {
        const { id } = parseInput(idParams, params);
        const input = parseInput(updateVillagerGroupBody, body);
        const res = await credit.updateVillagerGroup({ idempotencyKey, id, ...input }, call);
        return { status: 200, body: present(res.villagerGroup, 'villagerGroup') };
      },
    },
  ];
}
