import { createCipheriv, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';

/** What one partner key made of a plaintext (AES-256-GCM). */
export interface Sealed {
  keyId: string;
  iv: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

/**
 * Seals personal data for the partners allowed to read the restricted topic (spec credit §19.1): AES-256-GCM, a
 * fresh 12-byte IV per message, one sealed copy per active partner key. The key ids name the keys the partners
 * hold; a partner keeps the copies under its own ids. Rotation: give the partner a new key under a new id, add
 * it to the map and make it active; the old id stays valid for what it already sealed.
 */
export function createPartnerSealer(keys: Record<string, string>, activeKeyIds: readonly string[]) {
  const active: [string, KeyObject][] = activeKeyIds.map((id) => {
    const raw = keys[id] === undefined ? undefined : Buffer.from(keys[id]!, 'base64');
    if (!raw || raw.length !== 32) throw new Error(`partner key ${id} must be 32 bytes, base64-encoded`);
    return [id, createSecretKey(raw)];
  });
  return {
    /** One sealed copy per active key; `aad` is bound to the ciphertext but travels in the clear. */
    seal(plain: Uint8Array, aad: (keyId: string) => string): Sealed[] {
      return active.map(([keyId, key]) => {
        const iv = randomBytes(12);
        const c = createCipheriv('aes-256-gcm', key, iv);
        c.setAAD(Buffer.from(aad(keyId), 'utf8'));
        const ciphertext = Buffer.concat([c.update(plain), c.final()]);
        return { keyId, iv, ciphertext, tag: c.getAuthTag() };
      });
    },
  };
}
export type PartnerSealer = ReturnType<typeof createPartnerSealer>;

/** Nobody to seal for: no copies (a wiring without partners, e.g. the benchmark). */
export const noPartners: PartnerSealer = createPartnerSealer({}, []);
