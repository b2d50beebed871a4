import { defaultCalendar } from '@gov/platform/calendar';
import { defaultDeadlinePolicy } from '../domain/deadline-policy';
import type { SupervisionItem } from '../domain/supervision-item';
import { createOpenItemFromDocument, type RegisteredDocument } from './open-item-from-document';
import type { SupervisionItems } from './ports';

/** An in-memory SupervisionItems port (a fake of our own port, not of a library). */
function fakeItems(): SupervisionItems & { all: SupervisionItem[]; events: number } {
  const all: SupervisionItem[] = [];
  const store = {
    all,
    events: 0,
    async create(item: SupervisionItem, events: unknown[]) {
      if (all.some((i) => i.id === item.id)) return false;
      all.push(item);
      store.events += events.length;
      return true;
    },
    async get(id: string) {
      const item = all.find((i) => i.id === id);
      return item ? { item, audit: [] } : undefined;
    },
    async list() {
      return all;
    },
  };
  return store;
}

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
    const items = fakeItems();
    let n = 0;
    const open = createOpenItemFromDocument({
      items,
      ledgerNumbers: { next: async () => ++n },
      calendar: defaultCalendar,
      policy: defaultDeadlinePolicy,
    });
    return { items, open };
  };

  it('opens one DOCUMENT item with a ledger number for a document for action (spec supervision §4.1, R-REG-1)', async () => {
    const { items, open } = setup();
    expect(await open(doc())).toBe('opened');
    expect(items.all).toHaveLength(1);
    expect(items.all[0]).toMatchObject({
      id: 'doc-in-abc',
      ledgerNo: 'DC-2026-00001',
      sourceType: 'DOCUMENT',
      sourceId: 'in-abc',
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
