import type { DeadlinePolicy } from '../domain/deadline-policy';
import { openItem, type OpenItemInput, type WorkingDays } from '../domain/open-item.rule';
import type { LedgerNumbers, SupervisionItems } from './ports';

/** One matter to enter in the ledger, as a source-specific use case describes it. */
export interface ItemRegistration {
  /** Derived from the source's own ids, so the same source can never give two items. */
  id: string;
  /** When the matter arose at the source; deadlines and the ledger year run from here. */
  at: Date;
  input: OpenItemInput;
  /** Audit reason, in words a reviewer can follow. */
  reason: string;
  details?: Record<string, unknown>;
}

const shanghaiYear = (d: Date) => new Date(d.getTime() + 8 * 3600 * 1000).getUTCFullYear();

/**
 * 造册登记 (spec supervision R-REG-1): gives the matter a ledger number and its deadline, and stores it with its
 * ItemOpened event and first audit entry in one write. A second registration of the same id changes nothing.
 */
export function createRegisterItem(deps: {
  items: SupervisionItems;
  ledgerNumbers: LedgerNumbers;
  calendar: WorkingDays;
  policy: DeadlinePolicy;
}) {
  return async function registerItem(r: ItemRegistration): Promise<'opened' | 'exists'> {
    if (await deps.items.get(r.id)) return 'exists';
    const year = shanghaiYear(r.at);
    const ledgerNo = `DC-${year}-${String(await deps.ledgerNumbers.next(year)).padStart(5, '0')}`;
    const item = openItem(r.input, { id: r.id, ledgerNo, now: r.at, policy: deps.policy, calendar: deps.calendar });
    const created = await deps.items.create(item, [{ type: 'ItemOpened', item }], {
      action: 'item.opened',
      reason: r.reason,
      at: r.at,
      details: { ...r.details, deadlineRule: item.deadlineRule, dueAt: item.dueAt.toISOString() },
    });
    return created ? 'opened' : 'exists';
  };
}
export type RegisterItem = ReturnType<typeof createRegisterItem>;
