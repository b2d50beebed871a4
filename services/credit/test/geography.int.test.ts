import { randomUUID } from 'node:crypto';
import { creditV1 } from '@gov/contracts';
import { verifyAuditChain, type AuditEntry } from '@gov/platform';
import type { Actor } from '@gov/platform/auth';
import { emptyCreditInfo } from '../src/domain/rating';
import { actor, idNumber, panelOf, startCredit, type CreditHarness, serveCreditRpc, type CreditRpc } from './harness';

// The geography registry (spec credit §3.1) and what it changes — the township breaker's village count (§13.4
// CB-T) and where households may be registered — through CreditService over gRPC on the real store and broker.
let h: CreditHarness;
let served: CreditRpc;
const lg = actor('LG_OFFICE');
const center = actor('CENTER_STAFF');
const bank = actor('BANK_OFFICER');
const poverty = actor('POVERTY_OFFICE');
const key = () => randomUUID();
const yuan = (y: number) => Math.round(y * 100);
const T = creditV1.TownshipType;

beforeAll(async () => {
  h = await startCredit('credit-geography');
  served = await serveCreditRpc(h, 'geography');
}, 90000);
afterAll(async () => {
  await served?.stop();
  await h?.stop();
});

/** One RPC as `who`, as the gateway makes it. */
const rpc = <Res>(method: keyof creditV1.CreditServiceClient, req: object, who: Actor): Promise<Res> =>
  served.rpc<Res>(method, req, who);
const auditOf = async (collection: string, id: string) =>
  ((await h.conn.collection(collection).findOne({ _id: id as never })) as unknown as { audit: AuditEntry[] }).audit;

async function township(id: string, who = lg) {
  const req = { idempotencyKey: key(), id, districtId: '411202', name: `${id}乡`, type: T.TOWNSHIP_TYPE_TOWNSHIP };
  return rpc<creditV1.RegisterTownshipResponse>('registerTownship', req, who);
}
async function village(id: string, townshipId: string) {
  const req = { idempotencyKey: key(), id, townshipId, name: `${id}村`, isPoorVillage: false };
  return rpc<creditV1.RegisterVillageResponse>('registerVillage', req, center);
}
function householdRequest(o: { township: string; village: string; group?: string }) {
  return {
    idempotencyKey: key(),
    townshipId: o.township,
    villageId: o.village,
    villagerGroupId: o.group ?? `${o.village}-g1`,
    headName: '李四',
    headIdNumber: idNumber(),
    phone: '13800138000',
    povertyStatus: creditV1.PovertyStatus.POVERTY_STATUS_REGISTERED_POOR,
  };
}

describe('geography registry over gRPC (spec credit §3.1, §2.4)', () => {
  it('registers a township, its villages and groups once per key, lists them, and audits every write', async () => {
    const tw = `tw-${key().slice(0, 8)}`;
    const req = { idempotencyKey: key(), id: tw, districtId: '411202', name: '交口乡', type: T.TOWNSHIP_TYPE_TOWNSHIP };
    const first = await rpc<creditV1.RegisterTownshipResponse>('registerTownship', req, lg);
    const retry = await rpc<creditV1.RegisterTownshipResponse>('registerTownship', req, lg);
    expect(retry).toEqual(first);
    expect(first.township).toEqual({ id: tw, districtId: '411202', name: '交口乡', type: T.TOWNSHIP_TYPE_TOWNSHIP });
    await expect(rpc('registerTownship', { ...req, name: '交口镇' }, lg)).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
    });

    for (const v of ['b', 'a']) await village(`${tw}-${v}`, tw);
    const group = { idempotencyKey: key(), id: `${tw}-a-g1`, villageId: `${tw}-a`, name: '第一村民小组' };
    await rpc('registerVillagerGroup', group, center);
    const renamed = await rpc<creditV1.UpdateVillageResponse>(
      'updateVillage',
      { idempotencyKey: key(), id: `${tw}-a`, name: '南川村', isPoorVillage: true },
      lg,
    );
    expect(renamed.village).toEqual({ id: `${tw}-a`, townshipId: tw, name: '南川村', isPoorVillage: true });

    const listed = await rpc<creditV1.ListVillagesResponse>('listVillages', { townshipId: tw }, bank);
    expect(listed.villages.map((v) => [v.id, v.name])).toEqual([
      [`${tw}-a`, '南川村'],
      [`${tw}-b`, `${tw}-b村`],
    ]);
    const groups = await rpc<creditV1.ListVillagerGroupsResponse>(
      'listVillagerGroups',
      { villageId: `${tw}-a` },
      panelOf(`${tw}-a`),
    );
    expect(groups.villagerGroups).toEqual([{ id: `${tw}-a-g1`, villageId: `${tw}-a`, name: '第一村民小组' }]);

    const trail = await auditOf('villages', `${tw}-a`);
    expect(trail.map((a) => a.action)).toEqual(['village.registered', 'village.updated']);
    expect(verifyAuditChain(trail)).toEqual({ ok: true });
    expect((await auditOf('townships', tw)).map((a) => a.action)).toEqual(['township.registered']);
  });

  it('refuses with stable codes: unknown parents, bad fields, an id taken by another unit, the wrong role', async () => {
    const tw = `tw-${key().slice(0, 8)}`;
    await expect(village(`${tw}-v`, tw)).rejects.toMatchObject({ code: 'TOWNSHIP_UNKNOWN' });
    await expect(
      rpc('registerVillagerGroup', { idempotencyKey: key(), id: 'g', villageId: `${tw}-v`, name: '一组' }, lg),
    ).rejects.toMatchObject({ code: 'VILLAGE_UNKNOWN' });
    await expect(
      rpc('registerTownship', { idempotencyKey: key(), id: tw, districtId: '', name: ' ', type: 1 }, lg),
    ).rejects.toMatchObject({ code: 'GEOGRAPHY_INVALID', violations: [{ field: 'districtId' }, { field: 'name' }] });
    await expect(
      rpc('registerTownship', { idempotencyKey: key(), id: tw, districtId: 'd', name: 'x', type: 0 }, lg),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(township(tw, actor('STATION_STAFF'))).rejects.toMatchObject({ code: 'NOT_PERMITTED' });
    await township(tw);
    await village(`${tw}-v`, tw);
    await expect(
      rpc(
        'registerVillage',
        { idempotencyKey: key(), id: `${tw}-v`, townshipId: tw, name: '别名', isPoorVillage: false },
        lg,
      ),
    ).rejects.toMatchObject({ code: 'GEOGRAPHY_ALREADY_REGISTERED' });
    await expect(rpc('listVillages', { townshipId: `${tw}-none` }, bank)).rejects.toMatchObject({
      code: 'TOWNSHIP_UNKNOWN',
    });
    await expect(rpc('listVillages', { townshipId: tw }, actor('HOUSEHOLD'))).rejects.toMatchObject({
      code: 'NOT_PERMITTED',
    });
  });
});

describe('households against the registry (spec credit §3.1-3.2)', () => {
  it('refuses a household whose village is registered under another township; accepts one of an unregistered village', async () => {
    const tw = `tw-${key().slice(0, 8)}`;
    await township(tw);
    await township(`${tw}-other`);
    await village(`${tw}-v`, tw);
    await expect(
      rpc('registerHousehold', householdRequest({ township: `${tw}-other`, village: `${tw}-v` }), center),
    ).rejects.toMatchObject({ code: 'VILLAGE_NOT_IN_TOWNSHIP', violations: [{ field: 'townshipId' }] });
    const ok = await rpc<creditV1.RegisterHouseholdResponse>(
      'registerHousehold',
      householdRequest({ township: tw, village: `${tw}-v` }),
      center,
    );
    expect(ok.household?.villageId).toBe(`${tw}-v`);
    const later = await rpc<creditV1.RegisterHouseholdResponse>(
      'registerHousehold',
      householdRequest({ township: tw, village: `${tw}-not-yet-registered` }),
      center,
    );
    expect(later.household?.villageId).toBe(`${tw}-not-yet-registered`);
  });

  it('refuses a whole import naming a village of another township, inserting nothing', async () => {
    const tw = `tw-${key().slice(0, 8)}`;
    await township(tw);
    await township(`${tw}-other`);
    await village(`${tw}-v`, tw);
    const row = (i: number, townshipId: string) => ({
      sourceId: `${tw}-src-${i}`,
      household: {
        townshipId,
        villageId: `${tw}-v`,
        villagerGroupId: 'g',
        headName: '孙',
        povertyStatus: 'NONE' as const,
      },
      idNumber: idNumber(),
      phone: '13500000000',
      info: emptyCreditInfo(),
    });
    const rows = [row(0, tw), row(1, `${tw}-other`), row(2, tw)];
    await expect(h.credit.importHouseholds(`${tw}-batch`, rows, center)).rejects.toMatchObject({
      code: 'VILLAGE_NOT_IN_TOWNSHIP',
      violations: [{ field: 'rows[1].household.townshipId' }],
    });
    expect(await h.conn.collection('households').countDocuments({ villageId: `${tw}-v` })).toBe(0);
    rows[1] = row(1, tw);
    expect(await h.credit.importHouseholds(`${tw}-batch`, rows, center)).toEqual({ inserted: 3, total: 3 });
  });
});

describe('township breaker over registered villages (spec credit §13.4 CB-T)', () => {
  /** One household of the village with a 50,000 yuan loan on its line, reported non-performing by the bank. */
  async function nonPerformingVillage(tw: string, villageId: string) {
    const res = await rpc<creditV1.RegisterHouseholdResponse>(
      'registerHousehold',
      householdRequest({ township: tw, village: villageId }),
      poverty,
    );
    const id = res.household!.id;
    await h.credit.rating.rateHousehold(
      { idempotencyKey: key(), householdId: id, info: { ...emptyCreditInfo(), hasIncomeProject: true } },
      center,
    );
    const start = h.clock.now();
    const notice = await h.credit.notices.openNotice(
      {
        idempotencyKey: key(),
        input: {
          villageId,
          householdIds: [id],
          startAt: start,
          endAt: new Date(start.getTime() + 7 * 864e5),
          postedLocation: '村委会',
        },
      },
      panelOf(villageId),
    );
    h.clock.advanceDays(7);
    await h.credit.notices.closeNotice({ idempotencyKey: key(), noticeId: notice.id }, panelOf(villageId));
    const { creditLineId } = await h.credit.decideCredit(
      {
        idempotencyKey: key(),
        input: {
          noticeId: notice.id,
          householdId: id,
          approve: true,
          grade: 'A',
          limitFen: yuan(50_000),
          rejectionReason: '',
          rejectionCause: '',
          evidenceRefs: [],
        },
      },
      bank,
    );
    const input = {
      creditLineId: creditLineId!,
      bankLoanNo: `${villageId}-L`,
      principalFen: yuan(50_000),
      termMonths: 12,
      rateBp: 475,
      contractDate: '2026-11-10',
    };
    await h.credit.loans.drawLoan({ idempotencyKey: key(), input }, bank);
    await h.credit.bankEvents.overdue(randomUUID(), { bankLoanNo: input.bankLoanNo, nonPerforming: true });
  }
  async function townshipOfTen(breached: number) {
    const tw = `tw-b${breached}-${key().slice(0, 6)}`;
    await township(tw);
    for (let i = 0; i < 10; i++) await village(`${tw}-v${i}`, tw);
    for (let i = 0; i < breached; i++) await nonPerformingVillage(tw, `${tw}-v${i}`);
    return { tw };
  }
  const evaluate = (townshipId: string, villageIds: string[] = []) =>
    rpc<creditV1.EvaluateBreakersResponse>(
      'evaluateBreakers',
      { idempotencyKey: key(), townshipId, villageIds },
      center,
    );

  it('trips a township when 3 of its 10 registered villages are above 3% NPL, though only those 3 have lines', async () => {
    const { tw } = await townshipOfTen(3);
    expect(await evaluate(tw)).toMatchObject({
      townshipTripped: true,
      shareBp: 3000,
      villageCount: 10,
      registryUsed: true,
    });
    expect((await h.credit.repositories.breakers.get(tw))?.value).toMatchObject({
      unitType: 'TOWNSHIP',
      tripped: true,
    });
  }, 120000);

  it('does not trip a township for 2 of its 10 registered villages, and refuses a listed village of another township', async () => {
    const { tw } = await townshipOfTen(2);
    const other = `${tw}-x`;
    await township(other);
    await village(`${other}-v`, other);
    await expect(evaluate(tw, [`${other}-v`])).rejects.toMatchObject({ code: 'VILLAGE_NOT_IN_TOWNSHIP' });
    const r = await evaluate(tw);
    expect(r).toMatchObject({ townshipTripped: false, shareBp: 2000, villageCount: 10, registryUsed: true });
    expect(r.breachedVillageIds).toEqual([`${tw}-v0`, `${tw}-v1`]);
    // CB-V still trips each breached village; the township stays untripped (the old count, 2 of 2, tripped it)
    expect((await h.credit.repositories.breakers.get(`${tw}-v0`))?.value.tripped).toBe(true);
    expect(await h.credit.repositories.breakers.get(tw)).toBeUndefined();
  }, 120000);
});
