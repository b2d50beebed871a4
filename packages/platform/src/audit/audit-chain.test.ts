import type { Actor } from '../auth';
import { genesisHash, nextAuditEntry, verifyAuditChain, type AuditEntry } from './audit-chain';

// ARCHITECTURE §6, audit: every transition records actor, role, reason and time, and a per-aggregate hash
// chain makes tampering visible.

const actor = (overrides: Partial<Actor> = {}): Actor => ({
  userId: 'u-registrar',
  name: 'Registrar',
  orgUnitId: 'ou-office',
  roles: ['registrar'],
  clearance: 'INTERNAL',
  ...overrides,
});

const step = (n: number, overrides: Partial<Parameters<typeof nextAuditEntry>[1]> = {}) => ({
  action: `incoming.step-${n}`,
  actor: actor(),
  reason: `reason ${n}`,
  at: new Date(Date.UTC(2030, 4, 6, n)),
  details: { to: `ou-${n}`, dueAt: new Date(Date.UTC(2030, 4, 10 + n)), tags: ['urgent', `t${n}`] },
  ...overrides,
});

/** A three-step history of one aggregate, each entry chained to the one before. */
function chain(): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (const n of [1, 2, 3]) entries.push(nextAuditEntry(entries.at(-1), step(n)));
  return entries;
}

/**
 * Deep copy that keeps Dates, so a tampering test changes one field and nothing else. Not structuredClone:
 * under jest that returns Dates of another realm, which `instanceof Date` does not recognise.
 */
function clone<T>(v: T): T {
  if (v instanceof Date) return new Date(v.getTime()) as T;
  if (Array.isArray(v)) return v.map(clone) as T;
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clone(x)])) as T;
  return v;
}
const copy = (entries: readonly AuditEntry[]): AuditEntry[] => entries.map(clone);

describe(verifyAuditChain.name, () => {
  it('accepts an untouched chain that starts from the genesis hash and records who acted in which role', () => {
    const entries = chain();
    expect(entries.map((e) => [e.seq, e.actor.role])).toEqual([
      [1, 'registrar'],
      [2, 'registrar'],
      [3, 'registrar'],
    ]);
    expect(entries[0]?.prevHash).toBe(genesisHash);
    expect(verifyAuditChain(entries)).toEqual({ ok: true });
    expect(verifyAuditChain(copy(entries))).toEqual({ ok: true });
    expect(nextAuditEntry(undefined, step(1, { role: 'archivist' })).actor.role).toBe('archivist');
  });

  const tamperings: [string, (e: AuditEntry) => void][] = [
    ['seq', (e) => (e.seq += 10)],
    ['action', (e) => (e.action = 'incoming.withdrawn')],
    ['actor.userId', (e) => (e.actor.userId = 'u-someone-else')],
    ['actor.name', (e) => (e.actor.name = 'Someone Else')],
    ['actor.orgUnitId', (e) => (e.actor.orgUnitId = 'ou-other')],
    ['actor.role', (e) => (e.actor.role = 'director')],
    ['reason', (e) => (e.reason = 'backdated on request')],
    ['at', (e) => (e.at = new Date(e.at.getTime() - 1))],
    ['a details value', (e) => (e.details.to = 'ou-other')],
    ['details by adding a key', (e) => (e.details.approvedBy = 'u-director')],
    ['details by removing a key', (e) => delete e.details.to],
    ['a Date inside details', (e) => (e.details.dueAt = new Date((e.details.dueAt as Date).getTime() + 1))],
    ['an array element inside details', (e) => ((e.details.tags as string[])[0] = 'routine')],
    ['prevHash', (e) => (e.prevHash = genesisHash.replace(/^0/, '1'))],
    ['hash', (e) => (e.hash = e.hash.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')))],
  ];
  it.each(tamperings)('detects tampering with %s of the first, a middle or the last entry', (_field, tamper) => {
    for (const at of [0, 1, 2]) {
      const entries = copy(chain());
      expect(verifyAuditChain(entries)).toEqual({ ok: true });
      tamper(entries[at]!);
      expect(verifyAuditChain(entries)).toMatchObject({ ok: false, brokenAt: expect.any(Number) });
    }
  });

  it('detects an edited entry even when the editor recomputed its hash, because the next entry points at the old one', () => {
    const original = chain();
    const edited = copy(original);
    edited[1] = nextAuditEntry(original[0], step(2, { reason: 'rewritten afterwards' }));
    expect(verifyAuditChain(edited)).toMatchObject({ ok: false, brokenAt: 3, why: 'previous hash does not match' });
  });

  it('detects a deleted entry at the start or in the middle', () => {
    const [a, b, c] = chain();
    expect(verifyAuditChain([b!, c!])).toMatchObject({ ok: false, brokenAt: 2 });
    expect(verifyAuditChain([a!, c!])).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it('detects reordered entries, also when their sequence numbers were rewritten to match', () => {
    const [a, b, c] = chain();
    expect(verifyAuditChain([a!, c!, b!])).toMatchObject({ ok: false });
    const renumbered = copy([a!, c!, b!]).map((e, i) => ({ ...e, seq: i + 1 }));
    expect(verifyAuditChain(renumbered)).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it('does not depend on the order of keys, which a database round trip may change', () => {
    const shuffled = chain().map(({ hash, prevHash, details, at, reason, actor: who, action, seq }) => ({
      hash,
      prevHash,
      details: Object.fromEntries(Object.entries(details).reverse()),
      at,
      reason,
      actor: { role: who.role, orgUnitId: who.orgUnitId, name: who.name, userId: who.userId },
      action,
      seq,
    }));
    expect(verifyAuditChain(shuffled)).toEqual({ ok: true });
  });
});
