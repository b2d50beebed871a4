import type { DocumentsPort } from '../clients';
import type { Route } from '../http/route';
import { parseInput } from '../http/validate';
import { auditRecordToJson, orNull, present } from './common.mapper';
import { idParams } from './common.schema';
import {
  incomingDocumentToJson,
  toListAwaitingRegistrationRequest,
  toRegisterIncomingRequest,
  toRegisterSignedInRequest,
} from './documents.mapper';
import { awaitingRegistrationQuery, registerIncomingBody, registerSignedInBody } from './documents.schema';

/** 收文 — incoming documents, served by the document service. */
export function documentRoutes(documents: DocumentsPort): Route[] {
  return [
    {
      method: 'post',
      path: '/v1/documents/incoming',
      async handle({ body }, { call, idempotencyKey }) {
        const input = parseInput(registerIncomingBody, body);
        const res = await documents.registerIncoming(toRegisterIncomingRequest(input, idempotencyKey), call);
        const doc = incomingDocumentToJson(present(res.document, 'document'));
        return { status: 201, body: doc, location: `/v1/documents/incoming/${encodeURIComponent(doc.id)}` };
      },
    },
    // before /:id, which would otherwise take "awaiting-registration" for an id
    {
      method: 'get',
      path: '/v1/documents/incoming/awaiting-registration',
      async handle({ query }, { call }) {
        const input = parseInput(awaitingRegistrationQuery, query);
        const res = await documents.listAwaitingRegistration(toListAwaitingRegistrationRequest(input), call);
        return {
          status: 200,
          body: {
            documents: res.documents.map(incomingDocumentToJson),
            nextPageToken: orNull(res.page?.nextPageToken ?? ''),
          },
        };
      },
    },
    {
      method: 'post',
      path: '/v1/documents/incoming/:id/registration',
      async handle({ params, body }, { call, idempotencyKey }) {
        const { id } = parseInput(idParams, params);
        const input = parseInput(registerSignedInBody, body);
        const res = await documents.registerSignedIn(toRegisterSignedInRequest(id, input, idempotencyKey), call);
        return { status: 200, body: incomingDocumentToJson(present(res.document, 'document')) };
      },
    },
    {
      method: 'get',
      path: '/v1/documents/incoming/:id',
      async handle({ params }, { call }) {
        const { id } = parseInput(idParams, params);
        const res = await documents.getIncoming({ id }, call);
        return {
          status: 200,
          body: {
            document: incomingDocumentToJson(present(res.document, 'document')),
            audit: res.audit.map(auditRecordToJson),
          },
        };
      },
    },
  ];
}
