import { defaultCalendar } from '@gov/platform/calendar';
import type { DutyHandover } from '../domain/duty-handover.rule';
import { defaultRegistrationPolicy } from '../domain/registration-policy';
import { fakeDocuments } from './ports.fixtures';
import { createSignInDutyHandover } from './sign-in-duty-handover';

const handover = (o: Partial<DutyHandover> = {}): DutyHandover => ({
  deskDocumentId: 'desk-doc-1',
  kind: 'LETTER',
  sender: '市信访局',
  title: '来信转办',
  urgency: 'URGENT',
  receivedAt: new Date('2026-11-22T01:50:00Z'),
  ...o,
});

describe(createSignInDutyHandover.name, () => {
  const setup = () => {
    const documents = fakeDocuments();
    const signIn = createSignInDutyHandover({
      documents,
      clock: { now: () => new Date('2026-11-22T02:00:00Z') },
      calendar: defaultCalendar,
      policy: defaultRegistrationPolicy,
      generalSectionId: 'gov-office/general-section',
      dutyDesk: {
        userId: 'duty-desk',
        name: '值班室',
        orgUnitId: 'duty',
        roles: ['DUTY_OFFICER'],
        clearance: 'INTERNAL',
      },
    });
    return { documents, signIn };
  };

  it('signs in one document per desk record, audited as the duty officer (spec document §5.11 I1, R-IN-5)', async () => {
    const { documents, signIn } = setup();
    expect(await signIn(handover())).toBe('signed-in');
    expect(documents.all).toEqual([expect.objectContaining({ id: 'in-duty-desk-doc-1', state: 'SIGNED_IN' })]);
    expect(documents.notes[0]).toMatchObject({ action: 'incoming.signed_in', role: 'DUTY_OFFICER' });
  });
  it('changes nothing when the same handover arrives again', async () => {
    const { documents, signIn } = setup();
    await signIn(handover());
    expect(await signIn(handover())).toBe('exists');
    expect(documents.all).toHaveLength(1);
    expect(documents.notes).toHaveLength(1);
  });
});
