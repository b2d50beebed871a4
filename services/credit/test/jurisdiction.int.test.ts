import { randomUUID } from 'node:crypto';
import { creditV1 } from '@gov/contracts';
import type { Actor } from '@gov/platform/auth';
import { emptyCreditInfo } from '../src/domain/rating';
import { screeningCodes } from '../src/domain/screening';
import { actor, idNumber, panelOf, startCredit, type CreditHarness, serveCreditRpc, type CreditRpc } from './harness';

// Spec credit §2.4 row-level security: village and township roles see and act on their own jurisdiction only.
// Two registered townships — A with villages a1 and a2, B with b1 — and a village x nobody registered whose
// households say they are of A. Real store and broker; the reads and lists go through CreditService over gRPC.
let h: CreditHarness;
let served: CreditRpc;
const center = actor('CENTER_STAFF');
const poverty = actor('POVERTY_OFFICE');
const bank = actor('BANK_OFFICER');
const key = () => randomUUID();
const yuan = (y: number) => Math.round(y * 100);
const run = key().slice(0, 6);
const twA = `tw-a-${run}`;
const twB = `tw-b-${run}`;
const [a1, a2, b1, x] = [`${twA}-v1`, `${twA}-v2`, `${twB}-v1`, `${twA}-unregistered`];
// org units as an identity provider would issue them: the unit's id, optionally with a sub-unit after '/'
const collectorA1 = actor('VILLAGE_COLLECTOR', 'collector-a1', `${a1}/collection-group`);
const stationA = actor('STATION_STAFF', 'station-a', `${twA}/service-station`);
const stationB = actor('STATION_STAFF', 'station-b', twB);
const outside = { code: 'OUTSIDE_JURISDICTION', category: 'permission_denied' };

/** One RPC as `who`, as the gateway makes it. */
const rpc = <Res>(method: keyof creditV1.CreditServiceClient, req: object, who: Actor): Promise<Res> =>
  served.rpc<Res>(method, req, who);

function householdRequest(village: string, township: string) {
  return {
    idempotencyKey: key(),
    townshipId: township,
    villageId: village,
    villagerGroupId: `${village}-g1`,
    headName: '李四',
    headIdNumber: idNumber(),
    phone: '13800138000',
    povertyStatus: creditV1.PovertyStatus.POVERTY_STATUS_REGISTERED_POOR,
  };
}

/** A registered poor household of the village, rated 87 → AA by the center. */
async function rated(village: string, township: string) {
  const res = await rpc<creditV1.RegisterHouseholdResponse>(
    'registerHousehold',
    householdRequest(village, township),
    poverty,
  );
  const id = res.household!.id;
  await h.credit.rating.rateHousehold(
    {
      idempotencyKey: key(),
      householdId: id,
      info: { ...emptyCreditInfo(), hasIncomeProject: true, headIsPartyMember: true },
    },
    center,
  );
  return id;
}

const window = () => {
  const startAt = h.clock.now();
  return { startAt, endAt: new Date(startAt.getTime() + 7 * 864e5), postedLocation: '村委会公开栏' };
};

let households: { a1: string; a2: string; b1: string; x: string };

beforeAll(async () => {
  h = await startCredit('credit-jurisdiction');
  served = await serveCreditRpc(h, 'jurisdiction');
  for (const tw of [twA, twB])
    await h.credit.geography.registerTownship(
      { idempotencyKey: key(), input: { id: tw, districtId: '411202', name: `${tw}乡`, type: 'TOWNSHIP' } },
      center,
    );
  for (const [id, townshipId] of [
    [a1, twA],
    [a2, twA],
    [b1, twB],
  ] as const)
    await h.credit.geography.registerVillage(
      { idempotencyKey: key(), input: { id, townshipId, name: `${id}村`, isPoorVillage: false } },
      center,
    );
  await h.credit.geography.registerVillagerGroup(
    { idempotencyKey: key(), input: { id: `${a2}-g1`, villageId: a2, name: '一组' } },
    center,
  );
  households = {
    a1: await rated(a1, twA),
    a2: await rated(a2, twA),
    b1: await rated(b1, twB),
    x: await rated(x, twA),
  };
}, 90000);
afterAll(async () => {
  await served?.stop();
  await h?.stop();
});

describe('village roles (spec credit §2.4 row-level security)', () => {
  it('lets a collector register and read households of its own village and refuses another village’s, storing nothing', async () => {
    const own = await rpc<creditV1.RegisterHouseholdResponse>(
      'registerHousehold',
      { ...householdRequest(a1, twA), povertyStatus: creditV1.PovertyStatus.POVERTY_STATUS_NONE },
      collectorA1,
    );
    expect(own.household).toMatchObject({ villageId: a1, piiMasked: true });
    const before = await h.conn.collection('households').countDocuments({ villageId: a2 });
    await expect(
      rpc(
        'registerHousehold',
        { ...householdRequest(a2, twA), povertyStatus: creditV1.PovertyStatus.POVERTY_STATUS_NONE },
        collectorA1,
      ),
    ).rejects.toMatchObject(outside);
    expect(await h.conn.collection('households').countDocuments({ villageId: a2 })).toBe(before);

    await expect(rpc('getHousehold', { id: households.a1 }, collectorA1)).resolves.toMatchObject({
      household: { id: households.a1 },
    });
    for (const id of [households.a2, households.b1, households.x])
      await expect(rpc('getHousehold', { id }, collectorA1)).rejects.toMatchObject(outside);
    // a district role is not narrowed: the center reads every one, the unregistered village's too
    for (const id of Object.values(households))
      await expect(rpc('getHousehold', { id }, center)).resolves.toMatchObject({ household: { id } });
  });

  it('refuses a village panel every procedure step in another village, leaving the application where it was', async () => {
    const panelA1 = panelOf(a1);
    const panelA2 = panelOf(a2);
    const householdId = await rated(a2, twA);
    const app = await h.credit.applications.submit(
      { idempotencyKey: key(), householdId, channel: 'SERVICE_CENTER' },
      center,
    );
    await expect(
      h.credit.applications.submit({ idempotencyKey: key(), householdId, channel: 'VILLAGER_GROUP' }, collectorA1),
    ).rejects.toMatchObject(outside);
    await expect(rpc('getApplication', { id: app.id }, panelA1)).rejects.toMatchObject(outside);

    const review = (who: Actor) =>
      h.credit.applications.review(
        {
          villagerGroupId: `${a2}-g1`,
          householdsInGroup: 5,
          representatives: ['r1'],
          decisions: [{ applicationId: app.id, approve: true, reason: '' }],
        },
        who,
      );
    await expect(review(panelA1)).rejects.toMatchObject(outside);
    expect((await h.credit.repositories.applications.get(app.id))!.value.state).toBe('SUBMITTED');
    expect((await review(panelA2))[0]!.state).toBe('INFO_COLLECTION');

    const checks = screeningCodes.map((code) => ({ code, satisfied: true, evidenceRef: `minutes/${code}` }));
    await expect(
      h.credit.screenHousehold({ idempotencyKey: key(), householdId, checks }, panelA1),
    ).rejects.toMatchObject(outside);
    await expect(
      h.credit.screenHousehold({ idempotencyKey: key(), householdId, checks }, panelA2),
    ).resolves.toMatchObject({ outcome: 'PASSED' });

    // the rating after the review makes it SCORED; the 村级评定 is its own village's panel's only
    await h.credit.rating.rateHousehold(
      { idempotencyKey: key(), householdId, info: { ...emptyCreditInfo(), hasIncomeProject: true } },
      center,
    );
    const meeting = {
      participantRoles: ['PARTY_SECRETARY', 'TWO_COMMITTEES', 'FIRST_SECRETARY', 'WORK_TEAM', 'POVERTY_TEAM_LEADER'],
      partyMembers: 12,
      partyReps: 3,
      households: 40,
      villagerReps: 3,
    };
    const assess = (who: Actor) =>
      h.credit.procedure.assess(
        {
          idempotencyKey: key(),
          input: {
            villageId: a2,
            meeting,
            decisions: [{ applicationId: app.id, approve: true, reason: '' }],
            notice: window(),
          },
        },
        who,
      );
    await expect(assess(panelA1)).rejects.toMatchObject(outside);
    await expect(
      h.credit.notices.openNotice(
        { idempotencyKey: key(), input: { villageId: a2, householdIds: [householdId], ...window() } },
        panelA1,
      ),
    ).rejects.toMatchObject(outside);
    expect((await h.credit.repositories.applications.get(app.id))!.value.state).toBe('SCORED');

    const { noticeId } = await assess(panelA2);
    await expect(
      h.credit.notices.fileObjection(
        { idempotencyKey: key(), noticeId, householdId, content: '收入不实' },
        collectorA1,
      ),
    ).rejects.toMatchObject(outside);
    await expect(h.credit.notices.closeNotice({ idempotencyKey: key(), noticeId }, panelA1)).rejects.toMatchObject(
      outside,
    );
    // its own panel is refused for the notice's own reason only: it still runs
    await expect(h.credit.notices.closeNotice({ idempotencyKey: key(), noticeId }, panelA2)).rejects.toMatchObject({
      code: 'NOTICE_STILL_RUNNING',
    });
    expect((await h.credit.notices.getNotice(noticeId)).objections).toEqual([]);
  });
});

describe('township stations (spec credit §2.3-2.4)', () => {
  it('sees every registered village of its township and refuses another township’s and an unregistered village’s households', async () => {
    for (const id of [households.a1, households.a2])
      await expect(rpc('getHousehold', { id }, stationA)).resolves.toMatchObject({ household: { id } });
    // x says it is of township A, but no registry says so: only district roles and x's own village roles see it
    for (const id of [households.b1, households.x])
      await expect(rpc('getHousehold', { id }, stationA)).rejects.toMatchObject(outside);
    await expect(
      rpc('getHousehold', { id: households.x }, actor('VILLAGE_COLLECTOR', 'collector-x', x)),
    ).resolves.toMatchObject({ household: { id: households.x } });
    await expect(rpc('getHousehold', { id: households.b1 }, stationB)).resolves.toMatchObject({
      household: { id: households.b1 },
    });

    const rate = (householdId: string, who: Actor) =>
      h.credit.rating.rateHousehold(
        { idempotencyKey: key(), householdId, info: { ...emptyCreditInfo(), hasIncomeProject: true } },
        who,
      );
    await expect(rate(households.a2, stationA)).resolves.toMatchObject({ householdId: households.a2 });
    await expect(rate(households.b1, stationA)).rejects.toMatchObject(outside);
  });

  it('reads a credit line and takes objections only inside its township', async () => {
    const householdId = await rated(a1, twA);
    const notice = await h.credit.notices.openNotice(
      { idempotencyKey: key(), input: { villageId: a1, householdIds: [householdId], ...window() } },
      panelOf(a1),
    );
    await expect(
      h.credit.notices.fileObjection(
        { idempotencyKey: key(), noticeId: notice.id, householdId, content: '收入不实' },
        stationB,
      ),
    ).rejects.toMatchObject(outside);
    const objected = await h.credit.notices.fileObjection(
      { idempotencyKey: key(), noticeId: notice.id, householdId, content: '收入不实' },
      stationA,
    );
    const resolve = (who: Actor) =>
      h.credit.notices.resolveObjection(
        {
          noticeId: notice.id,
          objectionId: objected.objections[0]!.id,
          outcome: 'DISMISSED',
          resolution: '经核实属实',
        },
        who,
      );
    await expect(resolve(stationB)).rejects.toMatchObject(outside);
    await resolve(stationA);
    h.clock.advanceDays(7);
    await h.credit.notices.closeNotice({ idempotencyKey: key(), noticeId: notice.id }, stationA);
    await h.credit.decideCredit(
      {
        idempotencyKey: key(),
        input: {
          noticeId: notice.id,
          householdId,
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
    for (const who of [stationA, panelOf(a1), bank])
      await expect(rpc('getCreditLine', { householdId }, who)).resolves.toMatchObject({
        creditLine: { householdId },
      });
    for (const who of [stationB, panelOf(a2)])
      await expect(rpc('getCreditLine', { householdId }, who)).rejects.toMatchObject(outside);
  });
});

describe('lists (spec credit §2.4)', () => {
  it('filters the registry’s lists to the caller’s jurisdiction; district roles keep the full list', async () => {
    const villagesOf = async (townshipId: string, who: Actor) =>
      (await rpc<creditV1.ListVillagesResponse>('listVillages', { townshipId }, who)).villages.map((v) => v.id);
    expect(await villagesOf(twA, stationA)).toEqual([a1, a2]);
    expect(await villagesOf(twA, bank)).toEqual([a1, a2]);
    expect(await villagesOf(twA, collectorA1)).toEqual([a1]);
    expect(await villagesOf(twA, stationB)).toEqual([]);
    expect(await villagesOf(twB, stationB)).toEqual([b1]);
    const groupsOf = async (villageId: string, who: Actor) =>
      (await rpc<creditV1.ListVillagerGroupsResponse>('listVillagerGroups', { villageId }, who)).villagerGroups;
    expect(await groupsOf(a2, stationA)).toHaveLength(1);
    expect(await groupsOf(a2, panelOf(a2))).toHaveLength(1);
    expect(await groupsOf(a2, collectorA1)).toEqual([]);
    expect(await groupsOf(a2, stationB)).toEqual([]);
  });
});
