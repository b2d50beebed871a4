import { jsonBody, parameterRef, problems, requestIdHeader } from './common';

export const documentPaths = {
  '/v1/documents/incoming': {
    post: {
      operationId: 'registerIncomingDocument',
      tags: ['documents'],
      summary: '收文登记 — register a received document',
      parameters: [parameterRef('IdempotencyKey'), parameterRef('RequestId')],
      requestBody: { required: true, content: jsonBody('RegisterIncomingRequest') },
      responses: {
        '201': {
          description: 'Registered (or, on a retry with the same key, the document registered first)',
          headers: { ...requestIdHeader, Location: { schema: { type: 'string' } } },
          content: jsonBody('IncomingDocument'),
        },
        ...problems('403', '409', '413', '415'),
      },
    },
  },
  '/v1/documents/incoming/awaiting-registration': {
    get: {
      operationId: 'listIncomingAwaitingRegistration',
      tags: ['documents'],
      summary: 'The 综合股 list: off-hours documents signed in by the duty desk and not yet registered, oldest first',
      parameters: [
        { name: 'pageSize', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 200 } },
        {
          name: 'pageToken',
          in: 'query',
          description: 'nextPageToken of the previous page',
          schema: { type: 'string', maxLength: 512 },
        },
        parameterRef('RequestId'),
      ],
      responses: {
        '200': {
          description: 'One page of SIGNED_IN documents the caller may see (REGISTRATION_NOT_PERMITTED otherwise)',
          headers: requestIdHeader,
          content: jsonBody('IncomingDocumentPage'),
        },
        ...problems('403'),
      },
    },
  },
  '/v1/documents/incoming/{id}/registration': {
    post: {
      operationId: 'registerSignedInDocument',
      tags: ['documents'],
      summary: '登记 — the 综合股 classifies a signed-in off-hours document and gives it its 收文号',
      parameters: [parameterRef('Id'), parameterRef('IdempotencyKey'), parameterRef('RequestId')],
      requestBody: { required: true, content: jsonBody('RegisterSignedInRequest') },
      responses: {
        '200': {
          description: 'Registered (or, on a retry with the same key, the registration made first)',
          headers: requestIdHeader,
          content: jsonBody('IncomingDocument'),
        },
        ...problems('403', '404', '409', '413', '415'),
      },
    },
  },
  '/v1/documents/incoming/{id}': {
    get: {
      operationId: 'getIncomingDocument',
      tags: ['documents'],
      summary: 'Read an incoming document with its audit trail',
      parameters: [parameterRef('Id'), parameterRef('RequestId')],
      responses: {
        '200': {
          description: 'The document',
          headers: requestIdHeader,
          content: jsonBody('IncomingDocumentWithAudit'),
        },
        ...problems('403', '404'),
      },
    },
  },
};
