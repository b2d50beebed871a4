import { componentParameters, componentResponses } from './common';
import { documentPaths } from './documents.paths';
import { componentSchemas } from './schemas';
import { supervisionPaths } from './supervision.paths';

/** The gateway's public contract, served at GET /openapi.json. A new route file adds its paths here. */
export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Government office platform API',
    version: '1.0.0',
    description:
      'REST/JSON edge for the portals. Every /v1 call needs a bearer JWT; mutating calls need an ' +
      'Idempotency-Key. Errors are application/problem+json with a stable `code`.',
  },
  tags: [
    { name: 'documents', description: '公文 — incoming and outgoing documents' },
    { name: 'supervision', description: '督查督办 — supervised matters and deadlines' },
  ],
  security: [{ bearer: [] }],
  paths: { ...documentPaths, ...supervisionPaths },
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    parameters: componentParameters,
    responses: componentResponses,
    schemas: componentSchemas,
  },
} as const;
