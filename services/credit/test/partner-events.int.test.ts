import { randomUUID } from 'node:crypto';
import { creditEventTypes as t } from '@gov/contracts';
import { waitFor } from '@gov/testkit';
import { emptyCreditInfo } from '../src/domain/rating';
import { actor, creditEventsV1 as ev, idNumber, panelOf, startCredit, type CreditHarness } from './harness';

// Spec credit §19.3: the bank's and the insurer's reports arriving as events, on the real broker and store,
// through the consumers main.ts starts. Each is applied once under redelivery, and a bad one is parked with its code.
let h: CreditHarness;
const poverty = actor('POVERTY_OFFICE');
const center = actor('CENTER_STAFF');
const bank = actor('BANK_OFFICER');
// a household's self-service login names its own household (spec credit §2.4)
const householdLogin = (householdId: string) => actor('HOUSEHOLD', `login-${householdId}`, householdId);
const key = () => randomUUID();
const yuan = (y: number) => Math.round(y * 100);
const meeting = {
  participantRoles: ['PARTY_SECRETARY', 'TWO_COMMITTEES', 'FIRST_SECRETARY', 'WORK_TEAM', 'POVERTY_TEAM_LEADER'],
  partyMembers: 12,
  partyReps: 3,
  households: 40,
  villagerReps: 3,
};

beforeAll(async () => {
  h = await startCredit('partner-events');
}, 90000);
afterAll(async () => h?.stop());

async function register(village: string, name = '周七') {
  return h.credit.registerHousehold(
    {
      idempotencyKey: key(),
      input: {
        townshipId: 'tw-pe',
        villageId: village,
        villagerGroupId: `${village}-g1`,
        headName: name,
        headIdNumber: idNumber(),
        phone: '13900139000',
        povertyStatus: 'REGISTERED_POOR',
      },
    },
    poverty,
  );
}

/** A registered-poor household rated AA (87 points: party member, income project, poverty bonus). */
async function ratedAA(village: string) {
  const id = await register(village);
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

/** An AA household with a merged notice closed and the bank's approval: an active line. */
async function withLine(village: string, limitFen = yuan(100_000)) {
  const id = await ratedAA(village);
  const start = h.clock.now();
  const notice = await h.credit.notices.openNotice(
    {
      idempotencyKey: key(),
      input: {
        villageId: village,
        householdIds: [id],
        startAt: start,
        endAt: new Date(start.getTime() + 7 * 864e5),
        postedLocation: '村委会',
      },
    },
    panelOf(village),
  );
  h.clock.advanceDays(7);
  await h.credit.notices.closeNotice({ idempotencyKey: key(), noticeId: notice.id }, panelOf(village));
  const input = {
    noticeId: notice.id,
    householdId: id,
    approve: true,
    grade: 'AA' as const,
    limitFen,
    rejectionReason: '',
    rejectionCause: '',
    evidenceRefs: [],
  };
  const { creditLineId } = await h.credit.decideCredit({ idempotencyKey: key(), input }, bank);
  return { householdId: id, creditLineId };
}

async function draw(creditLineId: string, principalFen: number) {
  const bankLoanNo = `RCB-${key().slice(0, 8)}`;
  const { loanId } = await h.credit.loans.drawLoan(
    {
      idempotencyKey: key(),
      input: { creditLineId, bankLoanNo, principalFen, termMonths: 36, rateBp: 475, contractDate: '2026-11-10' },
    },
    bank,
  );
  return { bankLoanNo, loanId };
}

const handled = (group: 'bank' | 'insurer', id: string) =>
  waitFor(() => h.handled(group, id), { what: `${group} event ${id} handled` });
const parkedFor = (group: 'bank' | 'insurer', id: string) =>
  waitFor(async () => (await h.parked(group)).find((p) => p.headers.ce_id === id), { what: `${id} parked` });

describe('bank.credit-assessment.completed (spec credit §5.1 step 6, §5.2, §19.3)', () => {
  /** Two households whose village notice closed without objection: both in BANK_ASSESSMENT. */
  async function atTheBank(village: string) {
    const apps = [];
    for (const name of ['吴一', '郑二']) {
      const householdId = await register(village, name);
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
      await h.credit.rating.rateHousehold(
        {
          idempotencyKey: key(),
          householdId,
          info: { ...emptyCreditInfo(), hasIncomeProject: true, headIsPartyMember: true },
        },
        center,
      );
      apps.push({ householdId, applicationId: app.id });
    }
    const startAt = h.clock.now();
    const { noticeId } = await h.credit.procedure.assess(
      {
        idempotencyKey: key(),
        input: {
          villageId: village,
          meeting,
          decisions: apps.map((a) => ({ applicationId: a.applicationId, approve: true, reason: '' })),
          notice: { startAt, endAt: new Date(startAt.getTime() + 7 * 864e5), postedLocation: '村委会公开栏' },
        },
      },
      panelOf(village),
    );
    h.clock.advanceDays(7);
    await h.credit.notices.closeNotice({ idempotencyKey: key(), noticeId }, panelOf(village));
    return { noticeId, apps };
  }
  const stateOf = async (applicationId: string) =>
    (await h.credit.repositories.applications.get(applicationId))!.value.state;
  const assessment = (o: Partial<ev.BankCreditAssessmentCompleted>) =>
    ev.BankCreditAssessmentCompleted.encode(
      ev.BankCreditAssessmentCompleted.fromPartial({
        assessedBy: 'officer-7',
        assessedAt: '2026-11-20T02:00:00Z',
        assessmentReportRef: 'RCB-PG-2026-031',
        ...o,
      }),
    ).finish();

  it('an approval moves the application to GRADE_NOTICE once, however often the bank sends it (§5.2)', async () => {
    const { noticeId, apps } = await atTheBank('vg-pe-a');
    const [a] = apps;
    expect(await stateOf(a!.applicationId)).toBe('BANK_ASSESSMENT');
    const approve = assessment({
      noticeId,
      householdId: a!.householdId,
      outcome: ev.AssessmentOutcome.ASSESSMENT_OUTCOME_APPROVED,
      grade: ev.Grade.GRADE_AA,
      limitFen: String(yuan(80_000)),
    });
    const first: string = randomUUID();
    const resent = randomUUID();
    await h.sendBank(t.bankCreditAssessmentCompleted, a!.householdId, first, approve);
    await h.sendBank(t.bankCreditAssessmentCompleted, a!.householdId, first, approve);
    await h.sendBank(t.bankCreditAssessmentCompleted, a!.householdId, resent, approve);
    await handled('bank', resent);
    expect(await stateOf(a!.applicationId)).toBe('GRADE_NOTICE');
    const notice = (await h.credit.repositories.notices.get(noticeId))!;
    expect(notice.value.decisions.filter((d) => d.householdId === a!.householdId)).toEqual([
      expect.objectContaining({ outcome: 'APPROVED', grade: 'AA', limitFen: yuan(80_000) }),
    ]);
    // the bank officer named in the report, not "system", is the author in the audit trail
    expect(notice.audit.filter((x) => x.action === 'credit.approved')).toEqual([
      expect.objectContaining({
        actor: expect.objectContaining({ userId: 'bank:officer-7', role: 'BANK_OFFICER' }),
        details: expect.objectContaining({ assessmentReportRef: 'RCB-PG-2026-031' }),
      }),
    ]);
    expect((await h.parked('bank')).filter((p) => [first, resent].includes(p.headers.ce_id!))).toEqual([]);
  });

  it('a rejection without reason, cause or evidence is parked as REJECTION_REASON_REQUIRED; with them it moves to BANK_REJECTED (§5.2)', async () => {
    const { noticeId, apps } = await atTheBank('vg-pe-r');
    const [, b] = apps;
    const bare = randomUUID();
    await h.sendBank(
      t.bankCreditAssessmentCompleted,
      b!.householdId,
      bare,
      assessment({
        noticeId,
        householdId: b!.householdId,
        outcome: ev.AssessmentOutcome.ASSESSMENT_OUTCOME_REJECTED,
        rejectionReason: '还款能力不足',
      }),
    );
    const parked = await parkedFor('bank', bare);
    expect(parked).toMatchObject({
      reason: 'MALFORMED_PAYLOAD',
      error: expect.stringMatching(/^REJECTION_REASON_REQUIRED: /),
    });
    expect(await stateOf(b!.applicationId)).toBe('BANK_ASSESSMENT');

    const reasoned = randomUUID();
    await h.sendBank(
      t.bankCreditAssessmentCompleted,
      b!.householdId,
      reasoned,
      assessment({
        noticeId,
        householdId: b!.householdId,
        outcome: ev.AssessmentOutcome.ASSESSMENT_OUTCOME_REJECTED,
        rejectionReason: '还款能力不足',
        rejectionCause: '家庭无稳定收入来源',
        evidenceRefs: ['RCB-DD-0193'],
      }),
    );
    await handled('bank', reasoned);
    expect(await stateOf(b!.applicationId)).toBe('BANK_REJECTED');
    const e = await waitFor(() => h.ofType(t.creditRejected).find((x) => x.key === b!.householdId));
    expect(ev.CreditRejected.decode(e.payload)).toMatchObject({
      reason: '还款能力不足',
      cause: '家庭无稳定收入来源',
      evidenceRefs: ['RCB-DD-0193'],
    });
  });

  it('an approval above the computed grade is parked as GRADE_ABOVE_SCORE and decides nothing (§5.2 [inferred])', async () => {
    const { noticeId, apps } = await atTheBank('vg-pe-g');
    const [a] = apps;
    const id = randomUUID();
    await h.sendBank(
      t.bankCreditAssessmentCompleted,
      a!.householdId,
      id,
      assessment({
        noticeId,
        householdId: a!.householdId,
        outcome: ev.AssessmentOutcome.ASSESSMENT_OUTCOME_APPROVED,
        grade: ev.Grade.GRADE_AAA,
        limitFen: String(yuan(100_000)),
      }),
    );
    expect(await parkedFor('bank', id)).toMatchObject({
      reason: 'HANDLER_FAILED',
      error: expect.stringMatching(/^GRADE_ABOVE_SCORE: /),
    });
    expect((await h.credit.repositories.notices.get(noticeId))!.value.decisions).toEqual([]);
    expect(await stateOf(a!.applicationId)).toBe('BANK_ASSESSMENT');
  });
});

describe('bank.loan.classified (spec credit §11.3, §19.3, R15.4-R15.5)', () => {
  const classified = (bankLoanNo: string, c: ev.LoanClassification) =>
    ev.BankLoanClassified.encode({
      bankLoanNo,
      householdId: '',
      classification: c,
      classifiedOn: '2027-03-31',
    }).finish();

  it('SUBSTANDARD acts as an NPL report once: loan NON_PERFORMING, one collection task, V3 revokes the certificate; NORMAL and a restated class change nothing', async () => {
    const { householdId, creditLineId } = await withLine('vg-pe-c');
    const { bankLoanNo, loanId } = await draw(creditLineId, yuan(30_000));
    const normal = randomUUID();
    await h.sendBank(
      t.bankLoanClassified,
      householdId,
      normal,
      classified(bankLoanNo, ev.LoanClassification.LOAN_CLASSIFICATION_NORMAL),
    );
    await handled('bank', normal);
    expect((await h.credit.repositories.lines.get(creditLineId))!.value.loans[0]!.status).toBe('REPAYING');

    const npl = randomUUID();
    const substandard = classified(bankLoanNo, ev.LoanClassification.LOAN_CLASSIFICATION_SUBSTANDARD);
    await h.sendBank(t.bankLoanClassified, householdId, npl, substandard);
    await h.sendBank(t.bankLoanClassified, householdId, npl, substandard);
    const restated = randomUUID();
    await h.sendBank(
      t.bankLoanClassified,
      householdId,
      restated,
      classified(bankLoanNo, ev.LoanClassification.LOAN_CLASSIFICATION_DOUBTFUL),
    );
    await handled('bank', restated);

    const line = (await h.credit.repositories.lines.get(creditLineId))!;
    expect(line.value.status).toBe('REVOKED');
    expect(line.value.loans[0]!.status).toBe('NON_PERFORMING');
    expect(line.audit.filter((a) => a.action === 'loan.non_performing')).toEqual([
      expect.objectContaining({ details: { bankLoanNo, classification: 'SUBSTANDARD' } }),
    ]);
    expect(await h.credit.repositories.overdueTasks.listOpenByLoan(loanId)).toHaveLength(1);
    const revoked = await waitFor(() => h.ofType(t.certificateRevoked).find((x) => x.key === householdId));
    expect(ev.CertificateRevoked.decode(revoked.payload)).toMatchObject({ creditLineId, reason: 'VETO_V3' });
    expect((await h.credit.getHousehold(householdId, center)).household.latestRating).toMatchObject({
      grade: 'NONE',
      vetoCodes: ['V3'],
    });
    expect(h.ofType(t.certificateRevoked).filter((x) => x.key === householdId)).toHaveLength(1);
  });

  it('parks an unknown classification and a loan the service does not carry, with their reasons', async () => {
    const unknown = randomUUID();
    await h.sendBank(t.bankLoanClassified, 'h-x', unknown, classified('RCB-X', 42 as ev.LoanClassification));
    expect(await parkedFor('bank', unknown)).toMatchObject({ reason: 'MALFORMED_PAYLOAD' });
    const stranger = randomUUID();
    await h.sendBank(
      t.bankLoanClassified,
      'h-x',
      stranger,
      classified('RCB-NOPE', ev.LoanClassification.LOAN_CLASSIFICATION_LOSS),
    );
    expect(await parkedFor('bank', stranger)).toMatchObject({
      reason: 'HANDLER_FAILED',
      error: expect.stringMatching(/^LOAN_NOT_FOUND: /),
    });
  });
});

describe('bank.interest.statement (spec credit §12 R12.2, R12.4-R12.5, §19.3)', () => {
  it('accrues the subsidy of the loan and period once, even when the statement comes again under a new id', async () => {
    const { householdId, creditLineId } = await withLine('vg-pe-s');
    const { bankLoanNo, loanId } = await draw(creditLineId, yuan(80_000));
    const statement = ev.BankInterestStatement.encode({
      bankLoanNo,
      householdId,
      periodStart: '2026-11-10',
      periodEnd: '2027-02-10',
      interestChargedFen: String(yuan(971)),
      interestPaidFen: String(yuan(971)),
      paidOnTime: true,
      statementNo: 'RCB-IS-2027Q1-88',
    }).finish();
    const first = randomUUID();
    const again = randomUUID();
    await h.sendBank(t.bankInterestStatement, householdId, first, statement);
    await h.sendBank(t.bankInterestStatement, householdId, first, statement);
    await h.sendBank(t.bankInterestStatement, householdId, again, statement);
    await handled('bank', again);
    // 92 days on the 50,000-yuan cap at 4.75%: 5,000,000 × 92 × 475 / 3,600,000 = 60,694.4… → 60,694 fen
    const e = await waitFor(() => h.ofType(t.subsidyAccrued).find((x) => x.key === householdId), {
      what: 'SubsidyAccrued',
    });
    expect(ev.SubsidyAccrued.decode(e.payload)).toMatchObject({
      loanId,
      periodStart: '2026-11-10',
      periodEnd: '2027-02-10',
      eligiblePrincipalFen: '5000000',
      amountFen: '60694',
    });
    const line = (await h.credit.repositories.lines.get(creditLineId))!;
    expect(line.value.loans[0]!.subsidy.periods).toHaveLength(1);
    expect(line.audit.filter((a) => a.action === 'subsidy.accrued')).toEqual([
      expect.objectContaining({ details: expect.objectContaining({ statementNo: 'RCB-IS-2027Q1-88' }) }),
    ]);
    await new Promise((r) => setTimeout(r, 300));
    expect(h.ofType(t.subsidyAccrued).filter((x) => x.key === householdId)).toHaveLength(1);
  });

  it('parks a statement paying more interest than it charged, or with a date that does not exist', async () => {
    const bad = (o: Partial<ev.BankInterestStatement>) =>
      ev.BankInterestStatement.encode(
        ev.BankInterestStatement.fromPartial({
          bankLoanNo: 'RCB-1',
          periodStart: '2026-11-10',
          periodEnd: '2027-02-10',
          interestChargedFen: '100',
          interestPaidFen: '100',
          ...o,
        }),
      ).finish();
    const [overpaid, noDate] = [randomUUID(), randomUUID()];
    await h.sendBank(t.bankInterestStatement, 'h-y', overpaid, bad({ interestPaidFen: '101' }));
    await h.sendBank(t.bankInterestStatement, 'h-y', noDate, bad({ periodEnd: '2027-02-30' }));
    expect(await parkedFor('bank', overpaid)).toMatchObject({ reason: 'MALFORMED_PAYLOAD' });
    expect(await parkedFor('bank', noDate)).toMatchObject({
      reason: 'MALFORMED_PAYLOAD',
      error: expect.stringContaining('period_end'),
    });
  });
});

describe('insurer events on gov.credit.insurer-events.v1 (spec credit §13.2, §14 R14.3, R15.4, §19.3)', () => {
  async function allocatedLoss(village: string) {
    const { householdId, creditLineId } = await withLine(village, yuan(50_000));
    const { bankLoanNo } = await draw(creditLineId, yuan(40_000));
    await h.credit.bankEvents.overdue(randomUUID(), { bankLoanNo, nonPerforming: true });
    const lossCase = await h.credit.riskSharing.allocate({ bankLoanNo, accruedInterestFen: 0 }, center);
    return { householdId, lossCase };
  }
  const sharePaid = (c: { id: string; loanId: string }, amountFen: number, reference: string) =>
    ev.InsurerLossSharePaid.encode({
      lossCaseId: c.id,
      loanId: c.loanId,
      insurerId: 'picc-hubin',
      amountFen: String(amountFen),
      reference,
      paidAt: '2027-04-02T03:00:00Z',
    }).finish();

  it('insurer.loss-share.paid confirms the insurer share once; a wrong amount is parked; the same report on the bank topic is ignored', async () => {
    const { householdId, lossCase: c } = await allocatedLoss('vg-pe-l');
    expect(c.insurerShareFen).toBe(yuan(20_000));
    // the bank cannot speak for the insurer: its consumer does not know the type, so nothing happens
    const forged = randomUUID();
    await h.sendBank(t.insurerLossSharePaid, c.loanId, forged, sharePaid(c, c.insurerShareFen, 'FORGED-1'));
    const marker = randomUUID();
    await h.sendBank(
      t.bankLoanClassified,
      c.loanId,
      marker,
      ev.BankLoanClassified.encode({
        bankLoanNo: (await h.credit.repositories.lines.findByHousehold(householdId))!.value.loans[0]!.bankLoanNo,
        householdId,
        classification: ev.LoanClassification.LOAN_CLASSIFICATION_LOSS,
        classifiedOn: '2027-04-01',
      }).finish(),
    );
    await handled('bank', marker);
    expect((await h.credit.repositories.settledLossCases.get(c.id))!.value.insurerConfirmation).toBeUndefined();

    const wrong = randomUUID();
    await h.sendInsurer(t.insurerLossSharePaid, c.loanId, wrong, sharePaid(c, c.insurerShareFen - 1, 'PICC-P-1'));
    expect(await parkedFor('insurer', wrong)).toMatchObject({
      reason: 'HANDLER_FAILED',
      error: expect.stringMatching(/^LOSS_SHARE_MISMATCH: /),
    });

    const paid = randomUUID();
    const right = sharePaid(c, c.insurerShareFen, 'PICC-P-2');
    await h.sendInsurer(t.insurerLossSharePaid, c.loanId, paid, right);
    await h.sendInsurer(t.insurerLossSharePaid, c.loanId, paid, right);
    const resent = randomUUID();
    await h.sendInsurer(t.insurerLossSharePaid, c.loanId, resent, right);
    await handled('insurer', resent);
    const stored = (await h.credit.repositories.settledLossCases.get(c.id))!;
    expect(stored.value.insurerConfirmation).toMatchObject({
      amountFen: yuan(20_000),
      reference: 'PICC-P-2',
      confirmedBy: 'insurer:picc-hubin',
    });
    expect(stored.audit.filter((a) => a.action === 'loss.insurer-confirmed')).toHaveLength(1);
    const confirmed = await waitFor(() => h.ofType(t.lossConfirmed).find((x) => x.key === c.loanId));
    expect(ev.LossConfirmed.decode(confirmed.payload)).toMatchObject({ party: 'INSURER', reference: 'PICC-P-2' });
    await new Promise((r) => setTimeout(r, 300));
    expect(h.ofType(t.lossConfirmed).filter((x) => x.key === c.loanId)).toHaveLength(1);
  });

  it('insurer.claim.paid records the payout to the household card once, published masked; a payout to another payee is parked as PAYOUT_MUST_BE_TO_HOUSEHOLD_CARD', async () => {
    const householdId = await register('vg-pe-i', '冯八');
    const claim = (o: Partial<ev.InsurerClaimPaid>) =>
      ev.InsurerClaimPaid.encode(
        ev.InsurerClaimPaid.fromPartial({
          insurerId: 'picc-hubin',
          claimNo: 'PICC-C-7001',
          policyNo: 'PICC-LS-2026-118',
          householdId,
          amountFen: String(yuan(3_600)),
          payeeType: 'HOUSEHOLD',
          bankCardNo: '6228 4801 2345 6789 012',
          paidAt: '2027-04-03T01:00:00Z',
          ...o,
        }),
      ).finish();
    const toCoop = randomUUID();
    await h.sendInsurer(
      t.insurerClaimPaid,
      householdId,
      toCoop,
      claim({ claimNo: 'PICC-C-7000', payeeType: 'COOPERATIVE' }),
    );
    expect(await parkedFor('insurer', toCoop)).toMatchObject({
      reason: 'MALFORMED_PAYLOAD',
      error: expect.stringMatching(/^PAYOUT_MUST_BE_TO_HOUSEHOLD_CARD: /),
    });

    const [first, resent] = [randomUUID(), randomUUID()];
    await h.sendInsurer(t.insurerClaimPaid, householdId, first, claim({}));
    await h.sendInsurer(t.insurerClaimPaid, householdId, first, claim({}));
    await h.sendInsurer(t.insurerClaimPaid, householdId, resent, claim({}));
    await handled('insurer', resent);
    const e = await waitFor(() => h.ofType(t.claimPaid).find((x) => x.key === householdId), { what: 'ClaimPaid' });
    const paid = ev.ClaimPaid.decode(e.payload);
    expect(paid).toMatchObject({ claimNo: 'PICC-C-7001', amountFen: '360000', payeeType: 'HOUSEHOLD' });
    expect(paid.bankCardNoMasked).toMatch(/^\*+9012$/);
    expect(e.payload.toString('latin1')).not.toContain('6228480123456789012');
    await new Promise((r) => setTimeout(r, 300));
    expect(h.ofType(t.claimPaid).filter((x) => x.key === householdId)).toHaveLength(1);
  });
});
