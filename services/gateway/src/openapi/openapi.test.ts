import type { GatewayPorts } from '../clients';
import { allRoutes } from '../routes';
import { openApiDocument } from './openapi';

/** Every `$ref` string anywhere in the document. */
function refsIn(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(refsIn);
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([k, v]) => (k === '$ref' && typeof v === 'string' ? [v] : refsIn(v)));
}

function resolve(ref: string): unknown {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], openApiDocument);
}

describe('openApiDocument', () => {
  const routes = allRoutes({} as GatewayPorts);
  const documented = Object.entries(openApiDocument.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((method) => `${method} ${path}`),
  );

  it('documents every mounted route, and nothing that is not mounted', () => {
    const mounted = routes.map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    expect(documented.sort()).toEqual(mounted.sort());
  });

  it('resolves every $ref', () => {
    const refs = refsIn(openApiDocument);
    expect(refs.length).toBeGreaterThan(10);
    expect(refs.filter((r) => resolve(r) === undefined)).toEqual([]);
  });

  it('requires an Idempotency-Key on every mutating operation', () => {
    const mutating = Object.values(openApiDocument.paths).flatMap((ops) =>
      Object.entries(ops)
        .filter(([method]) => method !== 'get')
        .map(([, op]) => op as { parameters: unknown[] }),
    );
    expect(mutating.length).toBeGreaterThan(0);
    for (const op of mutating) expect(op.parameters).toContainEqual({ $ref: '#/components/parameters/IdempotencyKey' });
  });

  it('publishes request bodies with their defaults optional and enums as names', () => {
    const body = openApiDocument.components.schemas.RegisterIncomingRequest as {
      required: string[];
      properties: Record<string, { enum?: string[] }>;
    };
    expect(body.required).not.toContain('ccOnly');
    expect(body.required).toContain('receivedAt');
    expect(body.properties.urgency?.enum).toEqual(['NORMAL', 'URGENT', 'EXTRA_URGENT']);
  });
});
