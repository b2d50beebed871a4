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
