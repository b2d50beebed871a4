import { defaultCalendar } from '@gov/platform/calendar';
import type { Actor } from '@gov/platform/auth';
import { registerIncoming, registrationDueAt } from './register-incoming.rule';
import { defaultRegistrationPolicy as policy } from './registration-policy';
import type { RegisterIncomingInput } from './incoming-document';

const clerk: Actor = { userId: 'c1', name: 'clerk', orgUnitId: 'office', roles: ['CLERK'], clearance: 'INTERNAL' };
const input = (o: Partial<RegisterIncomingInput> = {}): RegisterIncomingInput => ({
  title: '关于开展防汛检查的通知',
  sender: { id: 'city-water', name: '市水务局' },
  senderDocNo: '市水〔2026〕7号',
  urgency: 'NORMAL',
  classification: 'PUBLIC',
  nature: 'FOR_ACTION',
  channel: 'PAPER',
  receivedAt: new Date('2026-11-20T01:00:00Z'), // Friday 09:00 Shanghai
  ccOnly: false,
  fromSuperior: true,
  handlingLimitWorkingDays: 0,
  ...o,
});
const ctx = (o: Partial<Parameters<typeof registerIncoming>[1]> = {}) => ({
  id: 'in-1',
  receiptNo: 'SW-2026-00001',
  actor: clerk,
  now: new Date('2026-11-20T02:00:00Z'),
  policy,
  calendar: defaultCalendar,
  ...o,
});
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as { code: string }).code;
  }
  return 'no error';
};

describe(registrationDueAt.name, () => {
  it('gives 急件 one hour from receipt (spec document §5.12, R-REG-4)', () => {
    expect(registrationDueAt(input({ urgency: 'URGENT' }), policy, defaultCalendar).toISOString()).toBe(
      '2026-11-20T02:00:00.000Z',
    );
  });
  it('gives a general 办件 two hours (spec document §5.12)', () => {
    expect(registrationDueAt(input(), policy, defaultCalendar).toISOString()).toBe('2026-11-20T03:00:00.000Z');
  });
  it('caps a 传阅件 received on Friday evening at Monday noon, the next morning (spec document §21 C4)', () => {
    const due = registrationDueAt(
      input({ nature: 'FOR_READING', receivedAt: new Date('2026-11-20T09:00:00Z') }),
      policy,
      defaultCalendar,
    );
    expect(due.toISOString()).toBe('2026-11-23T04:00:00.000Z'); // Mon 12:00 Shanghai
  });
  it('lets the reading limit run a full working day when the next-morning cap is switched off [config]', () => {
    const due = registrationDueAt(
      input({ nature: 'FOR_READING', receivedAt: new Date('2026-11-20T09:00:00Z') }),
      { ...policy, nextMorningCap: false },
      defaultCalendar,
    );
    expect(due.toISOString()).toBe('2026-11-23T15:59:59.999Z'); // end of Monday Shanghai
  });
});

describe(registerIncoming.name, () => {
  it('sets the handling deadline 10 working days after registration when the sender gave none (spec document §5.12, 003 L556)', () => {
    const doc = registerIncoming(input(), ctx());
    expect(doc.handlingLimitWorkingDays).toBe(10);
    expect(doc.handlingDueAt?.toISOString()).toBe(
      defaultCalendar.addWorkingDays(new Date('2026-11-20T02:00:00Z'), 10).due.toISOString(),
    );
    expect(doc.registeredLate).toBe(false);
  });
  it("uses the sender's limit when one is set (spec document §5.12)", () => {
    expect(registerIncoming(input({ handlingLimitWorkingDays: 3 }), ctx()).handlingLimitWorkingDays).toBe(3);
  });
  it('gives a document for reading no handling deadline (spec document §3.4)', () => {
    const doc = registerIncoming(input({ nature: 'FOR_READING' }), ctx());
    expect(doc.handlingDueAt).toBeUndefined();
    expect(doc.handlingLimitWorkingDays).toBe(0);
  });
  it('records a registration past its limit as late (spec document R-REG-4)', () => {
    expect(
      registerIncoming(input({ urgency: 'URGENT' }), ctx({ now: new Date('2026-11-20T02:30:00Z') })).registeredLate,
    ).toBe(true);
  });
  it('lists every invalid field at once with code INCOMING_INVALID', () => {
    try {
      registerIncoming(
        input({ title: ' ', sender: { id: '', name: '' }, receivedAt: new Date('2027-01-01T00:00:00Z') }),
        ctx(),
      );
      throw new Error('accepted');
    } catch (e) {
      expect((e as { code: string }).code).toBe('INCOMING_INVALID');
      expect((e as { violations: { field: string }[] }).violations.map((v) => v.field)).toEqual([
        'title',
        'sender.id',
        'receivedAt',
      ]);
    }
  });
  it('refuses a handling limit on a document for reading', () => {
    expect(code(() => registerIncoming(input({ nature: 'FOR_READING', handlingLimitWorkingDays: 5 }), ctx()))).toBe(
      'INCOMING_INVALID',
    );
  });
  it('lets only confidential staff or the mail room sign in classified items (spec document R-IN-3, 004 L105)', () => {
    const secretClerk = { ...clerk, clearance: 'SECRET' as const };
    expect(code(() => registerIncoming(input({ classification: 'SECRET' }), ctx({ actor: secretClerk })))).toBe(
      'CLASSIFIED_SIGN_IN_NOT_PERMITTED',
    );
    const confidential = { ...secretClerk, roles: ['CONFIDENTIAL_CLERK'] };
    expect(registerIncoming(input({ classification: 'SECRET' }), ctx({ actor: confidential })).classification).toBe(
      'SECRET',
    );
  });
  it('refuses a registrar whose clearance is below the document (ARCHITECTURE §8)', () => {
    const lowMailRoom = { ...clerk, roles: ['MAIL_ROOM'], clearance: 'INTERNAL' as const };
    expect(code(() => registerIncoming(input({ classification: 'CONFIDENTIAL' }), ctx({ actor: lowMailRoom })))).toBe(
      'CLEARANCE_TOO_LOW',
    );
  });
  it('lets a duty officer register only documents handed over from duty (spec document §20, R-IN-5)', () => {
    const duty = { ...clerk, roles: ['DUTY_OFFICER'] };
    expect(code(() => registerIncoming(input(), ctx({ actor: duty })))).toBe('REGISTRATION_NOT_PERMITTED');
    expect(registerIncoming(input({ channel: 'DUTY_HANDOVER' }), ctx({ actor: duty })).channel).toBe('DUTY_HANDOVER');
  });
  it('refuses users outside the document unit (spec document §20)', () => {
    expect(code(() => registerIncoming(input(), ctx({ actor: { ...clerk, roles: ['DRAFTER'] } })))).toBe(
      'REGISTRATION_NOT_PERMITTED',
    );
  });
});
