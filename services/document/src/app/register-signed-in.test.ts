import type { Actor } from '@gov/platform/auth';
import { defaultCalendar } from '@gov/platform/calendar';
import { signInDutyHandover } from '../domain/duty-handover.rule';
import type { IncomingDocument, SignedInRegistration } from '../domain/incoming-document';
import { defaultRegistrationPolicy as policy } from '../domain/registration-policy';
import type { Idempotency } from './ports';
import { fakeDocuments, fakeReceiptNumbers } from './ports.fixtures';
import { createRegisterIncoming } from './register-incoming';
import { createRegisterSignedIn } from './register-signed-in';

const clerk: Actor = {
  userId: 'gs1',
  name: '综合股',
  orgUnitId: 'gov-office/general-section',
  roles: ['CLERK'],
  clearance: 'SECRET',
};
/** Replays a finished key's result, like the store; `forget()` loses the records, as a call that died mid-way. */
function fakeIdempotency(): Idempotency & { forget(): void } {
  const done = new Map<string, unknown>();
  return {
    forget: () => done.clear(),
    async run(scope, key, _req, fn) {
      const k = `${scope}:${key}`;
      if (done.has(k)) return done.get(k) as never;
      const r = await fn();
      done.set(k, r);
      return r;
    },
  };
}
const reg = (o: Partial<SignedInRegistration> = {}): SignedInRegistration => ({
  sender: { id: 'pref-gov-office', name: '' },
  senderDocNo: '州府办〔2026〕41号',
  classification: 'INTERNAL',
  nature: 'FOR_ACTION',
  ccOnly: false,
  fromSuperior: true,
  handlingLimitWorkingDays: 0,
  ...o,
});

// received Sunday 09:50 Shanghai; the desk asks for registration by Monday 12:00
function setup(now = new Date('2026-11-23T02:00:00Z') /* Monday 10:00 */) {
  const documents = fakeDocuments();
  const receiptNumbers = fakeReceiptNumbers();
  const idempotency = fakeIdempotency();
  const deps = { documents, receiptNumbers, idempotency, clock: { now: () => now }, calendar: defaultCalendar, policy };
  const signIn = (deskId = 'desk-1') =>
    documents.create(
      signInDutyHandover(
        {
          deskDocumentId: deskId,
          kind: 'FAX',
          sender: '州人民政府办公室',
          title: '关于做好冬季安全生产工作的通知',
          urgency: 'NORMAL',
          receivedAt: new Date('2026-11-22T01:50:00Z'),
          registerBy: new Date('2026-11-23T04:00:00Z'),
        },
        { id: `in-duty-${deskId}`, generalSectionId: 'gov-office/general-section', policy, calendar: defaultCalendar },
      ),
      [],
      { action: 'incoming.signed_in', actor: clerk, role: 'DUTY_OFFICER', at: now },
    );
  return { documents, receiptNumbers, idempotency, deps, signIn, register: createRegisterSignedIn(deps) };
}
const code = async (p: Promise<unknown>) =>
  p.then(
    () => 'no error',
    (e: { code?: string }) => e.code,
  );

describe(createRegisterSignedIn.name, () => {
  it('gives the handover the next 收文号 and classifies it, as RegisterIncoming would (spec document R-IN-5, §5.2, §5.11 I2)', async () => {
    const { signIn, register, deps } = setup();
    await signIn();
    await createRegisterIncoming(deps)(
      {
        idempotencyKey: 'direct-1',
        input: {
          ...reg(),
          title: '直接登记的来文',
          sender: { id: 'city-water', name: '市水务局' },
          urgency: 'NORMAL',
          channel: 'PAPER',
          receivedAt: new Date('2026-11-23T01:00:00Z'),
        },
      },
      clerk,
    );
    const doc = await register({ idempotencyKey: 'k1', id: 'in-duty-desk-1', registration: reg() }, clerk);
    expect(doc).toMatchObject({
      id: 'in-duty-desk-1',
      state: 'REGISTERED',
      receiptNo: 'SW-2026-00002',
      classification: 'INTERNAL',
      nature: 'FOR_ACTION',
      channel: 'DUTY_HANDOVER',
      handlingLimitWorkingDays: 10,
      dutyHandover: { deskDocumentId: 'desk-1', kind: 'FAX' },
      handedToUnitId: 'gov-office/general-section',
    });
  });

  it("judges lateness by the duty desk's deadline, not two hours from a Sunday receipt (spec document R-IN-5, spec duty DK-4)", async () => {
    const onTime = setup();
    await onTime.signIn();
    const doc = await onTime.register({ idempotencyKey: 'k1', id: 'in-duty-desk-1', registration: reg() }, clerk);
    expect(doc.registrationDueAt).toEqual(new Date('2026-11-23T04:00:00Z'));
    expect(doc.registeredLate).toBe(false);
    const late = setup(new Date('2026-11-23T05:00:00Z')); // Monday 13:00
    await late.signIn();
    expect(
      (await late.register({ idempotencyKey: 'k1', id: 'in-duty-desk-1', registration: reg() }, clerk)).registeredLate,
    ).toBe(true);
  });

  it('routes it on with IncomingRegistered and tells the desk with HandoverRegistered, audited as the registrar (spec document §19.1)', async () => {
    const { signIn, register, documents } = setup();
    await signIn();
    await register({ idempotencyKey: 'k1', id: 'in-duty-desk-1', registration: reg() }, clerk);
    expect(documents.events.map((e) => e.type)).toEqual(['IncomingRegistered', 'HandoverRegistered']);
    expect(documents.notes.at(-1)).toMatchObject({
      action: 'incoming.registered',
      role: 'CLERK',
      details: { receiptNo: 'SW-2026-00001', deskDocumentId: 'desk-1', registeredLate: false },
    });
  });

  it('answers a retry with the first registration and takes no second number, even when the idempotency record was lost', async () => {
    const { signIn, register, documents, receiptNumbers, idempotency } = setup();
    await signIn();
    const cmd = { idempotencyKey: 'k1', id: 'in-duty-desk-1', registration: reg() };
    const first = await register(cmd, clerk);
    expect(await register(cmd, clerk)).toEqual(first);
    idempotency.forget();
    expect(await register(cmd, clerk)).toEqual(first);
    expect(receiptNumbers.taken).toEqual([1]);
    expect(documents.events).toHaveLength(2);
  });

  it('refuses a second registration under another key with INCOMING_ALREADY_REGISTERED and changes nothing (spec document §5.11 I2)', async () => {
    const { signIn, register, documents, receiptNumbers } = setup();
    await signIn();
    const first = await register({ idempotencyKey: 'k1', id: 'in-duty-desk-1', registration: reg() }, clerk);
    const other = { ...clerk, userId: 'gs2' };
    expect(
      await code(
        register({ idempotencyKey: 'k2', id: 'in-duty-desk-1', registration: reg({ nature: 'FOR_READING' }) }, other),
      ),
    ).toBe('INCOMING_ALREADY_REGISTERED');
    expect(documents.all[0]).toEqual(first);
    expect(receiptNumbers.taken).toEqual([1]);
  });

  it('refuses a document registered directly, which never waited for the 综合股', async () => {
    const { register, deps } = setup();
    const direct: IncomingDocument = await createRegisterIncoming(deps)(
      {
        idempotencyKey: 'direct-1',
        input: {
          ...reg(),
          title: '来文',
          sender: { id: 'city-water', name: '市水务局' },
          urgency: 'NORMAL',
          channel: 'PAPER',
          receivedAt: new Date('2026-11-23T01:00:00Z'),
        },
      },
      clerk,
    );
    expect(await code(register({ idempotencyKey: 'k1', id: direct.id, registration: reg() }, clerk))).toBe(
      'INCOMING_ALREADY_REGISTERED',
    );
  });

  it('refuses a registration that breaks a registration rule before taking a 收文号, leaving the document SIGNED_IN (spec document R-IN-3)', async () => {
    const { signIn, register, documents, receiptNumbers } = setup();
    await signIn();
    const secret = reg({ classification: 'SECRET' });
    expect(await code(register({ idempotencyKey: 'k1', id: 'in-duty-desk-1', registration: secret }, clerk))).toBe(
      'CLASSIFIED_SIGN_IN_NOT_PERMITTED',
    );
    expect(
      await code(
        register(
          { idempotencyKey: 'k2', id: 'in-duty-desk-1', registration: reg({ sender: { id: ' ', name: '' } }) },
          clerk,
        ),
      ),
    ).toBe('INCOMING_INVALID');
    expect(receiptNumbers.taken).toEqual([]);
    expect(documents.all[0]?.state).toBe('SIGNED_IN');
  });

  it('lets only the roles that register incoming documents do it (spec document §20)', async () => {
    const { signIn, register } = setup();
    await signIn();
    const drafter = { ...clerk, roles: ['DRAFTER'] };
    expect(await code(register({ idempotencyKey: 'k1', id: 'in-duty-desk-1', registration: reg() }, drafter))).toBe(
      'REGISTRATION_NOT_PERMITTED',
    );
  });

  it('answers INCOMING_NOT_FOUND for an unknown id and for a document above the caller clearance', async () => {
    const { signIn, register } = setup();
    await signIn();
    expect(await code(register({ idempotencyKey: 'k1', id: 'in-duty-nope', registration: reg() }, clerk))).toBe(
      'INCOMING_NOT_FOUND',
    );
    const publicOnly = { ...clerk, clearance: 'PUBLIC' as const };
    expect(await code(register({ idempotencyKey: 'k2', id: 'in-duty-desk-1', registration: reg() }, publicOnly))).toBe(
      'INCOMING_NOT_FOUND',
    );
  });

  it('refuses the loser of two registrars racing on one document with INCOMING_ALREADY_REGISTERED, and records its 收文号 as voided', async () => {
    const { signIn, deps, documents, receiptNumbers } = setup();
    await signIn();
    const rival = createRegisterSignedIn(deps);
    let raced = false;
    const racing = {
      ...documents,
      async update(...args: Parameters<typeof documents.update>) {
        if (!raced) {
          raced = true;
          // the rival's registration lands between this call's read and its write
          await rival({ idempotencyKey: 'r1', id: 'in-duty-desk-1', registration: reg() }, { ...clerk, userId: 'gs2' });
        }
        return documents.update(...args);
      },
    };
    const loser = createRegisterSignedIn({ ...deps, documents: racing });
    expect(await code(loser({ idempotencyKey: 'k1', id: 'in-duty-desk-1', registration: reg() }, clerk))).toBe(
      'INCOMING_ALREADY_REGISTERED',
    );
    expect(documents.events.filter((e) => e.type === 'HandoverRegistered')).toHaveLength(1);
    // the loser took 1 before the rival took 2 and registered with it: 1 is recorded, not silently skipped
    expect(documents.all[0]).toMatchObject({ receiptNo: 'SW-2026-00002' });
    expect(receiptNumbers.voided).toEqual([
      { year: 2026, seq: 1, reason: expect.stringContaining('registered by another request first') },
    ]);
  });

  it('steps the year’s counter back when a lost race took the last number, so the next registration has no gap', async () => {
    const { signIn, deps, documents, receiptNumbers } = setup();
    await signIn();
    let raced = false;
    const racing = {
      ...documents,
      async update(...args: Parameters<typeof documents.update>) {
        if (!raced) {
          raced = true;
          // the rival registers the same document with a number it took before this call took its own
          const [found, mine, , note] = args;
          const theirs = { ...(mine as IncomingDocument), receiptNo: 'SW-2026-00000', registrationRef: 'someone-else' };
          await documents.update(found, theirs, [], note);
        }
        return documents.update(...args);
      },
    };
    const loser = createRegisterSignedIn({ ...deps, documents: racing });
    expect(await code(loser({ idempotencyKey: 'k1', id: 'in-duty-desk-1', registration: reg() }, clerk))).toBe(
      'INCOMING_ALREADY_REGISTERED',
    );
    expect(receiptNumbers.voided).toEqual([]);
    expect(await receiptNumbers.next(2026)).toBe(1);
  });
});

describe(createRegisterIncoming.name, () => {
  it('stores one document for two concurrent retries of one request and gives the second 收文号 back (no gap)', async () => {
    const { deps, documents, receiptNumbers } = setup();
    const registerIncoming = createRegisterIncoming(deps);
    const cmd = {
      idempotencyKey: 'same-key',
      input: {
        ...reg(),
        title: '同一请求的两次重试',
        sender: { id: 'city-water', name: '市水务局' },
        urgency: 'NORMAL' as const,
        channel: 'PAPER' as const,
        receivedAt: new Date('2026-11-23T01:00:00Z'),
      },
    };
    // both pass the "already there?" read before either writes, so both take a number
    const [a, b] = await Promise.all([registerIncoming(cmd, clerk), registerIncoming(cmd, clerk)]);
    expect(a).toEqual(b);
    expect(documents.all).toHaveLength(1);
    expect(receiptNumbers.taken).toEqual([1, 2]);
    // the unused number was the last one out, so the counter stepped back: the next document gets it
    expect(receiptNumbers.voided).toEqual([]);
    const next = await registerIncoming({ ...cmd, idempotencyKey: 'other-key' }, clerk);
    expect(next.receiptNo).toBe('SW-2026-00002');
  });
});
