import { documentV1 } from '@gov/contracts';
import type { Handlers } from '@gov/platform';
import type { createGetIncoming } from '../../app/get-incoming';
import type { createRegisterIncoming } from '../../app/register-incoming';
import { toProtoAudit, toProtoDocument, toRegisterInput } from './document.mapper';

/** DocumentService over gRPC: map the request, run the use case, map the result. No rules here. */
export function documentGrpcHandlers(useCases: {
  registerIncoming: ReturnType<typeof createRegisterIncoming>;
  getIncoming: ReturnType<typeof createGetIncoming>;
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
  };
}
