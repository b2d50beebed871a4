import { randomUUID } from 'node:crypto';
import { creditV1 } from '@gov/contracts';
import type { Actor } from '@gov/platform/auth';
import { emptyCreditInfo } from '../src/domain/rating';
import { actor, idNumber, panelOf, startCredit, type CreditHarness, serveCreditRpc, type CreditRpc } from './harness';

// Spec credit §2.4, role HOUSEHOLD (self-service): a household views its own grade and certificate and files an
// objection during a notice — its own file and nothing else. The token's org unit names the household. One
// registered village with two households (ours and a neighbour) and a second village with a third; real store
// and broker, the reads going through CreditService over gRPC as the gateway makes them.
let h: CreditHarness;
let served: CreditRpc;
const center = actor('CENTER_STAFF');
const poverty = actor('POVERTY_OFFICE');
const bank = actor('BANK_OFFICER');
const key = () => randomUUID();
const run = key().slice(0, 6);
const tw = `tw-self-${run}`;
const [v1, v2] = [`${tw}-v1`, `${tw}-v2`];
const viaGroup = creditV1.ApplicationChannel.APPLICATION_CHANNEL_VILLAGER_GROUP;
const outside = { code: 'OUTSIDE_JURISDICTION', category: 'permission_denied' };

/** One RPC as `who`, as the gateway makes it. */
const rpc = <Res>(method: keyof creditV1.CreditServiceClient, req: object, who: Actor): Promise<Res> =>
  served.rpc<Res>(method, req, who);

/** A registered poor household of the village, rated 86 → A by the center. */
async function rated(village: string, headName: string) {
  const res = await rpc<creditV1.RegisterHouseholdResponse>(
    'registerHousehold',
    {
      idempotencyKey: key(),
      townshipId: tw,
      villageId: village,
      villagerGroupId: `${village}-g1`,
      headName,
      headIdNumber: idNumber(),
      phone: '13800138000',
      povertyStatus: creditV1.PovertyStatus.POVERTY_STATUS_REGISTERED_POOR,
    },
    poverty,
  );
  const id = res.household!.id;
  await h.credit.rating.rateHousehold(
    { idempotencyKey: key(), householdId: id, info: { ...emptyCreditInfo(), hasIncomeProject: true } },
    center,
  );
  return id;
}

/** The self-service login of a household: its org unit is the household's id (a member may follow after '/'). */
const householdLogin = (householdId: string, orgUnitId = householdId) =>
  actor('HOUSEHOLD', `login-${householdId}`, orgUnitId);

let ours: string;
let neighbour: string;
let elsewhere: string;
let me: Actor;

beforeAll(async () => {
  h = await startCredit('credit-household-self');
  served = await serveCreditRpc(h, 'household-self');
  await h.credit.geography.registerTownship(
    { idempotencyKey: key(), input: { id: tw, districtId: '411202', name: '自助乡', type: 'TOWNSHIP' } },
    center,
  );
  for (const id of [v1, v2])
    await h.credit.geography.registerVillage(
      { idempotencyKey: key(), input: { id, townshipId: tw, name: `${id}村`, isPoorVillage: false } },
      center,
    );
  [ours, neighbour, elsewhere] = [await rated(v1, '王五'), await rated(v1, '赵六'), await rated(v2, '孙七')];
  me = householdLogin(ours, `${ours}/member-2`);
}, 90000);
afterAll(async () => {
  await served?.stop();
  await h?.stop();
});

describe('HOUSEHOLD self-service: its own file only (spec credit §2.4)', () => {
  it('reads its own household, masked and without the office’s audit trail, and is refused every other one', async () => {
    const own = await rpc<creditV1.GetHouseholdResponse>('getHousehold', { id: ours }, me);
    expect(own.household).toMatchObject({ id: ours, villageId: v1, piiMasked: true, headName: '王五' });
    expect(own.household!.headIdNumber).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    expect(own.household!.phone).toBe('138****8000');
    expect(own.household!.latestRating).toBeDefined();
    expect(own.audit).toEqual([]);

    // a neighbour in the same village, a household elsewhere, and an id that does not exist look the same
    for (const id of [neighbour, elsewhere, 'hh-does-not-exist']) {
      const refused = rpc('getHousehold', { id }, me);
      await expect(refused).rejects.toMatchObject(outside);
      // nor does the refusal say where the other household lives (the township id prefixes both villages' ids)
      await expect(refused).rejects.toMatchObject({ message: expect.not.stringContaining(tw) });
    }
    // a district role is not narrowed: the center reads every household, with the audit trail
    for (const id of [ours, neighbour, elsewhere]) {
      const res = await rpc<creditV1.GetHouseholdResponse>('getHousehold', { id }, center);
      expect(res.household).toMatchObject({ id, piiMasked: false });
      expect(res.audit.length).toBeGreaterThan(0);
    }
  });

  it('submits a rating application for its own household only, and reads and lists only its own', async () => {
    const before = await h.conn.collection('rating_applications').countDocuments({});
    await expect(
      rpc('submitApplication', { idempotencyKey: key(), householdId: neighbour, channel: viaGroup }, me),
    ).rejects.toMatchObject(outside);
    expect(await h.conn.collection('rating_applications').countDocuments({})).toBe(before);

    const own = await rpc<creditV1.SubmitApplicationResponse>(
      'submitApplication',
      { idempotencyKey: key(), householdId: ours, channel: viaGroup },
      me,
    );
    expect(own.application).toMatchObject({ householdId: ours, state: 'SUBMITTED' });
    // the center takes the neighbour's application at the service center (§5.1 step 1, second channel)
    const theirs = await h.credit.applications.submit(
      { idempotencyKey: key(), householdId: neighbour, channel: 'SERVICE_CENTER' },
      center,
    );

    await expect(rpc('getApplication', { id: own.application!.id }, me)).resolves.toMatchObject({
      application: { id: own.application!.id, householdId: ours },
    });
    await expect(rpc('getApplication', { id: theirs.id }, me)).rejects.toMatchObject(outside);

    const list = (householdId: string, who: Actor) =>
      rpc<creditV1.ListHouseholdApplicationsResponse>('listHouseholdApplications', { householdId }, who);
    expect((await list(ours, me)).applications.map((a) => a.id)).toEqual([own.application!.id]);
    await expect(list(neighbour, me)).rejects.toMatchObject(outside);
    // the center lists any household's applications
    expect((await list(neighbour, center)).applications.map((a) => a.id)).toEqual([theirs.id]);
  });

  it('files an objection on its own entry only and sees the public list with its own objections, not others’', async () => {
    const panel = panelOf(v1);
    const notice = await h.credit.notices.openNotice(
      {
        idempotencyKey: key(),
        input: {
          villageId: v1,
          householdIds: [ours, neighbour],
          startAt: h.clock.now(),
          endAt: new Date(h.clock.now().getTime() + 7 * 864e5),
          postedLocation: '村委会公开栏',
        },
      },
      panel,
    );
    // a villager's objection against the neighbour, taken down by the collection group (§9.2)
    await h.credit.notices.fileObjection(
      { idempotencyKey: key(), noticeId: notice.id, householdId: neighbour, content: '该户有未结清的民间借贷' },
      actor('VILLAGE_COLLECTOR', 'collector-v1', v1),
    );

    await expect(
      rpc('fileObjection', { idempotencyKey: key(), noticeId: notice.id, householdId: neighbour, content: '不实' }, me),
    ).rejects.toMatchObject(outside);
    expect((await h.credit.notices.getNotice(notice.id)).objections).toHaveLength(1);

    const filed = await rpc<creditV1.FileObjectionResponse>(
      'fileObjection',
      { idempotencyKey: key(), noticeId: notice.id, householdId: ours, content: '评分漏计了产业项目' },
      me,
    );
    // the notice as posted in the village (公示): both entries, identity numbers masked (N6)
    expect(filed.notice!.entries.map((e) => e.householdId)).toEqual([ours, neighbour]);
    for (const e of filed.notice!.entries) expect(e.maskedIdNumber).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    // the objections are not part of what is posted: only those against its own household come back
    expect(filed.notice!.objections.map((o) => o.householdId)).toEqual([ours]);
    expect(JSON.stringify(filed.notice)).not.toContain('民间借贷');
    expect((await h.credit.notices.getNotice(notice.id)).objections).toHaveLength(2);

    // the panel dismisses ours; at the end the neighbour is held by its open objection, ours is certifiable
    const objectionId = filed.notice!.objections[0]!.id;
    await h.credit.notices.resolveObjection(
      { noticeId: notice.id, objectionId, outcome: 'DISMISSED', resolution: '项目已计入' },
      panel,
    );
    h.clock.advanceDays(7);
    const closed = await h.credit.notices.closeNotice({ idempotencyKey: key(), noticeId: notice.id }, panel);
    expect(closed.entries.map((e) => e.outcome)).toEqual(['CERTIFIABLE', 'HELD_BY_OBJECTION']);
    await h.credit.decideCredit(
      {
        idempotencyKey: key(),
        input: {
          noticeId: notice.id,
          householdId: ours,
          approve: true,
          grade: 'A',
          limitFen: 5_000_000,
          rejectionReason: '',
          rejectionCause: '',
          evidenceRefs: [],
        },
      },
      bank,
    );
  });

  it('reads its own credit line and certificate, and is refused another household’s, existing or not', async () => {
    const line = await rpc<creditV1.GetCreditLineResponse>('getCreditLine', { householdId: ours }, me);
    expect(line.creditLine).toMatchObject({ householdId: ours, grade: creditV1.Grade.GRADE_A, status: 'ACTIVE' });
    expect(line.creditLine!.certificateNo).toMatch(new RegExp(`^HB-\\d{4}-${v1}-\\d{6}$`));
    // the neighbour has no line and the household elsewhere none either: both refused alike, before any lookup
    for (const householdId of [neighbour, elsewhere])
      await expect(rpc('getCreditLine', { householdId }, me)).rejects.toMatchObject(outside);
    await expect(rpc('getCreditLine', { householdId: ours }, bank)).resolves.toMatchObject({
      creditLine: { householdId: ours },
    });
    await expect(rpc('getCreditLine', { householdId: neighbour }, bank)).rejects.toMatchObject({
      code: 'CREDIT_LINE_NOT_FOUND',
    });
  });

  it('covers nothing when its org unit names no household', async () => {
    const nobody = householdLogin(ours, '');
    await expect(rpc('getHousehold', { id: ours }, nobody)).rejects.toMatchObject(outside);
    await expect(rpc('getCreditLine', { householdId: ours }, nobody)).rejects.toMatchObject(outside);
    await expect(rpc('listHouseholdApplications', { householdId: ours }, nobody)).rejects.toMatchObject(outside);
  });

  it('gives a role that only pushes records, or one the service does not know, no household file (spec credit §2.4)', async () => {
    const notPermitted = { code: 'NOT_PERMITTED', category: 'permission_denied' };
    for (const who of [actor('DATA_PROVIDER', 'court-feed', 'court'), actor('VISITOR', 'someone', 'district')]) {
      await expect(rpc('getHousehold', { id: ours }, who)).rejects.toMatchObject(notPermitted);
      await expect(rpc('getCreditLine', { householdId: ours }, who)).rejects.toMatchObject(notPermitted);
      await expect(rpc('listHouseholdApplications', { householdId: ours }, who)).rejects.toMatchObject(notPermitted);
    }
  });

  it('keeps a village role’s reach when the login holds HOUSEHOLD as well: the wider tier wins (spec credit §2.4)', async () => {
    const collectorAndHousehold: Actor = {
      ...actor('VILLAGE_COLLECTOR', 'both', v1),
      roles: ['HOUSEHOLD', 'VILLAGE_COLLECTOR'],
    };
    await expect(rpc('getHousehold', { id: neighbour }, collectorAndHousehold)).resolves.toMatchObject({
      household: { id: neighbour },
    });
    await expect(rpc('getHousehold', { id: elsewhere }, collectorAndHousehold)).rejects.toMatchObject(outside);
  });
});
