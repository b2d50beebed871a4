import { ConfigError } from '@gov/platform';
import { readConfig } from './config';

const env = (overrides: Record<string, string | undefined> = {}) => ({
  JWKS_FILE: '/run/keys/jwks.json',
  JWT_ISSUER: 'https://idp.gov.test',
  JWT_AUDIENCE: 'gov-gateway',
  DOCUMENT_GRPC_ADDR: 'document:50051',
  SUPERVISION_GRPC_ADDR: 'supervision:50051',
  ...overrides,
});

const problemsOf = (e: Record<string, string | undefined>): string[] => {
  try {
    readConfig(e);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
};

describe(readConfig.name, () => {
  it('applies the documented defaults', () => {
    expect(readConfig(env())).toMatchObject({
      SERVICE_NAME: 'gateway',
      HTTP_PORT: 8080,
      ADMIN_PORT: 9100,
      GRPC_TIMEOUT_MS: 5000,
      RATE_LIMIT_PER_MINUTE: 600,
      RATE_LIMIT_BURST: 100,
      TRUST_PROXY_HOPS: 0,
    });
  });

  it('accepts a JWKS URL instead of a file', () => {
    expect(
      readConfig(env({ JWKS_FILE: undefined, JWKS_URL: 'https://idp.gov.test/.well-known/jwks.json' })).JWKS_URL,
    ).toBe('https://idp.gov.test/.well-known/jwks.json');
  });

  it('wants exactly one key source', () => {
    expect(problemsOf(env({ JWKS_FILE: undefined }))).toEqual(['JWKS_URL: set exactly one of JWKS_URL and JWKS_FILE']);
    expect(problemsOf(env({ JWKS_URL: 'https://idp.gov.test/jwks' }))).toHaveLength(1);
  });

  it('lists every bad variable in one start-up, the key source included', () => {
    const problems = problemsOf({ DOCUMENT_GRPC_ADDR: 'http://document', HTTP_PORT: 'eighty', JWKS_URL: 'ftp://x' });
    const vars = problems.map((p) => p.split(':')[0]).sort();
    expect(vars).toEqual(
      ['DOCUMENT_GRPC_ADDR', 'HTTP_PORT', 'JWKS_URL', 'JWT_AUDIENCE', 'JWT_ISSUER', 'SUPERVISION_GRPC_ADDR'].sort(),
    );
  });

  it('accepts IPv6 and plain hostnames as gRPC addresses, with a port', () => {
    expect(
      readConfig(env({ DUTY_GRPC_ADDR: '[::1]:50053', CREDIT_GRPC_ADDR: 'credit.gov.svc.cluster.local:50051' })),
    ).toMatchObject({
      DUTY_GRPC_ADDR: '[::1]:50053',
    });
    expect(problemsOf(env({ FINANCE_GRPC_ADDR: 'finance' }))).toEqual(['FINANCE_GRPC_ADDR: expected host:port']);
  });
});
