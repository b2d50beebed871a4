import { defaultCalendar } from '@gov/platform/calendar';
import type { DutyHandover } from '../domain/duty-handover.rule';
import type { StoredIncoming } from '../domain/incoming-document';
import { defaultRegistrationPolicy } from '../domain/registration-policy';
import type { AuditNote, IncomingDocuments } from './ports';
import { createSignInDutyHandover } from './sign-in-duty-handover';

/** An in-memory IncomingDocuments port (a fake of our own port, not of a library). */
function fakeDocuments(): IncomingDocuments & { all: StoredIncoming[]; notes: AuditNote[] } {
  const all: StoredIncoming[] = [];
  const notes: AuditNote[] = [];
  return {
    all,
    notes,
    async create(doc, _events, note) {
      if (all.some((d) => d.id === doc.id)) return false;
      all.push(doc);
      notes.push(note);
      return true;
    },
    async get(id) {
      const document = all.find((d) => d.id === id);
      return document ? { document, audit: [] } : undefined;
    },
  };
}

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
