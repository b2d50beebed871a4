import { z } from 'zod';
import { auditRecordJson, orgUnitJson } from '../routes/common.schema';
import { registerCreditSchemas } from './credit.paths';
import {
  incomingDocumentJson,
  incomingDocumentPageJson,
  incomingDocumentWithAuditJson,
  registerIncomingBody,
  registerSignedInBody,
} from '../routes/documents.schema';
import {
  supervisionItemJson,
  supervisionItemPageJson,
  supervisionItemWithAuditJson,
} from '../routes/supervision.schema';

export const problemJson = z
  .object({
    type: z.string().meta({ description: 'URN naming the problem type; one per code' }),
    title: z.string(),
    status: z.int(),
    detail: z.string(),
    code: z.string().meta({ description: 'stable code to branch on, e.g. VALIDATION_FAILED, NOT_FOUND' }),
    violations: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    requestId: z.string(),
  })
  .meta({ description: 'RFC 9457 problem details (application/problem+json).' });

/**
 * Component schemas come from the same zod schemas that validate requests and type the mappers' output,
 * so the published contract cannot drift from what the gateway enforces. Request bodies are rendered as
 * input (defaults optional), responses as output.
 */
const requests = z.registry<{ id: string }>();
requests.add(registerIncomingBody, { id: 'RegisterIncomingRequest' });
requests.add(registerSignedInBody, { id: 'RegisterSignedInRequest' });

const responses = z.registry<{ id: string }>();
responses.add(orgUnitJson, { id: 'OrgUnit' });
responses.add(auditRecordJson, { id: 'AuditRecord' });
responses.add(incomingDocumentJson, { id: 'IncomingDocument' });
responses.add(incomingDocumentWithAuditJson, { id: 'IncomingDocumentWithAudit' });
responses.add(incomingDocumentPageJson, { id: 'IncomingDocumentPage' });
responses.add(supervisionItemJson, { id: 'SupervisionItem' });
responses.add(supervisionItemWithAuditJson, { id: 'SupervisionItemWithAudit' });
responses.add(supervisionItemPageJson, { id: 'SupervisionItemPage' });
responses.add(problemJson, { id: 'Problem' });
registerCreditSchemas(requests, responses);

type JsonSchema = Record<string, unknown>;

function render(registry: typeof requests, io: 'input' | 'output'): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(registry, {
    io,
    uri: (id) => `#/components/schemas/${id}`,
    // zod's date-time regex is unreadable in docs and `format` already says it
    override: ({ jsonSchema }) => {
      if (jsonSchema.format === 'date-time') delete jsonSchema.pattern;
    },
  });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $schema: _s, $id: _i, ...rest } = schema as JsonSchema;
      return [id, rest];
    }),
  );
}

export const componentSchemas: Record<string, JsonSchema> = {
  ...render(requests, 'input'),
  ...render(responses, 'output'),
};
