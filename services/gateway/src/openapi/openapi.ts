import { componentParameters, componentResponses } from './common';
import { creditPaths } from './credit.paths';
import { documentPaths } from './documents.paths';
import { dutyPaths } from './duty.paths';
import { dutyDeskPaths } from '../routes/duty-desk.schema';
import { dutyShiftsPaths } from '../routes/duty-shifts.schema';
import { dutyRostersPaths } from '../routes/duty-rosters.schema';
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
    { name: 'credit', description: '金融扶贫 — households, ratings, public notices, credit lines and loans' },
    { name: 'duty', description: '值班 / 应急信息报送 — emergency intake, escalation, who is on duty' },
  ],
  security: [{ bearer: [] }],
  paths: {
    ...documentPaths,
    ...supervisionPaths,
    ...dutyPaths,
    ...dutyDeskPaths,
    ...dutyShiftsPaths,
    ...dutyRostersPaths,
    ...creditPaths,
  },
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    parameters: componentParameters,
    responses: componentResponses,
    schemas: componentSchemas,
  },
} as const;
