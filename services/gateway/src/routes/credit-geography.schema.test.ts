import { creditV1 } from '@gov/contracts';
import { townshipToJson, toTownshipRequest } from './credit-geography.mapper';
import {
  registerTownshipBody,
  registerVillageBody,
  updateTownshipBody,
  updateVillageBody,
  updateVillagerGroupBody,
} from './credit-geography.schema';

describe('credit geography request schemas (spec credit §3.1)', () => {
  it('takes a township under its own code as TOWNSHIP or AGRI_STREET, name trimmed', () => {
    const body = { id: '411202100000', districtId: '411202', name: ' 交口乡 ', type: 'TOWNSHIP' };
    expect(registerTownshipBody.parse(body)).toEqual({ ...body, name: '交口乡' });
    expect(registerTownshipBody.safeParse({ ...body, type: 'TOWN' }).success).toBe(false);
    expect(registerTownshipBody.safeParse({ ...body, id: '../x' }).success).toBe(false);
    expect(registerTownshipBody.safeParse({ ...body, name: '  ' }).success).toBe(false);
    // the id is the path's on an update, never the body's
    expect(updateTownshipBody.safeParse(body).success).toBe(false);
  });
  it('registers a village as not poor unless told, and an update states the flag explicitly', () => {
    const body = { id: 'vg-1', townshipId: 'tw-1', name: '南川村' };
    expect(registerVillageBody.parse(body).isPoorVillage).toBe(false);
    expect(registerVillageBody.safeParse({ ...body, isPoorVillage: 'yes' }).success).toBe(false);
    expect(updateVillageBody.safeParse({ name: '南川村' }).success).toBe(false);
    // a village never moves to another township
    expect(updateVillageBody.safeParse({ name: '南川村', isPoorVillage: true, townshipId: 'tw-2' }).success).toBe(
      false,
    );
    expect(updateVillagerGroupBody.safeParse({ name: '一组', villageId: 'vg-2' }).success).toBe(false);
  });
  it('maps the township type both ways by name', () => {
    const req = toTownshipRequest('tw-1', { districtId: 'd', name: '湖滨街道', type: 'AGRI_STREET' }, 'k');
    expect(req.type).toBe(creditV1.TownshipType.TOWNSHIP_TYPE_AGRI_STREET);
    const township = { id: 'tw-1', districtId: 'd', name: 'n', type: creditV1.TownshipType.TOWNSHIP_TYPE_UNSPECIFIED };
    expect(townshipToJson(township).type).toBe('UNSPECIFIED');
  });
});
