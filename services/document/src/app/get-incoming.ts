import { clears, type Actor } from '@gov/platform/auth';
import { DocumentError } from '../domain/document-error';
import type { IncomingDocuments } from './ports';

/** Reads an incoming document; a caller without the clearance gets the same answer as for a missing one. */
export function createGetIncoming(deps: { documents: IncomingDocuments }) {
  return async function getIncoming(id: string, actor: Actor) {
    const found = await deps.documents.get(id);
    if (!found || !clears(actor.clearance, found.document.classification))
      throw new DocumentError('INCOMING_NOT_FOUND', `incoming document ${id} does not exist`);
    return found;
  };
}
