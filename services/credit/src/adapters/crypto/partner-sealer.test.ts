import { createDecipheriv } from 'node:crypto';
import { createPartnerSealer, noPartners } from './partner-sealer';

const k = (n: number) => Buffer.alloc(32, n).toString('base64');
const open = (s: { iv: Buffer; ciphertext: Buffer; tag: Buffer }, key: string, aad: string) => {
  const d = createDecipheriv('aes-256-gcm', Buffer.from(key, 'base64'), s.iv);
  d.setAAD(Buffer.from(aad));
  d.setAuthTag(s.tag);
  return Buffer.concat([d.update(s.ciphertext), d.final()]).toString('utf8');
};

describe(createPartnerSealer.name, () => {
  it('§19.1: seals one copy per active partner key, each opening only with its own key and data', () => {
    const sealer = createPartnerSealer({ bank: k(1), insurer: k(2), retired: k(3) }, ['bank', 'insurer']);
    const copies = sealer.seal(Buffer.from('411202198001011234'), (id) => `${id}|h-1|HB-1`);
    expect(copies.map((c) => c.keyId)).toEqual(['bank', 'insurer']);
    expect(copies.map((c) => c.iv.length)).toEqual([12, 12]);
    expect(open(copies[0]!, k(1), 'bank|h-1|HB-1')).toBe('411202198001011234');
    expect(open(copies[1]!, k(2), 'insurer|h-1|HB-1')).toBe('411202198001011234');
    expect(() => open(copies[0]!, k(2), 'bank|h-1|HB-1')).toThrow();
    expect(() => open(copies[0]!, k(1), 'bank|h-2|HB-1')).toThrow();
  });
  it('uses a fresh IV for every message', () => {
    const sealer = createPartnerSealer({ bank: k(1) }, ['bank']);
    const [a, b] = [sealer.seal(Buffer.from('x'), () => ''), sealer.seal(Buffer.from('x'), () => '')];
    expect(a[0]!.iv.equals(b[0]!.iv)).toBe(false);
  });
  it('refuses an active id without a 32-byte key, and seals nothing without partners', () => {
    expect(() => createPartnerSealer({ bank: k(1) }, ['insurer'])).toThrow(/insurer/);
    expect(() => createPartnerSealer({ bank: Buffer.alloc(16).toString('base64') }, ['bank'])).toThrow(/32 bytes/);
    expect(noPartners.seal(Buffer.from('x'), () => '')).toEqual([]);
  });
});
