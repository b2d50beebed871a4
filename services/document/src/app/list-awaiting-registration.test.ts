import type { Actor } from '@gov/platform/auth';
import { defaultCalendar } from '@gov/platform/calendar';
import { signInDutyHandover } from '../domain/duty-handover.rule';
import { defaultRegistrationPolicy as policy } from '../domain/registration-policy';
import { createListAwaitingRegistration } from './list-awaiting-registration';
import { fakeDocuments } from './ports.fixtures';

const clerk: Actor = { userId: 'gs1', name: '综合股', orgUnitId: 'gs', roles: ['CLERK'], clearance: 'INTERNAL' };
const note = { action: 'incoming.signed_in', actor: clerk, role: 'DUTY_OFFICER', at: new Date() };

async function setup() {
  const documents = fakeDocuments();
  const signIn = (deskId: string, receivedAt: string) =>
    documents.create(
      signInDutyHandover(
        {
          deskDocumentId: deskId,
          kind: 'FAX',
          sender: '州政府办',
          title: deskId,
          urgency: 'NORMAL',
          receivedAt: new Date(receivedAt),
        },
        { id: `in-duty-${deskId}`, generalSectionId: 'gs', policy, calendar: defaultCalendar },
      ),
      [],
      note,
    );
  // out of order on purpose: the list sorts by receipt, not by arrival of the event
  await signIn('sun', '2026-11-22T01:50:00Z');
  await signIn('sat', '2026-11-21T03:00:00Z');
  await signIn('sat-b', '2026-11-21T03:00:00Z');
  await signIn('mon-night', '2026-11-23T14:00:00Z');
  return { documents, list: createListAwaitingRegistration({ documents, policy }) };
}

describe(createListAwaitingRegistration.name, () => {
  it('shows the 综合股 every signed-in handover, oldest receipt first (spec document R-IN-5, §5.11 I2)', async () => {
    const { list } = await setup();
    const { documents, nextPageToken } = await list({ pageSize: 0 }, clerk);
    expect(documents.map((d) => d.id)).toEqual(['in-duty-sat', 'in-duty-sat-b', 'in-duty-sun', 'in-duty-mon-night']);
    expect(nextPageToken).toBe('');
  });

  it('pages through without losing or repeating documents received at the same instant', async () => {
    const { list } = await setup();
    const seen: string[] = [];
    let pageToken: string | undefined;
    do {
      const page = await list({ pageSize: 1, pageToken }, clerk);
      seen.push(...page.documents.map((d) => d.id));
      pageToken = page.nextPageToken || undefined;
    } while (pageToken);
    expect(seen).toEqual(['in-duty-sat', 'in-duty-sat-b', 'in-duty-sun', 'in-duty-mon-night']);
  });

  it('leaves out registered documents and those above the caller clearance', async () => {
    const { list, documents } = await setup();
    documents.all[0] = { ...documents.all[0]!, classification: 'SECRET' };
    documents.all[1] = { ...documents.all[1]!, state: 'REGISTERED' } as never;
    expect((await list({ pageSize: 0 }, clerk)).documents.map((d) => d.id)).toEqual([
      'in-duty-sat-b',
      'in-duty-mon-night',
    ]);
  });

  it('is for the roles that register incoming documents only (spec document §20)', async () => {
    const { list } = await setup();
    await expect(list({ pageSize: 0 }, { ...clerk, roles: ['DRAFTER'] })).rejects.toMatchObject({
      code: 'REGISTRATION_NOT_PERMITTED',
    });
  });

  it('refuses a page token it did not issue with PAGE_TOKEN_INVALID', async () => {
    const { list } = await setup();
    await expect(list({ pageSize: 0, pageToken: 'not-a-token' }, clerk)).rejects.toMatchObject({
      code: 'PAGE_TOKEN_INVALID',
    });
  });
});
