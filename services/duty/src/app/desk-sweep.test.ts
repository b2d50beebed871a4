import { AppError } from '@gov/platform/errors';
import { defaultCalendar } from '@gov/platform/calendar';
import { logDocument, type DeskDocument } from '../domain/desk-document';
import type { DeskEvent } from '../domain/desk-events';
import { defaultDeskPolicy } from '../domain/desk-policy';
import type { DeskDocumentStore, Stored } from './desk-ports';
import { createDeskSweep } from './desk-sweep';

const at = (iso: string) => new Date(`${iso}+08:00`);

/** An in-memory DeskDocumentStore with the version check the real one has. */
function memoryStore() {
  const docs = new Map<string, Stored<DeskDocument>>();
  const published: DeskEvent[] = [];
  const store: DeskDocumentStore = {
    async create(value, events) {
      if (docs.has(value.id)) return false;
      docs.set(value.id, { value, version: 1 });
      published.push(...events);
      return true;
    },
    async get(id) {
      return docs.get(id);
    },
    async update(prev, value, events) {
      const cur = docs.get(value.id);
      if (!cur || cur.version !== prev.version)
        throw new AppError('CONCURRENT_MODIFICATION', 'conflict', 'changed by someone else');
      docs.set(value.id, { value, version: cur.version + 1 });
      published.push(...events);
    },
    async registrationQueue() {
      return [];
    },
    async timersDue(now) {
      return [...docs.values()].filter((d) => d.value.timerDueAt && d.value.timerDueAt.getTime() <= now.getTime());
    },
  };
  return { store, published };
}

describe('createDeskSweep', () => {
  it('alerts once and marks late once even when two replicas sweep together (spec duty §7 DK-5, §19 scenario 8)', async () => {
    const { store, published } = memoryStore();
    const received = at('2024-11-18T21:10:00');
    const t = logDocument(
      'd1',
      {
        kind: 'TELEGRAM',
        addressedTo: 'GOVERNMENT',
        sender: 's',
        title: 't',
        urgency: 'EXTRA_URGENT',
        receivedAt: received,
      },
      { loggedBy: 'o1', now: received, calendar: defaultCalendar, policy: defaultDeskPolicy },
    );
    await store.create(t.next, t.events, { action: t.action, actor: {} as never, at: received });
    let now = at('2024-11-18T21:55:00');
    const clock = { now: () => now };
    const a = createDeskSweep({ documents: store, clock });
    const b = createDeskSweep({ documents: store, clock });
    expect((await Promise.all([a.runOnce(), b.runOnce()])).reduce((x, y) => x + y)).toBe(1);
    now = at('2024-11-18T22:10:00');
    expect((await Promise.all([a.runOnce(), b.runOnce()])).reduce((x, y) => x + y)).toBe(1);
    expect(published.map((e) => e.type)).toEqual([
      'urgent_document.received',
      'urgent_document.forward_warning',
      'urgent_document.late',
    ]);
  });
});
