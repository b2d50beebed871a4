import type { DeadlinePolicy } from '../domain/deadline-policy';
import { openItem, type WorkingDays } from '../domain/open-item.rule';
import type { UrgencyLabel } from '../domain/supervision-item';
import type { LedgerNumbers, SupervisionItems } from './ports';

/** What supervision needs from a registered incoming document. */
export interface RegisteredDocument {
  documentId: string;
  receiptNo: string;
  title: string;
  nature: 'FOR_ACTION' | 'FOR_READING';
  urgency: UrgencyLabel;
  registeredAt: Date;
  handlingLimitWorkingDays: number;
}

const shanghaiYear = (d: Date) => new Date(d.getTime() + 8 * 3600 * 1000).getUTCFullYear();

/**
 * A registered 办件 becomes a DOCUMENT item in the ledger (spec supervision §4.1, §6.1); 阅件 are not
 * supervised. Idempotent by design: the item id is derived from the document id, so a redelivered event
 * finds the item already there and changes nothing.
 */
export function createOpenItemFromDocument(deps: {
  items: SupervisionItems;
  ledgerNumbers: LedgerNumbers;
  calendar: WorkingDays;
  policy: DeadlinePolicy;
}) {
  return async function openItemFromDocument(doc: RegisteredDocument): Promise<'opened' | 'exists' | 'not-supervised'> {
    if (doc.nature !== 'FOR_ACTION') return 'not-supervised';
    const id = `doc-${doc.documentId}`;
    if (await deps.items.get(id)) return 'exists';
    // deadlines run from registration, not from whenever the event happens to arrive
    const now = doc.registeredAt;
    const ledgerNo = `DC-${shanghaiYear(now)}-${String(await deps.ledgerNumbers.next(shanghaiYear(now))).padStart(5, '0')}`;
    const item = openItem(
      {
        sourceType: 'DOCUMENT',
        sourceId: doc.documentId,
        title: doc.title,
        sourceLimitWorkingDays: doc.handlingLimitWorkingDays,
        sourceUrgency: doc.urgency,
      },
      { id, ledgerNo, now, policy: deps.policy, calendar: deps.calendar },
    );
    const created = await deps.items.create(item, [{ type: 'ItemOpened', item }], {
      action: 'item.opened',
      reason: `incoming document ${doc.receiptNo} registered for action`,
      at: now,
      details: { deadlineRule: item.deadlineRule, dueAt: item.dueAt.toISOString() },
    });
    return created ? 'opened' : 'exists';
  };
}
