import { execFile } from 'node:child_process';
import { createDecipheriv, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { creditEventTypes as t } from '@gov/contracts';
import { waitFor } from '@gov/testkit';
import { emptyCreditInfo } from '../src/domain/rating';
import {
  actor,
  creditEventsV1 as ev,
  idNumber,
  panelOf,
  partnerKeys,
  startCredit,
  type CreditHarness,
  type ReceivedEvent,
} from './harness';

// Spec credit §19.1: the full identity number reaches banks and insurers only on the restricted topic
// gov.credit.pii.v1, sealed per partner key; gov.credit.events.v1 keeps it masked. Real broker and store.
let h: CreditHarness;
const poverty = actor('POVERTY_OFFICE');
const center = actor('CENTER_STAFF');
const panel = panelOf('vg-pii');
const key = () => randomUUID();
const phone = '13712345678';

beforeAll(async () => {
  h = await startCredit('pii-topic');
}, 90000);
afterAll(async () => h?.stop());

/** An AA household on a merged notice that has closed: the bank's approval issues the certificate at once. */
async function cleared(idNo: string) {
  const householdId = await h.credit.registerHousehold(
    {
      idempotencyKey: key(),
      input: {
        townshipId: 'tw-pii',
        villageId: 'vg-pii',
        villagerGroupId: 'vg-pii-g1',
        headName: '陈九',
        headIdNumber: idNo,
        phone,
        povertyStatus: 'REGISTERED_POOR',
      },
    },
    poverty,
  );
  await h.credit.rating.rateHousehold(
    {
      idempotencyKey: key(),
      householdId,
      info: { ...emptyCreditInfo(), hasIncomeProject: true, headIsPartyMember: true },
    },
    center,
  );
  const start = h.clock.now();
  const notice = await h.credit.notices.openNotice(
    {
      idempotencyKey: key(),
      input: {
        villageId: 'vg-pii',
        householdIds: [householdId],
        startAt: start,
        endAt: new Date(start.getTime() + 7 * 864e5),
        postedLocation: '村委会',
      },
    },
    panel,
  );
  h.clock.advanceDays(7);
  await h.credit.notices.closeNotice({ idempotencyKey: key(), noticeId: notice.id }, panel);
  return { householdId, noticeId: notice.id };
}

/** What a partner does with its own key (written here from the asyncapi description, not from the service code). */
function open(e: ReceivedEvent, keyBase64: string, aadHousehold?: string) {
  const s = ev.SealedCertificateHolder.decode(e.payload);
  const d = createDecipheriv('aes-256-gcm', Buffer.from(keyBase64, 'base64'), s.iv);
  d.setAAD(Buffer.from(`${s.keyId}|${aadHousehold ?? s.householdId}|${s.certificateNo}`, 'utf8'));
  d.setAuthTag(s.tag);
  return ev.CertificateHolderPii.decode(Buffer.concat([d.update(s.ciphertext), d.final()]));
}

describe('restricted topic gov.credit.pii.v1 (spec credit §19.1, §20)', () => {
  let idNo: string;
  let householdId: string;
  let copies: ReceivedEvent[];

  beforeAll(async () => {
    idNo = idNumber();
    const c = await cleared(idNo);
    householdId = c.householdId;
    // the bank's approval arrives as an event, is redelivered, and is sent again under a new id
    const approve = ev.BankCreditAssessmentCompleted.encode(
      ev.BankCreditAssessmentCompleted.fromPartial({
        noticeId: c.noticeId,
        householdId,
        outcome: ev.AssessmentOutcome.ASSESSMENT_OUTCOME_APPROVED,
        grade: ev.Grade.GRADE_AA,
        limitFen: '8000000',
        assessedBy: 'officer-3',
      }),
    ).finish();
    const [first, again] = [randomUUID(), randomUUID()];
    await h.sendBank(t.bankCreditAssessmentCompleted, householdId, first, approve);
    await h.sendBank(t.bankCreditAssessmentCompleted, householdId, first, approve);
    await h.sendBank(t.bankCreditAssessmentCompleted, householdId, again, approve);
    await waitFor(() => h.handled('bank', again), { what: 'the resent approval handled' });
    await waitFor(() => h.restricted.filter((e) => e.key === householdId).length >= 2, {
      what: 'the sealed copies on gov.credit.pii.v1',
    });
    await new Promise((r) => setTimeout(r, 500));
    copies = h.restricted.filter((e) => e.key === householdId);
  }, 60000);

  it('publishes one sealed copy per partner key, once, however often the approval is delivered', () => {
    expect(copies.map((e) => ev.SealedCertificateHolder.decode(e.payload).keyId).sort()).toEqual(
      ['picc-test', 'rcb-test'].sort(),
    );
    expect(copies.every((e) => e.type === t.sealedCertificateHolder)).toBe(true);
    expect(new Set(copies.map((e) => e.id)).size).toBe(2);
    expect(h.ofType(t.certificateIssued).filter((e) => e.key === householdId)).toHaveLength(1);
  });

  it('each copy opens with its partner key to the full identity number and phone, and with no other key', () => {
    for (const e of copies) {
      const s = ev.SealedCertificateHolder.decode(e.payload);
      expect(s).toMatchObject({ householdId, algorithm: 'AES-256-GCM' });
      expect(s.certificateNo).toMatch(/^HB-\d{4}-vg-pii-\d{6}$/);
      const own = partnerKeys[s.keyId as keyof typeof partnerKeys];
      const other = partnerKeys[s.keyId === 'rcb-test' ? 'picc-test' : 'rcb-test'];
      expect(open(e, own)).toEqual({ idNumber: idNo, phone });
      expect(() => open(e, other)).toThrow();
      // bound to its household: the same body presented as another household's does not open
      expect(() => open(e, own, 'another-household')).toThrow();
      expect(e.payload.toString('latin1')).not.toContain(idNo);
    }
  });

  it('the main topic carries the number masked only, and the stored line never holds it in clear', async () => {
    const issued = h.ofType(t.certificateIssued).find((e) => e.key === householdId)!;
    expect(ev.CertificateIssued.decode(issued.payload).idNumberMasked).toBe(
      `${idNo.slice(0, 6)}********${idNo.slice(-4)}`,
    );
    const everything = Buffer.concat(h.received.map((e) => e.payload)).toString('latin1');
    expect(everything).not.toContain(idNo);
    expect(everything).not.toContain(phone);
    const line = (await h.credit.repositories.lines.findByHousehold(householdId))!;
    const doc = await h.conn.collection('credit_lines').findOne({ _id: line.value.id as never });
    expect(doc).toMatchObject({ certificateNo: line.value.certificateNo });
    expect(JSON.stringify(doc)).not.toContain(idNo);
    // 个人信息保护法: the disclosure is on the record
    expect(line.audit.find((a) => a.action === 'certificate.issued')!.details).toMatchObject({
      piiDisclosedOn: 'gov.credit.pii.v1',
    });
  });

  it("examples/bank-consumer's openSealedHolder opens the bank's copy and skips the insurer's", async () => {
    const byKey = Object.fromEntries(copies.map((e) => [ev.SealedCertificateHolder.decode(e.payload).keyId, e]));
    const script = `
      const { openSealedHolder } = await import(process.env.EXAMPLE);
      const keys = { 'rcb-test': process.env.KEY };
      const rec = (b64, id) => ({ value: Buffer.from(b64, 'base64'), headers: { ce_type: Buffer.from('${t.sealedCertificateHolder}'), ce_id: Buffer.from(id) } });
      const mine = openSealedHolder(rec(process.env.MINE, 'm'), keys);
      const theirs = openSealedHolder(rec(process.env.THEIRS, 't'), keys);
      process.stdout.write(JSON.stringify({ mine, theirs: theirs ?? null }));`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
      env: {
        PATH: process.env.PATH ?? '',
        EXAMPLE: join(__dirname, '../../../examples/bank-consumer/consumer.mjs'),
        KEY: partnerKeys['rcb-test'],
        MINE: byKey['rcb-test']!.payload.toString('base64'),
        THEIRS: byKey['picc-test']!.payload.toString('base64'),
      },
    });
    expect(JSON.parse(stdout)).toEqual({
      mine: expect.objectContaining({ householdId, idNumber: idNo, phone }),
      theirs: null,
    });
  }, 30000);
});
