import { jsonBody, parameterRef, problems, requestIdHeader } from './common';

export const supervisionPaths = {
  '/v1/supervision/items': {
    get: {
      operationId: 'listSupervisionItems',
      tags: ['supervision'],
      summary: 'List supervision (督办) items, optionally those opened from one source',
      parameters: [
        {
          name: 'sourceId',
          in: 'query',
          description: 'e.g. a document id',
          schema: { type: 'string', maxLength: 128 },
        },
        { name: 'pageSize', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } },
        {
          name: 'pageToken',
          in: 'query',
          description: 'nextPageToken of the previous page',
          schema: { type: 'string' },
        },
        parameterRef('RequestId'),
      ],
      responses: {
        '200': { description: 'One page of items', headers: requestIdHeader, content: jsonBody('SupervisionItemPage') },
        ...problems('403'),
      },
    },
  },
  '/v1/supervision/items/{id}': {
    get: {
      operationId: 'getSupervisionItem',
      tags: ['supervision'],
      summary: 'Read one supervision item with its audit trail',
      parameters: [parameterRef('Id'), parameterRef('RequestId')],
      responses: {
        '200': { description: 'The item', headers: requestIdHeader, content: jsonBody('SupervisionItemWithAudit') },
        ...problems('403', '404'),
      },
    },
  },
};
