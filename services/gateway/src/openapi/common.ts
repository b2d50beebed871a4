import { z } from 'zod';

/** Building blocks the path files share, so each operation reads as a short declaration. */
export const schemaRef = (id: string) => ({ $ref: `#/components/schemas/${id}` });

export const jsonBody = (schemaId: string) => ({ 'application/json': { schema: schemaRef(schemaId) } });

const problemDescriptions: Record<string, string> = {
  '400': 'Invalid input (VALIDATION_FAILED with violations, MALFORMED_JSON, IDEMPOTENCY_KEY_MISSING, …)',
  '401': 'Missing or rejected bearer token (UNAUTHENTICATED, TOKEN_INVALID)',
  '403': 'The caller lacks the role or clearance',
  '404': 'No such resource (NOT_FOUND or a service-specific code)',
  '409': 'Conflicts with the current state, or a different request reused the idempotency key',
  '413': 'Body larger than 256 KiB',
  '415': 'Body is not application/json',
  '429': 'Rate limit exceeded (RATE_LIMITED); see Retry-After',
  '500': 'Unexpected failure (INTERNAL); quote the requestId',
  '503': 'A backing service is unavailable (SERVICE_UNAVAILABLE)',
  '504': 'A backing service did not answer in time (DEADLINE_EXCEEDED)',
};

export const componentResponses = Object.fromEntries(
  Object.entries(problemDescriptions).map(([status, description]) => [
    `Problem${status}`,
    { description, content: { 'application/problem+json': { schema: schemaRef('Problem') } } },
  ]),
);

const responseRef = (status: string) => ({ $ref: `#/components/responses/Problem${status}` });

/** The problem responses every operation can give, plus the ones specific to it. */
export function problems(...specific: string[]): Record<string, unknown> {
  const statuses = ['400', '401', '429', '500', '503', '504', ...specific].sort();
  return Object.fromEntries(statuses.map((s) => [s, responseRef(s)]));
}

export const componentParameters = {
  IdempotencyKey: {
    name: 'Idempotency-Key',
    in: 'header',
    required: true,
    description: 'Client-chosen key (1-128 printable ASCII); a retry with the same key returns the first result.',
    schema: { type: 'string', minLength: 1, maxLength: 128 },
  },
  RequestId: {
    name: 'X-Request-Id',
    in: 'header',
    required: false,
    description: 'Correlation id (1-128 of A-Z a-z 0-9 . _ : -); generated when absent and echoed back.',
    schema: { type: 'string', maxLength: 128 },
  },
  Id: { name: 'id', in: 'path', required: true, schema: { type: 'string', maxLength: 128 } },
};

export const parameterRef = (name: keyof typeof componentParameters) => ({ $ref: `#/components/parameters/${name}` });

export const requestIdHeader = {
  'X-Request-Id': { description: 'The request id, also in problem bodies and logs', schema: { type: 'string' } },
};

export const idempotentParams = [parameterRef('IdempotencyKey'), parameterRef('RequestId')];
export const withIdParams = [parameterRef('Id'), ...idempotentParams];

/**
 * One operation whose request body is a zod schema (turned into JSON Schema in place) and whose answer is a JSON
 * object described in words: the shape the duty route files declare their operations in.
 */
export function zodOperation(o: {
  id: string;
  tag: string;
  summary: string;
  params?: unknown[];
  body?: z.ZodType;
  status?: '200' | '201';
  /** What the answer is; also the object's description unless `resultObject` says otherwise. */
  result: string;
  resultObject?: string;
  problems?: string[];
}) {
  return {
    operationId: o.id,
    tags: [o.tag],
    summary: o.summary,
    parameters: o.params ?? idempotentParams,
    ...(o.body
      ? {
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: z.toJSONSchema(o.body, { io: 'input', unrepresentable: 'any' }) },
            },
          },
        }
      : {}),
    responses: {
      [o.status ?? '200']: {
        description: o.result,
        headers: requestIdHeader,
        content: { 'application/json': { schema: { type: 'object', description: o.resultObject ?? o.result } } },
      },
      ...problems(...(o.problems ?? ['403', '404', '409'])),
    },
  };
}
