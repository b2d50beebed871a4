import { randomBytes } from 'node:crypto';
import { createPiiCipher } from './pii-cipher';

describe('PII cipher', () => {
  const cipher = createPiiCipher(randomBytes(32).toString('base64'));

  it('round-trips a value with a fresh IV each time, so equal inputs never look equal at rest (spec credit §20)', () => {
    const a = cipher.encrypt('411202196001010011');
    const b = cipher.encrypt('411202196001010011');
    expect(a).not.toEqual(b);
    expect(cipher.decrypt(a)).toBe('411202196001010011');
  });

  it('refuses a tampered ciphertext (GCM tag)', () => {
    const [iv, tag, body] = cipher.encrypt('13800000000').split('.');
    const flipped = Buffer.from(body!, 'base64');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => cipher.decrypt([iv, tag, flipped.toString('base64')].join('.'))).toThrow();
  });

  it('hashes deterministically per key, for the uniqueness look-up', () => {
    expect(cipher.hash('x')).toBe(cipher.hash('x'));
    expect(createPiiCipher(randomBytes(32).toString('base64')).hash('x')).not.toBe(cipher.hash('x'));
  });

  it('rejects a key that is not 32 bytes', () => {
    expect(() => createPiiCipher(randomBytes(16).toString('base64'))).toThrow('32 bytes');
  });
});
