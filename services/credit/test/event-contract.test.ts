import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as protobuf from 'protobufjs';
import { creditEventsV1 } from '@gov/contracts';

// The bank-facing contract (spec credit §19, STYLE §6): the current code must write messages the PUBLISHED
// schema still reads, and must never renumber, retype or rename a published field or enum value.
const root = join(__dirname, '../../..');
const load = (file: string) => protobuf.parse(readFileSync(join(root, file), 'utf8'), { keepCase: false }).root;
/**
 * Every publication a partner may still decode with, oldest first (packages/contracts/published/README.md). Each
 * must keep reading what the current code writes: a bank that never updated is as real as one that did.
 */
const publications = ['events.proto', 'events.2.proto'].map(
  (f) => [f, load(`packages/contracts/published/gov/credit/events/v1/${f}`)] as const,
);
const current = load('proto/gov/credit/events/v1/events.proto');
const pkg = 'gov.credit.events.v1';

const nested = (r: protobuf.Root) => r.lookup(pkg) as protobuf.Namespace;
const messages = (r: protobuf.Root) =>
  nested(r).nestedArray.filter((n): n is protobuf.Type => n instanceof protobuf.Type);
const enums = (r: protobuf.Root) => nested(r).nestedArray.filter((n): n is protobuf.Enum => n instanceof protobuf.Enum);

/** A sample with every field set to a non-default value, in the JSON form ts-proto's fromJSON reads. */
function sample(t: protobuf.Type): Record<string, unknown> {
  const value = (f: protobuf.Field, i: number): unknown => {
    f.resolve();
    if (f.resolvedType instanceof protobuf.Type) return sample(f.resolvedType);
    if (f.resolvedType instanceof protobuf.Enum) return Object.values(f.resolvedType.values).find((v) => v !== 0);
    if (f.type === 'string') return `${f.name}-${i}`;
    if (f.type === 'bool') return true;
    if (f.type === 'bytes') return Buffer.from(`${f.name}-${i}`).toString('base64');
    if (['int64', 'uint64', 'sint64'].includes(f.type)) return String(9_007_199_254_740_000n + BigInt(f.id * 10 + i));
    return f.id * 10 + i + 1;
  };
  return Object.fromEntries(t.fieldsArray.map((f) => [f.name, f.repeated ? [value(f, 1), value(f, 2)] : value(f, 0)]));
}

describe.each(publications)('gov.credit.events.v1 compatibility with the published schema %s', (_file, published) => {
  const generated = creditEventsV1 as unknown as Record<
    string,
    { fromJSON(o: unknown): unknown; encode(m: unknown): { finish(): Uint8Array } }
  >;

  it.each(messages(published).map((t) => [t.name, t] as const))(
    '%s written by the current code decodes with the published schema, every published field intact',
    (name, pubType) => {
      const codec = generated[name];
      expect(codec).toBeDefined();
      const msg = sample(current.lookupType(`${pkg}.${name}`));
      const bytes = codec!.encode(codec!.fromJSON(msg)).finish();
      const decoded = pubType.toObject(pubType.decode(bytes), {
        longs: String,
        enums: Number,
        bytes: String,
        defaults: true,
      });
      const expected = Object.fromEntries(pubType.fieldsArray.map((f) => [f.name, msg[f.name]]));
      expect(decoded).toEqual(expected);
    },
  );

  it('keeps every published field with its number, type, cardinality and name', () => {
    const drift: string[] = [];
    for (const p of messages(published)) {
      const c = current.lookup(`${pkg}.${p.name}`);
      if (!(c instanceof protobuf.Type)) {
        drift.push(`${p.name} removed`);
        continue;
      }
      for (const f of p.fieldsArray) {
        const now = c.fieldsById[f.id];
        if (!now) drift.push(`${p.name}.${f.name} (#${f.id}) removed`);
        else if (now.type !== f.type || now.repeated !== f.repeated || now.name !== f.name)
          drift.push(
            `${p.name} #${f.id}: ${f.repeated ? 'repeated ' : ''}${f.type} ${f.name} became ${now.repeated ? 'repeated ' : ''}${now.type} ${now.name}`,
          );
      }
    }
    for (const p of enums(published)) {
      const c = current.lookup(`${pkg}.${p.name}`);
      for (const [name, n] of Object.entries(p.values))
        if (!(c instanceof protobuf.Enum) || c.values[name] !== n) drift.push(`${p.name}.${name} = ${n} changed`);
    }
    expect(drift).toEqual([]);
  });

  it('would notice a renumbered field (the check itself can fail)', () => {
    const moved = protobuf.parse(
      readFileSync(join(root, 'proto/gov/credit/events/v1/events.proto'), 'utf8').replace(
        'string household_id = 1;\n  string rating_id = 2;',
        'string household_id = 1;\n  string rating_id = 20;',
      ),
    ).root;
    const t = moved.lookupType(`${pkg}.ScoreComputed`);
    const bytes = t.encode(t.fromObject({ householdId: 'h', ratingId: 'r' })).finish();
    const pubType = published.lookupType(`${pkg}.ScoreComputed`);
    expect(pubType.toObject(pubType.decode(bytes), { defaults: true }).ratingId).toBe('');
  });
});

describe('docs/asyncapi.yaml and the ce_type table', () => {
  const yaml = require('yaml') as { parse(s: string): unknown };
  const doc = yaml.parse(readFileSync(join(root, 'docs/asyncapi.yaml'), 'utf8')) as {
    channels: Record<string, { address: string; messages: Record<string, unknown> }>;
    components: { messages: Record<string, { name: string }> };
  };
  const protoText = readFileSync(join(root, 'proto/gov/credit/events/v1/events.proto'), 'utf8');

  it('documents every message of the contract under the ce_type the code publishes', () => {
    const documented = Object.fromEntries(Object.entries(doc.components.messages).map(([k, m]) => [k, m.name]));
    const inProto = Object.fromEntries(
      [...protoText.matchAll(/ce_type (\S+) [^\n]*\n(?:\/\/[^\n]*\n)*message (\w+)/g)].map((m) => [m[2], m[1]]),
    );
    expect(documented).toEqual(inProto);
    const { creditEventTypes } = jest.requireActual('@gov/contracts') as { creditEventTypes: Record<string, string> };
    expect(new Set(Object.values(creditEventTypes))).toEqual(new Set(Object.values(inProto)));
  });
  it('documents every credit topic of topics.json, the restricted PII topic included', () => {
    const { topicSpecs } = jest.requireActual('@gov/contracts') as { topicSpecs: { name: string }[] };
    const credit = topicSpecs.map((s) => s.name).filter((n) => n.startsWith('gov.credit.'));
    expect(Object.values(doc.channels).map((c) => c.address)).toEqual(credit);
    expect(credit).toEqual(
      expect.arrayContaining(['gov.credit.events.v1', 'gov.credit.bank-events.v1', 'gov.credit.pii.v1']),
    );
  });
});
