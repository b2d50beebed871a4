import { documentV1 } from '@gov/contracts';
import type { Handlers } from '@gov/platform';
import type { createGetIncoming } from '../../app/get-incoming';
import type { createListAwaitingRegistration } from '../../app/list-awaiting-registration';
import type { createRegisterIncoming } from '../../app/register-incoming';
import type { createRegisterSignedIn } from '../../app/register-signed-in';
import { toProtoAudit, toProtoDocument, toRegisterInput, toRegisterSignedIn } from './document.mapper';

/** DocumentService over gRPC: map the request, run the use case, map the result. No rules here. */
export function documentGrpcHandlers(useCases: {
  registerIncoming: ReturnType<typeof createRegisterIncoming>;
  getIncoming: ReturnType<typeof createGetIncoming>;
  listAwaitingRegistration: ReturnType<typeof createListAwaitingRegistration>;
  registerSignedIn: ReturnType<typeof createRegisterSignedIn>;
}): Handlers<typeof documentV1.DocumentServiceService> {
  return {
    async registerIncoming(req, ctx) {
      const doc = await useCases.registerIncoming(toRegisterInput(req), ctx.actor);
      return { document: toProtoDocument(doc) };
    },
    async getIncoming(req, ctx) {
      const found = await useCases.getIncoming(req.id, ctx.actor);
      return { document: toProtoDocument(found.document), audit: found.audit.map(toProtoAudit) };
    },
    async listAwaitingRegistration(req, ctx) {
      const res = await useCases.listAwaitingRegistration(
        { pageSize: req.page?.pageSize ?? 0, pageToken: req.page?.pageToken },
        ctx.actor,
      );
      return { documents: res.documents.map(toProtoDocument), page: { nextPageToken: res.nextPageToken } };
    },
    async registerSignedIn(req, ctx) {
      const doc = await useCases.registerSignedIn(toRegisterSignedIn(req), ctx.actor);
      return { document: toProtoDocument(doc) };
    },
  };
}
