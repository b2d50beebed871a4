import { defaultCalendar } from '@gov/platform/calendar';
import { signInDutyHandover } from './duty-handover.rule';
import type { SignedInRegistration } from './incoming-document';
import { assertAwaitingRegistration, registrationOf } from './register-signed-in.rule';
import { defaultRegistrationPolicy as policy } from './registration-policy';

const signedIn = signInDutyHandover(
  {
    deskDocumentId: 'desk-7',
    kind: 'FAX',
    sender: '州人民政府办公室',
    title: '关于做好冬季安全生产工作的通知',
    urgency: 'EXTRA_URGENT',
    receivedAt: new Date('2026-11-22T01:50:00Z'),
  },
  { id: 'in-duty-desk-7', generalSectionId: 'gov-office/general-section', policy, calendar: defaultCalendar },
);
const reg = (o: Partial<SignedInRegistration> = {}): SignedInRegistration => ({
  sender: { id: 'pref-gov-office', name: '' },
  senderDocNo: '州府办〔2026〕41号',
  classification: 'PUBLIC',
  nature: 'FOR_ACTION',
  ccOnly: false,
  fromSuperior: true,
  handlingLimitWorkingDays: 0,
  ...o,
});

describe(registrationOf.name, () => {
  it("keeps what the duty desk recorded — title, time of receipt, channel, urgency — and adds the 综合股's classification (spec document R-IN-5)", () => {
    expect(registrationOf(signedIn, reg())).toMatchObject({
      title: '关于做好冬季安全生产工作的通知',
      receivedAt: new Date('2026-11-22T01:50:00Z'),
      channel: 'DUTY_HANDOVER',
      urgency: 'EXTRA_URGENT',
      classification: 'PUBLIC',
      nature: 'FOR_ACTION',
      sender: { id: 'pref-gov-office', name: '州人民政府办公室' },
    });
  });
  it('lets the 综合股 correct the urgency and the sender name the desk wrote down', () => {
    expect(registrationOf(signedIn, reg({ urgency: 'NORMAL', sender: { id: 'x', name: '州政府办' } }))).toMatchObject({
      urgency: 'NORMAL',
      sender: { id: 'x', name: '州政府办' },
    });
  });
});

describe(assertAwaitingRegistration.name, () => {
  it('lets a SIGNED_IN document through and refuses a registered one with INCOMING_ALREADY_REGISTERED (spec document §5.11 I2)', () => {
    expect(() => assertAwaitingRegistration(signedIn)).not.toThrow();
    const registered = { ...signedIn, state: 'REGISTERED', receiptNo: 'SW-2026-00003' } as never;
    expect(() => assertAwaitingRegistration(registered)).toThrow(
      expect.objectContaining({ code: 'INCOMING_ALREADY_REGISTERED' }),
    );
  });
});
