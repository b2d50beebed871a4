import type { UrgencyLabel } from '../domain/supervision-item';
import type { RegisterItem } from './register-item';

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

/**
 * A registered 办件 becomes a DOCUMENT item in the ledger (spec supervision §4.1, §6.1); 阅件 are not
 * supervised. Idempotent by design: the item id is derived from the document id, so a redelivered event
 * finds the item already there and changes nothing.
 */
export function createOpenItemFromDocument(deps: { registerItem: RegisterItem; supervisionOfficeId: string }) {
  return async function openItemFromDocument(doc: RegisteredDocument): Promise<'opened' | 'exists' | 'not-supervised'> {
    if (doc.nature !== 'FOR_ACTION') return 'not-supervised';
    return deps.registerItem({
      id: `doc-${doc.documentId}`,
      // deadlines run from registration, not from whenever the event happens to arrive
      at: doc.registeredAt,
      input: {
        sourceType: 'DOCUMENT',
        sourceSystem: 'document',
        sourceId: doc.documentId,
        title: doc.title,
        supervisingUnitId: deps.supervisionOfficeId,
        sourceLimitWorkingDays: doc.handlingLimitWorkingDays,
        sourceUrgency: doc.urgency,
      },
      reason: `incoming document ${doc.receiptNo} registered for action`,
    });
  };
}
