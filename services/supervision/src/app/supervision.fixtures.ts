import { defaultCalendar } from '@gov/platform/calendar';
import { defaultDeadlinePolicy } from '../domain/deadline-policy';
import type { SupervisionItem } from '../domain/supervision-item';
import type { SupervisionItems } from './ports';
import { createRegisterItem } from './register-item';

/** An in-memory SupervisionItems port (a fake of our own port, not of a library) that keeps the audit notes. */
export function fakeItems(): SupervisionItems & { all: SupervisionItem[]; events: number; reasons: string[] } {
  const all: SupervisionItem[] = [];
  const store = {
    all,
    events: 0,
    reasons: [] as string[],
    async create(item: SupervisionItem, events: unknown[], audit: { reason: string }) {
      if (all.some((i) => i.id === item.id)) return false;
      all.push(item);
      store.events += events.length;
      store.reasons.push(audit.reason);
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
