import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { creditEventTypes as t } from '@gov/contracts';
import { verifyAuditChain } from '@gov/platform';
import { waitFor } from '@gov/testkit';
import { emptyCreditInfo, type CreditInfo, type PovertyStatus } from '../src/domain/rating';
import { actor, creditEventsV1 as ev, idNumber, panelOf, startCredit, type CreditHarness } from './harness';

// Spec credit §22 acceptance scenarios on the real store and broker, through the same wiring main.ts uses.
let h: CreditHarness;
// most households below live in vg-1; village roles are that village's (spec credit §2.4)
const collector = actor('VILLAGE_COLLECTOR', 'collector', 'vg-1');
const poverty = actor('POVERTY_OFFICE');
const center = actor('CENTER_STAFF');
const panel = panelOf('vg-1');
const bank = actor('BANK_OFFICER');
// a household's self-service login names its own household (spec credit §2.4)
const householdLogin = (householdId: string) => actor('HOUSEHOLD', `login-${householdId}`, householdId);
const yuan = (y: number) => Math.round(y * 100);
const key = () => randomUUID();

beforeAll(async () => {
  h = await startCredit('credit-flow');
}, 90000);
afterAll(async () => h?.stop());

async function household(
  o: { village?: string; township?: string; poverty?: PovertyStatus; info?: Partial<CreditInfo> } = {},
) {
  const id = await h.credit.registerHousehold(
    {
      idempotencyKey: key(),
      input: {
        townshipId: o.township ?? 'tw-1',
        villageId: o.village ?? 'vg-1',
        villagerGroupId: 'grp-1',
        headName: '李四',
        headIdNumber: idNumber(),
        phone: '13800138000',
        povertyStatus: o.poverty ?? 'REGISTERED_POOR',
      },
    },
    poverty,
  );
  const rating = await h.credit.rating.rateHousehold(
    { idempotencyKey: key(), householdId: id, info: { ...emptyCreditInfo(), hasIncomeProject: true, ...o.info } },
    center,
  );
  return { id, rating };
}

async function certified(ids: string[], village = 'vg-1') {
  const start = h.clock.now();
  const notice = await h.credit.notices.openNotice(
    {
      idempotencyKey: key(),
      input: {
        villageId: village,
        householdIds: ids,
        startAt: start,
        endAt: new Date(start.getTime() + 7 * 864e5),
        postedLocation: '村委会',
      },
    },
    panelOf(village),
  );
  h.clock.advanceDays(7);
  return h.credit.notices.closeNotice({ idempotencyKey: key(), noticeId: notice.id }, panelOf(village));
}

async function approve(noticeId: string, householdId: string, grade: 'A' | 'AA' | 'AAA' | 'AAA+', limitFen: number) {
  return h.credit.decideCredit(
    {
      idempotencyKey: key(),
      input: {
        noticeId,
        householdId,
        approve: true,
        grade,
        limitFen,
        rejectionReason: '',
        rejectionCause: '',
        evidenceRefs: [],
      },
    },
    bank,
  );
}

describe('households and personal data (spec credit §2.4, §3.2)', () => {
  it('stores the identity number encrypted and shows it masked to everyone but the roles that need it', async () => {
    const id = await h.credit.registerHousehold(
      {
        idempotencyKey: 'reg-1',
        input: {
          townshipId: 'tw-1',
          villageId: 'vg-1',
          villagerGroupId: 'grp-1',
          headName: '王五',
          headIdNumber: '11010519491231002X',
          phone: '13912345678',
          povertyStatus: 'NONE',
        },
      },
      collector,
    );
    const raw = JSON.stringify(await h.conn.db!.collection('household_pii').findOne({ _id: id as never }));
    expect(raw).not.toContain('11010519491231002X');
    expect(raw).not.toContain('13912345678');
    expect((await h.credit.getHousehold(id, panel)).household).toMatchObject({
      idNumber: '110105********002X',
      phone: '139****5678',
      piiMasked: true,
    });
    expect((await h.credit.getHousehold(id, bank)).household).toMatchObject({
      idNumber: '11010519491231002X',
      piiMasked: false,
    });
  });
  it('returns the same household for a retried registration and refuses bad input with stable codes', async () => {
    const input = {
      townshipId: 'tw-1',
      villageId: 'vg-1',
      villagerGroupId: 'g',
      headName: '赵六',
      headIdNumber: idNumber(),
      phone: '13700000000',
      povertyStatus: 'NONE' as const,
    };
    const a = await h.credit.registerHousehold({ idempotencyKey: 'reg-2', input }, collector);
    expect(await h.credit.registerHousehold({ idempotencyKey: 'reg-2', input }, collector)).toBe(a);
    await expect(
      h.credit.registerHousehold({ idempotencyKey: 'reg-3', input: { ...input, headIdNumber: '123' } }, collector),
    ).rejects.toMatchObject({ code: 'CREDIT_INPUT_INVALID' });
    await expect(
      h.credit.registerHousehold(
        { idempotencyKey: 'reg-4', input: { ...input, povertyStatus: 'REGISTERED_POOR' } },
        collector,
      ),
    ).rejects.toMatchObject({ code: 'NOT_PERMITTED' });
  });
});

describe('rating (spec credit §7-8)', () => {
  it('§22-1: 87 → AA with 100,000 yuan, the explanation item by item, and credit.score.computed on the topic', async () => {
    const { id, rating } = await household({ info: { headIsPartyMember: true } });
    expect(rating).toMatchObject({ total: 87, grade: 'AA', capFen: yuan(100_000), policyVersion: '2017-33-v1' });
    const e = await waitFor(() => h.ofType(t.scoreComputed).find((x) => x.key === id), { what: 'ScoreComputed' });
    const msg = ev.ScoreComputed.decode(e.payload);
    expect(msg).toMatchObject({
      householdId: id,
      total: 87,
      grade: ev.Grade.GRADE_AA,
      gradeCapFen: '10000000',
      povertyBonus: 3,
    });
    expect(msg.items.map((i) => `${i.code}:${i.points}`)).toEqual(['BASE:80', 'P1:1', 'P3:3', 'POVERTY_BONUS:3']);
    const stored = await h.credit.getHousehold(id, center);
    expect(verifyAuditChain(stored.audit as never)).toEqual({ ok: true });
    expect(stored.audit.map((a) => a.action)).toEqual(['household.registered', 'household.rated']);
  });
  it('§22-2: a current dishonest-debtor listing gives 0 / NONE with V2', async () => {
    const { rating } = await household({
      poverty: 'NONE',
      info: { currentlyOnDishonestList: true, headIsPartyMember: true },
    });
    expect(rating).toMatchObject({ total: 0, grade: 'NONE', capFen: 0, vetoCodes: ['V2'] });
  });
});

describe('notice, objections and the bank decision (spec credit §5, §9)', () => {
  it('§22-10: a 6-day notice is NOTICE_TOO_SHORT', async () => {
    const { id } = await household();
    const start = h.clock.now();
    await expect(
      h.credit.notices.openNotice(
        {
          idempotencyKey: key(),
          input: {
            villageId: 'vg-1',
            householdIds: [id],
            startAt: start,
            endAt: new Date(start.getTime() + 6 * 864e5),
            postedLocation: 'x',
          },
        },
        panel,
      ),
    ).rejects.toMatchObject({ code: 'NOTICE_TOO_SHORT' });
  });
  it('§22-11: H1 is certified with credit.certificate.issued; H2 with an open objection is held', async () => {
    const h1 = await household({ info: { headIsPartyMember: true } });
    const h2 = await household();
    const start = h.clock.now();
    const notice = await h.credit.notices.openNotice(
      {
        idempotencyKey: key(),
        input: {
          villageId: 'vg-1',
          householdIds: [h1.id, h2.id],
          startAt: start,
          endAt: new Date(start.getTime() + 7 * 864e5),
          postedLocation: '村委会',
        },
      },
      panel,
    );
    expect(notice.entries[0]!.maskedIdNumber).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    h.clock.advanceDays(2);
    const objKey = key();
    await h.credit.notices.fileObjection(
      { idempotencyKey: objKey, noticeId: notice.id, householdId: h2.id, content: '家庭收入不实' },
      collector,
    );
    await h.credit.notices.fileObjection(
      { idempotencyKey: objKey, noticeId: notice.id, householdId: h2.id, content: '家庭收入不实' },
      collector,
    );
    expect((await h.credit.notices.getNotice(notice.id)).objections).toHaveLength(1);
    await expect(
      h.credit.notices.closeNotice({ idempotencyKey: key(), noticeId: notice.id }, panel),
    ).rejects.toMatchObject({ code: 'NOTICE_STILL_RUNNING' });
    h.clock.advanceDays(5);
    const closed = await h.credit.notices.closeNotice({ idempotencyKey: key(), noticeId: notice.id }, panel);
    expect(closed.entries.map((e) => e.outcome)).toEqual(['CERTIFIABLE', 'HELD_BY_OBJECTION']);
    await expect(approve(notice.id, h2.id, 'A', yuan(50_000))).rejects.toMatchObject({ code: 'NOT_CERTIFIABLE' });
    const res = await approve(notice.id, h1.id, 'AA', yuan(100_000));
    expect(res.outcome).toBe('APPROVED');
    const issued = await waitFor(() => h.ofType(t.certificateIssued).find((x) => x.key === h1.id), {
      what: 'CertificateIssued',
    });
    const msg = ev.CertificateIssued.decode(issued.payload);
    expect(msg).toMatchObject({
      householdId: h1.id,
      limitFen: '10000000',
      grade: ev.Grade.GRADE_AA,
      pureCredit: true,
      headNameMasked: '李*',
    });
    expect(msg.idNumberMasked).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    // resolving the objection releases H2: it becomes certifiable and the bank may decide (spec credit §9.2)
    const objectionId = closed.objections[0]!.id;
    const resolve = { noticeId: notice.id, objectionId, outcome: 'DISMISSED' as const, resolution: '经核实收入属实' };
    await expect(h.credit.notices.resolveObjection(resolve, householdLogin(h2.id))).rejects.toMatchObject({
      code: 'NOT_PERMITTED',
    });
    const released = await h.credit.notices.resolveObjection(resolve, panel);
    expect(await h.credit.notices.resolveObjection(resolve, panel)).toMatchObject({ entries: released.entries });
    expect(released.entries.map((e) => e.outcome)).toEqual(['CERTIFIABLE', 'CERTIFIABLE']);
    expect((await approve(notice.id, h2.id, 'A', yuan(50_000))).outcome).toBe('APPROVED');
    const closedEvent = await waitFor(() => h.ofType(t.noticeClosed).find((x) => x.key === notice.id));
    expect(ev.NoticeClosed.decode(closedEvent.payload).heldHouseholdIds).toEqual([h2.id]);
  });
  it('§22-12: a rejection without reason, cause or evidence is REJECTION_REASON_REQUIRED; with them it is published', async () => {
    const { id } = await household();
    const notice = await certified([id]);
    const reject = (o: object) =>
      h.credit.decideCredit(
        {
          idempotencyKey: key(),
          input: {
            noticeId: notice.id,
            householdId: id,
            approve: false,
            grade: 'NONE',
            limitFen: 0,
            rejectionReason: '',
            rejectionCause: '',
            evidenceRefs: [],
            ...o,
          },
        },
        bank,
      );
    await expect(reject({ rejectionReason: '还款能力不足' })).rejects.toMatchObject({
      code: 'REJECTION_REASON_REQUIRED',
    });
    expect(
      await reject({ rejectionReason: '还款能力不足', rejectionCause: '无稳定收入', evidenceRefs: ['doc-77'] }),
    ).toMatchObject({ outcome: 'REJECTED' });
    const e = await waitFor(() => h.ofType(t.creditRejected).find((x) => x.key === id));
    expect(ev.CreditRejected.decode(e.payload)).toMatchObject({ reason: '还款能力不足', evidenceRefs: ['doc-77'] });
  });
  it('§22-13: 120,000 yuan on an AA household is LIMIT_EXCEEDS_GRADE_CAP; AAA above the computed AA is refused', async () => {
    const { id } = await household({ info: { headIsPartyMember: true } });
    const notice = await certified([id]);
    await expect(approve(notice.id, id, 'AA', yuan(120_000))).rejects.toMatchObject({
      code: 'LIMIT_EXCEEDS_GRADE_CAP',
    });
    await expect(approve(notice.id, id, 'AAA', yuan(120_000))).rejects.toMatchObject({ code: 'GRADE_ABOVE_SCORE' });
  });
});

describe('loans on the revolving line (spec credit §8.3, §11)', () => {
  it('§22-14 and §22-15: refuses 25,000 over the limit, accepts it after a repayment; 48 months is refused; retries change nothing', async () => {
    const { id } = await household();
    const notice = await certified([id]);
    const { creditLineId } = await approve(notice.id, id, 'A', yuan(50_000));
    const draw = (principal: number, o: object = {}, k: string = key()) =>
      h.credit.loans.drawLoan(
        {
          idempotencyKey: k,
          input: {
            creditLineId,
            bankLoanNo: `B-${k}`,
            principalFen: yuan(principal),
            termMonths: 36,
            rateBp: 475,
            contractDate: '2026-11-10',
            ...o,
          },
        },
        bank,
      );
    await expect(draw(10_000, { termMonths: 48 })).rejects.toMatchObject({ code: 'TERM_EXCEEDS_MAX' });
    const first = await draw(30_000, {}, 'draw-30k');
    expect(first.line.loans[0]).toMatchObject({ subsidyEligible: true, maturityDate: '2029-11-10' });
    await draw(30_000, {}, 'draw-30k');
    expect((await h.credit.loans.getByHousehold(id, bank)).outstandingPrincipalFen).toBe(yuan(30_000));
    await expect(draw(25_000)).rejects.toMatchObject({ code: 'INSUFFICIENT_LIMIT' });
    await h.credit.loans.repayLoan(
      {
        idempotencyKey: 'repay-10k',
        input: { creditLineId, loanId: first.loanId, principalFen: yuan(10_000), paidAt: h.clock.now(), onTime: true },
      },
      bank,
    );
    await h.credit.loans.repayLoan(
      {
        idempotencyKey: 'repay-10k',
        input: { creditLineId, loanId: first.loanId, principalFen: yuan(10_000), paidAt: h.clock.now(), onTime: true },
      },
      bank,
    );
    await draw(25_000);
    const line = await h.credit.loans.getByHousehold(id, bank);
    expect([line.outstandingPrincipalFen, line.limitFen - line.outstandingPrincipalFen]).toEqual([
      yuan(45_000),
      yuan(5_000),
    ]);
    await waitFor(
      () =>
        h.ofType(t.loanDrawn).filter((x) => x.key === id).length === 2 &&
        h.ofType(t.loanRepaid).some((x) => x.key === id),
    );
    expect(h.ofType(t.loanRepaid).filter((x) => x.key === id)).toHaveLength(1);
  });
  it('§22-20: a line that would pass 10× the risk fund is FUND_LEVERAGE_EXCEEDED', async () => {
    const small = await startCredit('credit-leverage', { riskFundBalanceFen: yuan(5_000) });
    try {
      const reg = async () => {
        const id = await small.credit.registerHousehold(
          {
            idempotencyKey: key(),
            input: {
              townshipId: 't',
              villageId: 'v',
              villagerGroupId: 'g',
              headName: '周',
              headIdNumber: idNumber(),
              phone: '13600000000',
              povertyStatus: 'REGISTERED_POOR',
            },
          },
          poverty,
        );
        await small.credit.rating.rateHousehold(
          { idempotencyKey: key(), householdId: id, info: { ...emptyCreditInfo(), hasIncomeProject: true } },
          center,
        );
        return id;
      };
      const [a, b] = [await reg(), await reg()];
      const start = small.clock.now();
      const n = await small.credit.notices.openNotice(
        {
          idempotencyKey: key(),
          input: {
            villageId: 'v',
            householdIds: [a, b],
            startAt: start,
            endAt: new Date(start.getTime() + 7 * 864e5),
            postedLocation: 'x',
          },
        },
        panelOf('v'),
      );
      small.clock.advanceDays(7);
      await small.credit.notices.closeNotice({ idempotencyKey: key(), noticeId: n.id }, panelOf('v'));
      const decide = (hid: string, limit: number) =>
        small.credit.decideCredit(
          {
            idempotencyKey: key(),
            input: {
              noticeId: n.id,
              householdId: hid,
              approve: true,
              grade: 'A',
              limitFen: yuan(limit),
              rejectionReason: '',
              rejectionCause: '',
              evidenceRefs: [],
            },
          },
          bank,
        );
      const { creditLineId } = await decide(a, 50_000);
      // 50,000 of a 50,000 ceiling: the warning reports the highest level crossed (R13.5)
      const warning = await waitFor(() => small.ofType(t.riskFundUtilisationWarning)[0], {
        what: 'utilisation warning',
      });
      expect(ev.RiskFundUtilisationWarning.decode(warning.payload)).toMatchObject({
        thresholdBp: 9500,
        utilisationBp: 10000,
        ceilingFen: '5000000',
        creditLineId,
      });
      await small.credit.loans.drawLoan(
        {
          idempotencyKey: key(),
          input: {
            creditLineId,
            bankLoanNo: 'LV-1',
            principalFen: yuan(49_990),
            termMonths: 12,
            rateBp: 475,
            contractDate: '2026-11-10',
          },
        },
        bank,
      );
      // ceiling 10 × 5,000 = 50,000 yuan; 49,990 covered + a 20 yuan line would pass it
      await expect(decide(b, 20)).rejects.toMatchObject({ code: 'FUND_LEVERAGE_EXCEEDED' });
      expect((await decide(b, 10)).outcome).toBe('APPROVED');
    } finally {
      await small.stop();
    }
  });
});

describe('inbound bank events (spec credit §19.3, §17)', () => {
  it('§22-27 and §22-24: a redelivered disbursement changes nothing; an overdue loan re-scores to V3 and revokes the certificate', async () => {
    const { id } = await household({ info: { headIsPartyMember: true } });
    const notice = await certified([id]);
    const { creditLineId } = await approve(notice.id, id, 'AA', yuan(100_000));
    const disbursed = ev.BankLoanDisbursed.encode({
      bankLoanNo: 'RCB-001',
      creditLineId,
      householdId: id,
      principalFen: String(yuan(20_000)),
      rateBp: 475,
      termMonths: 24,
      contractDate: '2026-11-12',
    }).finish();
    const eventId = randomUUID();
    await h.sendBank(t.bankLoanDisbursed, id, eventId, disbursed);
    await h.sendBank(t.bankLoanDisbursed, id, eventId, disbursed);
    await waitFor(
      async () => (await h.credit.loans.getByHousehold(id, bank)).outstandingPrincipalFen === yuan(20_000),
      {
        what: 'disbursement applied',
      },
    );
    await h.sendBank(
      t.bankLoanRepaid,
      id,
      randomUUID(),
      ev.BankLoanRepaid.encode({
        bankLoanNo: 'RCB-001',
        householdId: id,
        principalFen: String(yuan(5_000)),
        paidAt: '2026-12-12T02:00:00Z',
        onTime: true,
      }).finish(),
    );
    await waitFor(
      async () => (await h.credit.loans.getByHousehold(id, bank)).outstandingPrincipalFen === yuan(15_000),
      {
        what: 'repayment applied',
      },
    );
    await waitFor(() => h.ofType(t.loanDrawn).some((x) => x.key === id));
    expect(h.ofType(t.loanDrawn).filter((x) => x.key === id)).toHaveLength(1);

    await h.sendBank(
      t.bankLoanOverdue,
      id,
      randomUUID(),
      ev.BankLoanOverdue.encode({
        bankLoanNo: 'RCB-001',
        householdId: id,
        overdueSince: '2027-01-12',
        nonPerforming: false,
      }).finish(),
    );
    const revoked = await waitFor(() => h.ofType(t.certificateRevoked).find((x) => x.key === id), {
      what: 'CertificateRevoked',
    });
    expect(ev.CertificateRevoked.decode(revoked.payload)).toMatchObject({ creditLineId, reason: 'VETO_V3' });
    const line = await h.credit.loans.getByHousehold(id, bank);
    expect(line.status).toBe('REVOKED');
    expect(line.loans[0]!.status).toBe('OVERDUE');
    expect((await h.credit.getHousehold(id, center)).household.latestRating).toMatchObject({
      total: 0,
      grade: 'NONE',
      vetoCodes: ['V3'],
    });
  });
});

describe('circuit breaker (spec credit §13.4)', () => {
  async function villageWithLoan(village: string, township: string, principal: number) {
    const { id } = await household({ village, township });
    const notice = await certified([id], village);
    const { creditLineId } = await approve(notice.id, id, 'A', yuan(50_000));
    await h.credit.loans.drawLoan(
      {
        idempotencyKey: key(),
        input: {
          creditLineId,
          bankLoanNo: `${village}-L`,
          principalFen: yuan(principal),
          termMonths: 12,
          rateBp: 475,
          contractDate: '2026-11-10',
        },
      },
      bank,
    );
    return { id, creditLineId };
  }
  it('§22-21 and §22-22: 2 of 10 villages over 3% freeze only those villages; the third suspends the township', async () => {
    const tw = `tw-${key().slice(0, 6)}`;
    const villages = await Promise.all(
      Array.from({ length: 10 }, (_, i) => villageWithLoan(`${tw}-v${i}`, tw, 50_000)),
    );
    // a loan reported NPL makes its village 100% NPL (the exact 3.00% edge is a unit test of risk.ts)
    const npl = async (v: number, loanNo: string) =>
      h.credit.bankEvents.overdue(randomUUID(), { bankLoanNo: loanNo, nonPerforming: true }).then(() => v);
    await npl(1, `${tw}-v1-L`);
    await npl(2, `${tw}-v2-L`);
    const two = await h.credit.evaluateBreakers(tw, [], center);
    expect(two).toMatchObject({
      breachedVillageIds: [`${tw}-v1`, `${tw}-v2`],
      townshipTripped: false,
      villageCount: 10,
    });
    const lineOf = async (i: number) =>
      (await h.credit.repositories.lines.get(villages[i]!.creditLineId))!.value.status;
    expect([await lineOf(0), await lineOf(1)]).toEqual(['ACTIVE', 'REVOKED']);
    await waitFor(() => h.ofType(t.villageBreakerTripped).filter((x) => x.key.startsWith(tw)).length === 2, {
      what: 'two village breakers',
    });
    // a new line in a tripped village is refused
    const { id: newcomer } = await household({ village: `${tw}-v1`, township: tw });
    const n = await certified([newcomer], `${tw}-v1`);
    await expect(approve(n.id, newcomer, 'A', yuan(10_000))).rejects.toMatchObject({ code: 'VILLAGE_CIRCUIT_BREAKER' });

    await npl(3, `${tw}-v3-L`);
    const three = await h.credit.evaluateBreakers(tw, [], center);
    expect(three).toMatchObject({ townshipTripped: true, shareBp: 3000 });
    expect(await lineOf(0)).toBe('SUSPENDED');
    const e = await waitFor(() => h.ofType(t.townshipBreakerTripped).find((x) => x.key === tw), {
      what: 'township breaker',
    });
    expect(ev.TownshipBreakerTripped.decode(e.payload)).toMatchObject({
      villageCount: 10,
      accountableHeads: [`${tw}/party-secretary`, `${tw}/head`],
    });
    await expect(
      h.credit.loans.drawLoan(
        {
          idempotencyKey: key(),
          input: {
            creditLineId: villages[0]!.creditLineId,
            bankLoanNo: 'x',
            principalFen: 100,
            termMonths: 12,
            rateBp: 475,
            contractDate: '2026-11-10',
          },
        },
        bank,
      ),
    ).rejects.toMatchObject({ code: 'CREDIT_LINE_NOT_ACTIVE' });
    // running the job again trips nothing twice
    await h.credit.evaluateBreakers(tw, [], center);
    await new Promise((r) => setTimeout(r, 500));
    expect(h.ofType(t.townshipBreakerTripped).filter((x) => x.key === tw)).toHaveLength(1);
  }, 120000);
});

describe('batch import (spec credit §6.2)', () => {
  it('imports, rates and publishes each household once; a re-run of the same batch inserts nothing', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => ({
      sourceId: `src-${i}`,
      household: {
        townshipId: 'tw-i',
        villageId: 'vg-i',
        villagerGroupId: 'g',
        headName: '孙',
        povertyStatus: 'REGISTERED_POOR' as const,
      },
      idNumber: idNumber(),
      phone: '13500000000',
      info: { ...emptyCreditInfo(), hasIncomeProject: true, headHealthy: i % 2 === 0 },
    }));
    expect(await h.credit.importHouseholds('batch-1', rows, center)).toEqual({ inserted: 50, total: 50 });
    expect(await h.credit.importHouseholds('batch-1', rows, center)).toEqual({ inserted: 0, total: 50 });
    await waitFor(
      () =>
        h.ofType(t.scoreComputed).filter((x) => ev.ScoreComputed.decode(x.payload).villageId === 'vg-i').length >= 50,
      { what: '50 scores' },
    );
    const scores = h
      .ofType(t.scoreComputed)
      .map((x) => ev.ScoreComputed.decode(x.payload))
      .filter((m) => m.villageId === 'vg-i');
    expect(scores).toHaveLength(50);
    expect(new Set(scores.map((s) => s.total))).toEqual(new Set([86, 87]));
  });
});

describe('risk sharing and honours (spec credit §13.2, §16)', () => {
  async function lineWithLoan(village: string, township: string, principalYuan: number, poor = true) {
    const { id } = await household({ village, township, poverty: poor ? 'REGISTERED_POOR' : 'NONE' });
    const notice = await certified([id], village);
    const { creditLineId } = await approve(notice.id, id, 'A', yuan(50_000));
    const bankLoanNo = `L-${key().slice(0, 8)}`;
    await h.credit.loans.drawLoan(
      {
        idempotencyKey: key(),
        input: {
          creditLineId,
          bankLoanNo,
          principalFen: yuan(principalYuan),
          termMonths: 12,
          rateBp: poor ? 475 : 600,
          contractDate: '2026-11-10',
        },
      },
      bank,
    );
    return { id, creditLineId, bankLoanNo };
  }
  const npl = (bankLoanNo: string) => h.credit.bankEvents.overdue(randomUUID(), { bankLoanNo, nonPerforming: true });

  it('§22-18: a 5,000,001 fen loss splits 1,500,000 / 1,000,000 / 2,500,001 and credit.loss.allocated is published once', async () => {
    const { bankLoanNo } = await lineWithLoan('vg-loss', 'tw-loss', 50_000);
    await expect(h.credit.riskSharing.allocate({ bankLoanNo, accruedInterestFen: 1 }, center)).rejects.toMatchObject({
      code: 'NOT_RISK_SHARED',
    });
    await npl(bankLoanNo);
    const c = await h.credit.riskSharing.allocate({ bankLoanNo, accruedInterestFen: 1 }, center);
    expect(c).toMatchObject({
      lossBaseFen: 5_000_001,
      govShareFen: 1_500_000,
      bankShareFen: 1_000_000,
      insurerShareFen: 2_500_001,
    });
    await h.credit.riskSharing.allocate({ bankLoanNo, accruedInterestFen: 1 }, center);
    const e = await waitFor(() => h.ofType(t.lossAllocated).find((x) => x.key === c.loanId), { what: 'LossAllocated' });
    expect(ev.LossAllocated.decode(e.payload)).toMatchObject({
      govShareFen: '1500000',
      bankShareFen: '1000000',
      insurerShareFen: '2500001',
      govRatioBp: 3000,
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(h.ofType(t.lossAllocated).filter((x) => x.key === c.loanId)).toHaveLength(1);
  });
  it('§22-19: a loss of a borrower outside the risk-sharing scheme is NOT_RISK_SHARED and creates no case', async () => {
    const { id, bankLoanNo } = await lineWithLoan('vg-nrs', 'tw-nrs', 10_000, false);
    await npl(bankLoanNo);
    await expect(h.credit.riskSharing.allocate({ bankLoanNo, accruedInterestFen: 0 }, center)).rejects.toMatchObject({
      code: 'NOT_RISK_SHARED',
    });
    expect(await h.conn.db!.collection('loss_cases').countDocuments({ householdId: id })).toBe(0);
  });
  it('§22-23: a village at exactly 3.00% NPL on 12-31 is 信用村, one at 3.01% is not', async () => {
    const tw = `tw-h-${key().slice(0, 6)}`;
    await lineWithLoan(`${tw}-ok`, tw, 48_500);
    await npl((await lineWithLoan(`${tw}-ok`, tw, 1_500)).bankLoanNo);
    await lineWithLoan(`${tw}-bad`, tw, 48_495);
    await npl((await lineWithLoan(`${tw}-bad`, tw, 1_505)).bankLoanNo);
    const awarded = await h.credit.riskSharing.evaluateHonors(2026, tw, center);
    expect(awarded).toEqual([`${tw}-ok`]);
    expect(await h.credit.riskSharing.evaluateHonors(2026, tw, center)).toEqual([`${tw}-ok`]);
    const e = await waitFor(() => h.ofType(t.honorAwarded).find((x) => x.key === `${tw}-ok`), { what: 'HonorAwarded' });
    expect(ev.HonorAwarded.decode(e.payload)).toMatchObject({ title: '信用村', year: 2026, basisNplBp: 300 });
  }, 60000);
});

describe('interest subsidy ledger (spec credit §12)', () => {
  it('accrues a full subsidy on at most 50,000 yuan for the period, once, and publishes credit.subsidy.accrued', async () => {
    const { id } = await household({ info: { headIsPartyMember: true } });
    const notice = await certified([id]);
    const { creditLineId } = await approve(notice.id, id, 'AA', yuan(100_000));
    const { loanId } = await h.credit.loans.drawLoan(
      {
        idempotencyKey: key(),
        input: {
          creditLineId,
          bankLoanNo: `SB-${key().slice(0, 6)}`,
          principalFen: yuan(80_000),
          termMonths: 36,
          rateBp: 475,
          contractDate: '2026-11-10',
        },
      },
      bank,
    );
    await h.credit.loans.repayLoan(
      {
        idempotencyKey: key(),
        input: {
          creditLineId,
          loanId,
          principalFen: yuan(40_000),
          paidAt: new Date('2026-12-09T16:30:00Z'),
          onTime: true,
        },
      },
      bank,
    );
    const period = {
      creditLineId,
      loanId,
      periodStart: '2026-11-10',
      periodEnd: '2027-02-10',
      interestPaidFen: yuan(900),
    };
    const first = await h.credit.accrueSubsidy(period, center);
    // 2026-11-10 → 12-10 (repaid on the 10th, Shanghai time): 30 days at the 50,000 cap, then 62 days at 40,000
    // = (5,000,000 × 30 + 4,000,000 × 62) × 475 / 3,600,000 = 52,513.88… → 52,514 fen
    expect(first).toMatchObject({ amountFen: 52_514, eligiblePrincipalFen: 5_000_000 });
    expect(await h.credit.accrueSubsidy(period, center)).toEqual(first);
    const e = await waitFor(() => h.ofType(t.subsidyAccrued).find((x) => x.key === id), { what: 'SubsidyAccrued' });
    expect(ev.SubsidyAccrued.decode(e.payload)).toMatchObject({ loanId, amountFen: '52514', periodEnd: '2027-02-10' });
    await new Promise((r) => setTimeout(r, 300));
    expect(h.ofType(t.subsidyAccrued).filter((x) => x.key === id)).toHaveLength(1);
  });
});

describe('examples/bank-consumer (spec credit §19)', () => {
  it('reads the stream with only the published schema and prints the certificate a bank acts on', async () => {
    const { id } = await household({ info: { headIsPartyMember: true } });
    const notice = await certified([id]);
    await approve(notice.id, id, 'AA', yuan(80_000));
    await waitFor(() => h.ofType(t.certificateIssued).some((x) => x.key === id));
    const child = spawn(process.execPath, [join(__dirname, '../../../examples/bank-consumer/consumer.mjs')], {
      env: {
        PATH: process.env.PATH ?? '',
        KAFKA_BROKERS: h.env.kafkaBrokers.join(','),
        TOPIC_PREFIX: h.env.topicPrefix,
        GROUP_ID: `example-${key()}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString('utf8')));
    child.stderr.on('data', (b: Buffer) => (out += b.toString('utf8')));
    try {
      const line = await waitFor(() => out.split('\n').find((l) => l.includes('limit 80000.00 yuan')), {
        timeoutMs: 30000,
        what: `the example's output (${out})`,
      });
      expect(line).toMatch(
        /^certificate HB-\d{4}-vg-1-\d{6} for 李\* \(\d{6}\*{8}[\dX]{4}\): GRADE_AA, limit 80000\.00 yuan$/,
      );
    } finally {
      child.kill('SIGTERM');
    }
  }, 60000);
});

describe('screening (spec credit §4)', () => {
  it('records the twelve checks with evidence on the household, audited; past overdues alone do not fail it', async () => {
    const { id } = await household({ info: { historicalOverdueCount: 2 } });
    const codes = [
      'S-3G1',
      'S-3G2',
      'S-3G3',
      'S-3S1',
      'S-3S2',
      'S-3S3',
      'S-3Y1',
      'S-3Y2',
      'S-3Y3',
      'S-3W1',
      'S-3W2',
      'S-3W3',
    ] as const;
    const checks = codes.map((code) => ({ code, satisfied: code !== 'S-3Y3', evidenceRef: `minutes-2026-11/${code}` }));
    const result = await h.credit.screenHousehold({ idempotencyKey: key(), householdId: id, checks }, panel);
    expect(result).toMatchObject({ outcome: 'PASSED', warnings: ['S-3Y3'] });
    const stored = await h.credit.getHousehold(id, center);
    expect(stored.household.screening).toMatchObject({ outcome: 'PASSED', warnings: ['S-3Y3'] });
    expect(stored.audit.at(-1)).toMatchObject({ action: 'household.screened', actor: { role: 'VILLAGE_PANEL' } });
    await expect(
      h.credit.screenHousehold({ idempotencyKey: key(), householdId: id, checks: checks.slice(2) }, panel),
    ).rejects.toMatchObject({
      code: 'CREDIT_INPUT_INVALID',
    });
  });
});

describe('lifting a circuit breaker (spec credit §13.4 [inferred])', () => {
  it('only the leading-group office lifts, only once the NPL is back under 3%, village then township', async () => {
    const tw = `tw-l-${key().slice(0, 6)}`;
    const village = `${tw}-v`;
    const lg = actor('LG_OFFICE');
    const a = await household({ village, township: tw });
    const b = await household({ village, township: tw });
    const notice = await certified([a.id, b.id], village);
    const lineA = (await approve(notice.id, a.id, 'A', yuan(50_000))).creditLineId;
    const lineB = (await approve(notice.id, b.id, 'A', yuan(50_000))).creditLineId;
    for (const [line, no] of [
      [lineA, `${tw}-A`],
      [lineB, `${tw}-B`],
    ] as const)
      await h.credit.loans.drawLoan(
        {
          idempotencyKey: key(),
          input: {
            creditLineId: line,
            bankLoanNo: no,
            principalFen: yuan(10_000),
            termMonths: 12,
            rateBp: 475,
            contractDate: '2026-11-10',
          },
        },
        bank,
      );
    await h.credit.bankEvents.overdue(randomUUID(), { bankLoanNo: `${tw}-A`, nonPerforming: true });
    expect(await h.credit.evaluateBreakers(tw, [], center)).toMatchObject({ townshipTripped: true });
    const status = async () => (await h.credit.repositories.lines.get(lineB))!.value.status;
    expect(await status()).toBe('SUSPENDED');

    const lift = (unitType: 'VILLAGE' | 'TOWNSHIP', unitId: string, who = lg) =>
      h.credit.evaluateBreakers.lift({ unitType, unitId, townshipId: tw, reason: '月末不良率已回落' }, who);
    await expect(lift('VILLAGE', village, center)).rejects.toMatchObject({ code: 'NOT_PERMITTED' });
    await expect(lift('VILLAGE', village)).rejects.toMatchObject({ code: 'BREAKER_STILL_BREACHED' });
    await h.credit.bankEvents.repaid(randomUUID(), {
      bankLoanNo: `${tw}-A`,
      principalFen: yuan(10_000),
      paidAt: new Date('2027-01-05T02:00:00Z'),
      onTime: false,
    });
    await lift('VILLAGE', village);
    expect(await status()).toBe('SUSPENDED');
    await lift('TOWNSHIP', tw);
    expect(await status()).toBe('ACTIVE');
    expect((await h.credit.repositories.lines.get(lineA))!.value.status).toBe('REVOKED');
    await waitFor(() => h.ofType(t.breakerLifted).filter((x) => x.key === village || x.key === tw).length === 2, {
      what: 'two BreakerLifted',
    });
  }, 60000);
});

describe('poverty-driving entities (spec credit §3.3, §13.6)', () => {
  it('§22-17: a loan reported without the 10% contribution is refused, and contribution-required is published once', async () => {
    const office = actor('POVERTY_OFFICE');
    const e = await h.credit.entities.register(
      {
        name: '湖滨区某养殖合作社',
        kind: 'COOPERATIVE',
        registrationNo: `93411202${key().slice(0, 10)}`,
        townshipId: 'tw-1',
        inGovBankInsurerAgreement: true,
      },
      office,
    );
    const report = {
      entityId: e.id,
      bankLoanNo: `EN-${key().slice(0, 6)}`,
      principalFen: yuan(800_000),
      rateBp: 522,
      termMonths: 36,
      contractDate: '2026-11-15',
    };
    await expect(h.credit.entities.reportLoan(report, bank)).rejects.toMatchObject({
      code: 'MUTUAL_FUND_CONTRIBUTION_MISSING',
    });
    await expect(h.credit.entities.reportLoan(report, bank)).rejects.toMatchObject({
      code: 'MUTUAL_FUND_CONTRIBUTION_MISSING',
    });
    const ev1 = await waitFor(() => h.ofType(t.mutualFundContributionRequired).find((x) => x.key === e.id), {
      what: 'contribution-required',
    });
    expect(ev.MutualFundContributionRequired.decode(ev1.payload)).toMatchObject({ requiredFen: String(yuan(80_000)) });
    await h.credit.entities.contribute({ entityId: e.id, receiptNo: 'R-1', amountFen: yuan(80_000) }, center);
    await h.credit.entities.contribute({ entityId: e.id, receiptNo: 'R-1', amountFen: yuan(80_000) }, center);
    await expect(h.credit.entities.reportLoan({ ...report, rateBp: 523 }, bank)).rejects.toMatchObject({
      code: 'RATE_ABOVE_CAP',
    });
    const after = await h.credit.entities.reportLoan(report, bank);
    expect(after).toMatchObject({
      mutualFundPaidFen: yuan(80_000),
      loans: [{ bankLoanNo: report.bankLoanNo, maturityDate: '2029-11-15' }],
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(h.ofType(t.mutualFundContributionRequired).filter((x) => x.key === e.id)).toHaveLength(1);
  });
});

describe('application and group review (spec credit §5)', () => {
  it('§22-9: refuses a review of 23 households with 4 representatives; with 5, rating moves the application to SCORED', async () => {
    const id = await h.credit.registerHousehold(
      {
        idempotencyKey: key(),
        input: {
          townshipId: 'tw-1',
          villageId: 'vg-1',
          villagerGroupId: 'grp-9',
          headName: '钱八',
          headIdNumber: idNumber(),
          phone: '13300000000',
          povertyStatus: 'REGISTERED_POOR',
        },
      },
      poverty,
    );
    const applied = await h.credit.applications.submit(
      { idempotencyKey: key(), householdId: id, channel: 'SERVICE_CENTER' },
      householdLogin(id),
    );
    expect(applied).toMatchObject({ state: 'SUBMITTED', priority: 1, villagerGroupId: 'grp-9' });
    await expect(
      h.credit.applications.submit(
        { idempotencyKey: key(), householdId: id, channel: 'VILLAGER_GROUP' },
        householdLogin(id),
      ),
    ).rejects.toMatchObject({
      code: 'DUPLICATE_APPLICATION',
    });
    const review = (representatives: string[]) =>
      h.credit.applications.review(
        {
          villagerGroupId: 'grp-9',
          householdsInGroup: 23,
          representatives,
          decisions: [{ applicationId: applied.id, approve: true, reason: '' }],
        },
        panel,
      );
    await expect(review(['r1', 'r2', 'r3', 'r4'])).rejects.toMatchObject({
      code: 'GROUP_REPRESENTATIVES_INSUFFICIENT',
    });
    expect((await review(['r1', 'r2', 'r3', 'r4', 'r5']))[0]!.state).toBe('INFO_COLLECTION');
    await h.credit.rating.rateHousehold(
      { idempotencyKey: key(), householdId: id, info: { ...emptyCreditInfo(), hasIncomeProject: true } },
      center,
    );
    const stored = await h.credit.repositories.applications.get(applied.id);
    expect(stored!.value.state).toBe('SCORED');
    expect(stored!.audit.map((a) => a.action)).toEqual([
      'application.submitted',
      'application.info_collection',
      'application.scored',
    ]);
    await waitFor(() => h.ofType(t.ratingApplicationSubmitted).some((x) => x.key === id), {
      what: 'RatingApplicationSubmitted',
    });
  });
});
