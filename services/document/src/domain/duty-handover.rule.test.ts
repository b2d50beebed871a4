import { defaultCalendar } from '@gov/platform/calendar';
import { signInDutyHandover, type DutyHandover } from './duty-handover.rule';
import { defaultRegistrationPolicy as policy } from './registration-policy';

const handover = (o: Partial<DutyHandover> = {}): DutyHandover => ({
  deskDocumentId: 'desk-doc-1',
  kind: 'FAX',
  sender: '州人民政府办公室',
  title: '关于做好冬季安全生产工作的通知',
  urgency: 'NORMAL',
  receivedAt: new Date('2026-11-22T01:50:00Z'), // Sunday 09:50 Shanghai
  registerBy: new Date('2026-11-23T04:00:00Z'),
  ...o,
});
const ctx = {
  id: 'in-duty-desk-doc-1',
  generalSectionId: 'gov-office/general-section',
  policy,
  calendar: defaultCalendar,
};

describe(signInDutyHandover.name, () => {
  it('signs the document in on DUTY_HANDOVER and hands it to the 综合股, unregistered (spec document R-IN-5, §5.11 I1, §19.2)', () => {
    const doc = signInDutyHandover(handover(), ctx);
    expect(doc).toMatchObject({
      state: 'SIGNED_IN',
      channel: 'DUTY_HANDOVER',
      handedToUnitId: 'gov-office/general-section',
      sender: { id: '', name: '州人民政府办公室' },
      dutyHandover: { deskDocumentId: 'desk-doc-1', kind: 'FAX' },
    });
    expect(doc).not.toHaveProperty('receiptNo');
  });
  it("keeps the desk's registration deadline for the 综合股 (spec duty DK-4, document R-IN-5)", () => {
    expect(signInDutyHandover(handover(), ctx).registrationDueAt).toEqual(new Date('2026-11-23T04:00:00Z'));
  });
  it('falls back to noon of the next working day when the desk gave no deadline (spec document R-REG-4 next-morning cap)', () => {
    const doc = signInDutyHandover(handover({ registerBy: undefined }), ctx);
    expect(doc.registrationDueAt.toISOString()).toBe('2026-11-23T04:00:00.000Z'); // Monday 12:00 Shanghai
  });
  it('keeps the urgency of a 特急件 received on duty (spec document R-IN-5, 003 L410)', () => {
    expect(signInDutyHandover(handover({ urgency: 'EXTRA_URGENT' }), ctx).urgency).toBe('EXTRA_URGENT');
  });
  it('keeps the 密级 and the sender id the desk recorded; an unmarked document is held as INTERNAL (spec document R-IN-5, duty DK-4)', () => {
    const marked = signInDutyHandover(handover({ secrecyLevel: 'SECRET', senderOrgId: 'org-zhou-gov' }), ctx);
    expect(marked).toMatchObject({
      classification: 'SECRET',
      sender: { id: 'org-zhou-gov', name: '州人民政府办公室' },
    });
    expect(signInDutyHandover(handover(), ctx).classification).toBe('INTERNAL');
  });
  it('refuses a handover without a title with code INCOMING_INVALID', () => {
    expect(() => signInDutyHandover(handover({ title: ' ' }), ctx)).toThrow(
      expect.objectContaining({ code: 'INCOMING_INVALID' }),
    );
  });
});
