import { clearanceLevels, clears, type Actor } from '@gov/platform/auth';
import { DocumentError } from '../domain/document-error';
import type { SignedInDocument } from '../domain/incoming-document';
import { assertMayRegister } from '../domain/register-incoming.rule';
import type { RegistrationPolicy } from '../domain/registration-policy';
import type { IncomingDocuments, ListCursor } from './ports';

const defaultPage = 50;
const maxPage = 200;

/** The page token is the last document's (receivedAt, id), opaque to callers. */
const encodeCursor = (d: SignedInDocument): string =>
  Buffer.from(JSON.stringify([d.receivedAt.toISOString(), d.id])).toString('base64url');

function decodeCursor(token: string): ListCursor {
  try {
    const [at, id] = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as [string, string];
    const receivedAt = new Date(at);
    if (typeof id === 'string' && id && !Number.isNaN(receivedAt.getTime())) return { receivedAt, id };
  } catch {
    // reported below
  }
  throw new DocumentError('PAGE_TOKEN_INVALID', 'the page token was not issued by this list', [
    { field: 'page.pageToken', message: 'is not a token this list issued' },
  ]);
}

/**
 * The 综合股's list (spec document R-IN-5, §5.11 I2): documents the duty desk signed in and nobody has registered
 * yet, oldest receipt first so the most overdue comes first. Only the roles that register see it, and only the
 * documents their clearance covers; the filter is applied in the query so that pages stay full.
 */
export function createListAwaitingRegistration(deps: { documents: IncomingDocuments; policy: RegistrationPolicy }) {
  return async function listAwaitingRegistration(q: { pageSize: number; pageToken?: string }, actor: Actor) {
    assertMayRegister(actor, deps.policy);
    const pageSize = Math.min(Math.max(q.pageSize || defaultPage, 1), maxPage);
    const docs = await deps.documents.listSignedIn({
      classifications: clearanceLevels.filter((c) => clears(actor.clearance, c)),
      after: q.pageToken ? decodeCursor(q.pageToken) : undefined,
      limit: pageSize + 1,
    });
    const page = docs.slice(0, pageSize);
    return { documents: page, nextPageToken: docs.length > pageSize ? encodeCursor(page[page.length - 1]!) : '' };
  };
}
