import { randomUUID } from 'node:crypto';
import { creditEventTypes as t } from '@gov/contracts';
import { systemActor } from '@gov/platform/auth';
import { waitFor } from '@gov/testkit';
import { emptyCreditInfo } from '../src/domain/rating';
import { actor, creditEventsV1 as ev, idNumber, panelOf, startCredit, type CreditHarness } from './harness';

// The rating procedure from the scored application to the certificate (spec credit §5.1 steps 4-8, §5.2, §9),
// on the real store and broker, through the wiring main.ts uses.
const poverty = actor('POVERTY_OFFICE');
const center = actor('CENTER_STAFF');
// the panel of vg-p and the station of its township tw-p (spec credit §2.4); tw-p and vg-p are registered below
const panel = panelOf('vg-p');
const station = actor('STATION_STAFF', 'station', 'tw-p');
const bank = actor('BANK_OFFICER');
// a household's self-service login names its own household (spec credit §2.4); a neighbour's objection is taken
// down by the village's collection group (§9.2)
const householdLogin = (householdId: string) => actor('HOUSEHOLD', `login-${householdId}`, householdId);
const collector = actor('VILLAGE_COLLECTOR', 'collector', 'vg-p');
const key = () => randomUUID();
const yuan = (y: number) => Math.round(y * 100);
const meeting = {
  participantRoles: ['PARTY_SECRETARY', 'TWO_COMMITTEES', 'FIRST_SECRETARY', 'WORK_TEAM', 'POVERTY_TEAM_LEADER'],
  partyMembers: 12,
  partyReps: 3,
  households: 40,
  villagerReps: 3,
};

/** A household of the village with a submitted, group-approved and rated application: SCORED. */
async function scored(h: CreditHarness, village: string, name: string) {
  const householdId = await h.credit.registerHousehold(
    {
      idempotencyKey: key(),
      input: {
        townshipId: 'tw-p',
        villageId: village,
        villagerGroupId: `${village}-g1`,
        headName: name,
        headIdNumber: idNumber(),
        phone: '13800138000',
        povertyStatus: 'REGISTERED_POOR',
      },
    },
    poverty,
  );
  const app = await h.credit.applications.submit(
    { idempotencyKey: key(), householdId, channel: 'VILLAGER_GROUP' },
    householdLogin(householdId),
  );
  await h.credit.applications.review(
    {
      villagerGroupId: `${village}-g1`,
      householdsInGroup: 5,
      representatives: ['r1'],
      decisions: [{ applicationId: app.id, approve: true, reason: '' }],
    },
    panelOf(village),
  );
  // P1 party member +1, P3 income project +3, poverty +3: 87 → AA (100,000 yuan cap)
  await h.credit.rating.rateHousehold(
    {
      idempotencyKey: key(),
      householdId,
      info: { ...emptyCreditInfo(), hasIncomeProject: true, headIsPartyMember: true },
    },
    center,
  );
  return { householdId, applicationId: app.id };
}

const stateOf = async (h: CreditHarness, applicationId: string) =>
  (await h.credit.repositories.applications.get(applicationId))!.value.state;

function window(h: CreditHarness, days: number) {
  const startAt = h.clock.now();
  return { startAt, endAt: new Date(startAt.getTime() + days * 864e5), postedLocation: '村委会公开栏' };
}

describe('village assessment, village notice, bank, grade notice, certificate (spec credit §5, §9)', () => {
  let h: CreditHarness;
  beforeAll(async () => {
    h = await startCredit('credit-procedure');
    // the station sees vg-p through the registry: it is tw-p's village there
    await h.credit.geography.registerTownship(
      { idempotencyKey: key(), input: { id: 'tw-p', districtId: '411202', name: '交口乡', type: 'TOWNSHIP' } },
      center,
    );
    await h.credit.geography.registerVillage(
      { idempotencyKey: key(), input: { id: 'vg-p', townshipId: 'tw-p', name: '南川村', isPoorVillage: true } },
      center,
    );
  }, 90000);
  afterAll(async () => h?.stop());

  it('takes scored applications through every step, each household on its own, each step once under retry', async () => {
    const [h1, h2, h3, h4] = [
      await scored(h, 'vg-p', '赵一'),
      await scored(h, 'vg-p', '钱二'),
      await scored(h, 'vg-p', '孙三'),
      await scored(h, 'vg-p', '李四'),
    ];
    expect(await stateOf(h, h1.applicationId)).toBe('SCORED');
    const decisions = [
      ...[h1, h2, h3].map((x) => ({ applicationId: x.applicationId, approve: true, reason: '' })),
      { applicationId: h4.applicationId, approve: false, reason: '群众评议不认可其诚信状况' },
    ];
    const assess = (idempotencyKey: string, input: Partial<Parameters<typeof h.credit.procedure.assess>[0]['input']>) =>
      h.credit.procedure.assess(
        { idempotencyKey, input: { villageId: 'vg-p', meeting, decisions, notice: window(h, 7), ...input } },
        panel,
      );

    // §5.2 guard: the meeting needs its participant roles; the village notice runs at least 7 days (§22-10)
    await expect(
      assess(key(), { meeting: { ...meeting, participantRoles: ['PARTY_SECRETARY', 'WORK_TEAM'] } }),
    ).rejects.toMatchObject({ code: 'ASSESSMENT_PARTICIPANTS_MISSING' });
    await expect(assess(key(), { notice: window(h, 6) })).rejects.toMatchObject({ code: 'NOTICE_TOO_SHORT' });
    await expect(
      assess(key(), { decisions: [{ applicationId: h4.applicationId, approve: false, reason: ' ' }] }),
    ).rejects.toMatchObject({ code: 'CREDIT_INPUT_INVALID' });
    await expect(
      h.credit.procedure.assess(
        { idempotencyKey: key(), input: { villageId: 'vg-p', meeting, decisions, notice: window(h, 7) } },
        station,
      ),
    ).rejects.toMatchObject({ code: 'NOT_PERMITTED' });
    // §2.4: another village's panel may not hold vg-p's 村级评定
    await expect(
      h.credit.procedure.assess(
        { idempotencyKey: key(), input: { villageId: 'vg-p', meeting, decisions, notice: window(h, 7) } },
        panelOf('vg-q'),
      ),
    ).rejects.toMatchObject({ code: 'OUTSIDE_JURISDICTION' });
    expect(await stateOf(h, h1.applicationId)).toBe('SCORED');

    // §5.2: 40 households want [ceil(40/15), ceil(40/10)] = [3, 4] villager representatives; 2 is only a warning
    const k = key();
    const first = await assess(k, { meeting: { ...meeting, villagerReps: 2 } });
    expect(first.warnings).toEqual(['VILLAGER_REPS_OUTSIDE_3_4']);
    const again = await assess(k, { meeting: { ...meeting, villagerReps: 2 } });
    expect(again).toEqual(first);
    const village = await h.credit.notices.getNotice(first.noticeId);
    expect(village).toMatchObject({ kind: 'CREDIT_HOUSEHOLD_LIST', status: 'OPEN', villageId: 'vg-p' });
    expect(village.entries.map((e) => e.householdId)).toEqual([h1, h2, h3].map((x) => x.householdId));
    // N6: masked identity numbers only
    expect(village.entries[0]!.maskedIdNumber).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(await stateOf(h, h1.applicationId)).toBe('VILLAGE_NOTICE');
    expect(await stateOf(h, h4.applicationId)).toBe('VILLAGE_REJECTED');
    const opened = await waitFor(() => h.ofType(t.noticeOpened).find((x) => x.key === village.id), {
      what: 'notice.opened',
    });
    expect(ev.NoticeOpened.decode(opened.payload).kind).toBe(ev.NoticeKind.NOTICE_KIND_CREDIT_HOUSEHOLD_LIST);

    // an objection against H3 is still open at the end: H3 waits, H1 and H2 go to the bank (§9.2)
    const withObjection = await h.credit.notices.fileObjection(
      { idempotencyKey: key(), noticeId: village.id, householdId: h3.householdId, content: '该户有未结清的民间借贷' },
      collector,
    );
    h.clock.advanceDays(7);
    await h.credit.notices.closeNotice({ idempotencyKey: key(), noticeId: village.id }, panel);
    expect(await stateOf(h, h1.applicationId)).toBe('BANK_ASSESSMENT');
    expect(await stateOf(h, h2.applicationId)).toBe('BANK_ASSESSMENT');
    expect(await stateOf(h, h3.applicationId)).toBe('OBJECTION_REVIEW');
    const requested = await waitFor(() => h.ofType(t.bankAssessmentRequested).find((x) => x.key === village.id), {
      what: 'bank-assessment.requested',
    });
    const asked = ev.BankAssessmentRequested.decode(requested.payload);
    expect(asked.households.map((x) => x.householdId)).toEqual([h1.householdId, h2.householdId]);
    expect(asked.households[0]).toMatchObject({ computedGrade: ev.Grade.GRADE_AA, capFen: String(yuan(100_000)) });

    // the bank decides on the village list: an approval waits for the grade notice, no certificate yet (§5.1 step 6-8)
    const decide = (householdId: string, approve: boolean, extra: object = {}) =>
      h.credit.decideCredit(
        {
          idempotencyKey: key(),
          input: {
            noticeId: village.id,
            householdId,
            approve,
            grade: approve ? 'AA' : 'NONE',
            limitFen: approve ? yuan(80_000) : 0,
            rejectionReason: approve ? '' : '经营项目无市场前景',
            rejectionCause: approve ? '' : '养殖场址位于禁养区',
            evidenceRefs: approve ? [] : ['bank-report-17'],
            ...extra,
          },
        },
        bank,
      );
    expect(await decide(h1.householdId, true)).toEqual({ outcome: 'APPROVED', creditLineId: '' });
    await decide(h2.householdId, true, { limitFen: yuan(60_000) });
    await expect(decide(h3.householdId, true)).rejects.toMatchObject({ code: 'NOT_CERTIFIABLE' });
    expect(await stateOf(h, h1.applicationId)).toBe('GRADE_NOTICE');
    expect(await h.credit.repositories.lines.findByHousehold(h1.householdId)).toBeUndefined();

    // H3's objection is dismissed after the close: it goes to the bank on its own, which rejects it with reasons
    await h.credit.notices.resolveObjection(
      {
        noticeId: village.id,
        objectionId: withObjection.objections[0]!.id,
        outcome: 'DISMISSED',
        resolution: '借贷已于公示期内结清',
      },
      panel,
    );
    expect(await stateOf(h, h3.applicationId)).toBe('BANK_ASSESSMENT');
    await waitFor(() => h.ofType(t.bankAssessmentRequested).filter((x) => x.key === village.id).length === 2, {
      what: 'the second bank-assessment request',
    });
    await decide(h3.householdId, false);
    expect(await stateOf(h, h3.applicationId)).toBe('BANK_REJECTED');

    // N3: the township posts the grades; the village panel may not; each approval is posted once
    const grade = (idempotencyKey: string, who = station) =>
      h.credit.procedure.openGradeNotice({ idempotencyKey, sourceNoticeId: village.id, window: window(h, 7) }, who);
    await expect(grade(key(), panel)).rejects.toMatchObject({ code: 'NOT_PERMITTED' });
    // §2.4: only vg-p's own township station posts its grades
    await expect(grade(key(), actor('STATION_STAFF', 'station-q', 'tw-q'))).rejects.toMatchObject({
      code: 'OUTSIDE_JURISDICTION',
    });
    const gk = key();
    const gradeNotice = await grade(gk);
    expect((await grade(gk)).id).toBe(gradeNotice.id);
    await expect(grade(key())).rejects.toMatchObject({ code: 'NOTHING_TO_NOTICE' });
    expect(gradeNotice).toMatchObject({ kind: 'GRADE_LIST', sourceNoticeId: village.id, status: 'OPEN' });
    expect(gradeNotice.entries.map((e) => [e.householdId, e.grade, e.limitFen])).toEqual([
      [h1.householdId, 'AA', yuan(80_000)],
      [h2.householdId, 'AA', yuan(60_000)],
    ]);
    expect((await h.credit.repositories.applications.get(h1.applicationId))!.value.noticeId).toBe(gradeNotice.id);
    await expect(
      h.credit.decideCredit(
        {
          idempotencyKey: key(),
          input: {
            noticeId: gradeNotice.id,
            householdId: h1.householdId,
            approve: true,
            grade: 'AA',
            limitFen: 1,
            rejectionReason: '',
            rejectionCause: '',
            evidenceRefs: [],
          },
        },
        bank,
      ),
    ).rejects.toMatchObject({ code: 'NOT_CERTIFIABLE' });

    // §22-11: an objection against H2 is open at the end; the closing job certifies H1 only
    const onGrade = await h.credit.notices.fileObjection(
      {
        idempotencyKey: key(),
        noticeId: gradeNotice.id,
        householdId: h2.householdId,
        content: '评分中的产业项目已停办',
      },
      collector,
    );
    h.clock.advanceDays(6);
    expect(await h.credit.notices.closeDue(systemActor)).toBe(0);
    h.clock.advanceDays(1);
    expect(await h.credit.notices.closeDue(systemActor)).toBe(1);
    expect(await stateOf(h, h1.applicationId)).toBe('CERTIFIED');
    expect(await stateOf(h, h2.applicationId)).toBe('OBJECTION_REVIEW_2');
    const line = (await h.credit.repositories.lines.findByHousehold(h1.householdId))!.value;
    expect(line).toMatchObject({ grade: 'AA', limitFen: yuan(80_000), status: 'ACTIVE' });
    expect(await h.credit.repositories.lines.findByHousehold(h2.householdId)).toBeUndefined();
    await waitFor(() => h.ofType(t.certificateIssued).some((x) => x.key === h1.householdId), {
      what: 'certificate.issued for H1',
    });
    // a retried close changes nothing
    await h.credit.notices.closeNotice({ idempotencyKey: key(), noticeId: gradeNotice.id }, panel);
    expect(h.ofType(t.certificateIssued).filter((x) => x.key === h1.householdId)).toHaveLength(1);

    // §5.2 OBJECTION_REVIEW_2: upheld with RESCORE sends H2 back to be scored again
    await h.credit.notices.resolveObjection(
      {
        noticeId: gradeNotice.id,
        objectionId: onGrade.objections[0]!.id,
        outcome: 'UPHELD',
        resolution: '产业项目已停办,重新评分',
        consequence: 'RESCORE',
      },
      station,
    );
    expect(await stateOf(h, h2.applicationId)).toBe('SCORED');
    const history = (await h.credit.repositories.applications.get(h1.applicationId))!.value.history.map((x) => x.to);
    expect(history).toEqual([
      'INFO_COLLECTION',
      'SCORED',
      'VILLAGE_NOTICE',
      'BANK_ASSESSMENT',
      'GRADE_NOTICE',
      'CERTIFIED',
    ]);
  });
});

describe('merged notice (spec credit R5.4)', () => {
  let h: CreditHarness;
  beforeAll(async () => {
    h = await startCredit('credit-merged', { mergeNotices: true });
  }, 90000);
  afterAll(async () => h?.stop());

  it('posts households with grades once; the bank approval then issues the certificate and certifies', async () => {
    const x = await scored(h, 'vg-m', '周五');
    const { noticeId } = await h.credit.procedure.assess(
      {
        idempotencyKey: key(),
        input: {
          villageId: 'vg-m',
          meeting,
          decisions: [{ applicationId: x.applicationId, approve: true, reason: '' }],
          notice: window(h, 7),
        },
      },
      panelOf('vg-m'),
    );
    expect((await h.credit.notices.getNotice(noticeId)).kind).toBe('MERGED');
    h.clock.advanceDays(7);
    await h.credit.notices.closeNotice({ idempotencyKey: key(), noticeId }, panelOf('vg-m'));
    expect(await stateOf(h, x.applicationId)).toBe('BANK_ASSESSMENT');
    const decided = await h.credit.decideCredit(
      {
        idempotencyKey: key(),
        input: {
          noticeId,
          householdId: x.householdId,
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
    expect(decided.creditLineId).not.toBe('');
    expect(await stateOf(h, x.applicationId)).toBe('CERTIFIED');
    await waitFor(() => h.ofType(t.certificateIssued).some((e) => e.key === x.householdId), {
      what: 'certificate.issued',
    });
  });
});
