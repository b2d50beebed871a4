import { parseJwks } from './key-set';

describe(parseJwks.name, () => {
  it('accepts a key set with at least one key', () => {
    const jwks = { keys: [{ kty: 'EC', crv: 'P-256', x: 'x', y: 'y', kid: 'k1' }] };
    expect(parseJwks(JSON.stringify(jwks))).toEqual(jwks);
  });

  it.each([
    ['not JSON', '{keys:', 'JWKS is not valid JSON'],
    ['no keys', '{}', 'JWKS has no "keys" array of keys'],
    ['empty keys', '{"keys":[]}', 'JWKS has no "keys" array of keys'],
    ['a key that is not an object', '{"keys":["abc"]}', 'JWKS has no "keys" array of keys'],
    ['null', 'null', 'JWKS has no "keys" array of keys'],
  ])('refuses %s', (_name, text, message) => {
    expect(() => parseJwks(text)).toThrow(message);
  });
});
