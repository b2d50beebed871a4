import { defaultCalendar } from '@gov/platform/calendar';
import { defaultDeadlinePolicy } from '../domain/deadline-policy';
import type { SupervisionItem } from '../domain/supervision-item';
import { AppError } from '@gov/platform/errors';
import type { ReadItem, SupervisionEvent, SupervisionItems } from './ports';
import { createRegisterItem } from './register-item';

/** An in-memory SupervisionItems port (a fake of our own port, not of a library) that keeps the audit notes. */
export function fakeItems(): SupervisionItems & {
  all: SupervisionItem[];
  events: number;
  published: SupervisionEvent[];
  reasons: string[];
  versions: Map<string, number>;
} {
  const all: SupervisionItem[] = [];
  const versions = new Map<string, number>();
  const store = {
    all,
    versions,
    events: 0,
    published: [] as SupervisionEvent[],
    reasons: [] as string[],
    async create(item: SupervisionItem, events: unknown[], audit: { reason: string }) {
      if (all.some((i) => i.id === item.id)) return false;
      all.push(item);
      versions.set(item.id, 1);
      store.events += events.length;
      store.reasons.push(audit.reason);
      return true;
    },
    async get(id: string) {
      const item = all.find((i) => i.id === id);
      return item ? { item, audit: [], version: versions.get(id) ?? 1 } : undefined;
    },
    async update(read: ReadItem, next: SupervisionItem, events: SupervisionEvent[], note: { reason: string }) {
      if (versions.get(next.id) !== read.version)
        throw new AppError('CONCURRENT_MODIFICATION', 'conflict', `item ${next.id} moved`);
      all[all.findIndex((i) => i.id === next.id)] = next;
      versions.set(next.id, read.version + 1);
      store.events += events.length;
      store.published.push(...events);
      store.reasons.push(note.reason);
    },
    async list() {
      return all;
    },
  };
  return store;
}

export const officeId = 'gov-office/supervision';

/** The registration use case over a fake store and a counting ledger, with the spec's default policy. */
export function registrationSetup(policy = defaultDeadlinePolicy) {
  const items = fakeItems();
  let n = 0;
  const registerItem = createRegisterItem({
    items,
    ledgerNumbers: { next: async () => ++n },
    calendar: defaultCalendar,
    policy,
  });
  return { items, registerItem, policy, office: { registerItem, supervisionOfficeId: officeId } };
}

/** An idempotency port that remembers answers per scope and key, as the kit's store does. */
export function fakeIdempotency() {
  const done = new Map<string, unknown>();
  return {
    async run<T>(scope: string, key: string, _request: unknown, fn: () => Promise<T>): Promise<T> {
      const k = `${scope}:${key}`;
      if (done.has(k)) return done.get(k) as T;
      const r = await fn();
      done.set(k, r);
      return r;
    },
  };
}
