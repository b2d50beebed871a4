import { createOpenItemFromDocument, type RegisteredDocument } from './open-item-from-document';
import { registrationSetup } from './supervision.fixtures';

const doc = (o: Partial<RegisteredDocument> = {}): RegisteredDocument => ({
  documentId: 'in-abc',
  receiptNo: 'SW-2026-00001',
  title: '通知',
  nature: 'FOR_ACTION',
  urgency: 'NORMAL',
  registeredAt: new Date('2026-11-20T02:00:00Z'),
  handlingLimitWorkingDays: 0,
  ...o,
});

describe(createOpenItemFromDocument.name, () => {
  const setup = () => {
    const s = registrationSetup();
    return { items: s.items, open: createOpenItemFromDocument(s.office) };
  };

  it('opens one DOCUMENT item with a ledger number for a document for action (spec supervision §4.1, R-REG-1)', async () => {
    const { items, open } = setup();
    expect(await open(doc())).toBe('opened');
    expect(items.all).toHaveLength(1);
    expect(items.all[0]).toMatchObject({
      id: 'doc-in-abc',
      ledgerNo: 'DC-2026-00001',
      sourceType: 'DOCUMENT',
      sourceSystem: 'document',
      sourceId: 'in-abc',
      supervisingUnitId: 'gov-office/supervision',
    });
    expect(items.events).toBe(1);
  });
  it('changes nothing when the same registration arrives again', async () => {
    const { items, open } = setup();
    await open(doc());
    expect(await open(doc())).toBe('exists');
    expect(items.all).toHaveLength(1);
    expect(items.events).toBe(1);
  });
  it('does not supervise a document for reading', async () => {
    const { items, open } = setup();
    expect(await open(doc({ nature: 'FOR_READING' }))).toBe('not-supervised');
    expect(items.all).toHaveLength(0);
  });
  it('runs the deadline from registration, not from when the event arrived', async () => {
    const { items, open } = setup();
    await open(doc());
    expect(items.all[0]!.openedAt.toISOString()).toBe('2026-11-20T02:00:00.000Z');
  });
});
