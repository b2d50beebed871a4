// A minimal bank-side reader of gov.credit.events.v1: what a partner bank needs to follow ratings,
// certificates, credit lines and loans. It depends only on kafkajs, protobufjs and the published schema file.
//
//   KAFKA_BROKERS=127.0.0.1:19092 node examples/bank-consumer/consumer.mjs
//
// Rules a consumer must follow (docs/asyncapi.yaml): dispatch on the ce_type header, de-duplicate on ce_id
// (delivery is at-least-once), keep per-key order (the key is the household id for certificate and loan
// events), read money as int64 fen, and ignore fields and types it does not know (the contract only grows).
// With PII_KEYS set it also reads the restricted gov.credit.pii.v1 and opens the copies sealed for its keys.
import { Buffer } from 'node:buffer';
import { createDecipheriv } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { Kafka, logLevel } = require('kafkajs');
const protobuf = require('protobufjs');

const schema = new URL('../../packages/contracts/published/gov/credit/events/v1/events.2.proto', import.meta.url);
const root = protobuf.parse(readFileSync(schema, 'utf8')).root;
const type = (name) => root.lookupType(`gov.credit.events.v1.${name}`);

/** ce_type → message name, for the events a bank acts on. Unknown types are skipped, not failed. */
const handled = {
  'gov.credit.score.computed': 'ScoreComputed',
  'gov.credit.certificate.issued': 'CertificateIssued',
  'gov.credit.certificate.regraded': 'CertificateRegraded',
  'gov.credit.certificate.revoked': 'CertificateRevoked',
  'gov.credit.credit-line.status-changed': 'CreditLineStatusChanged',
  'gov.credit.loan.drawn': 'LoanDrawn',
  'gov.credit.loan.repaid': 'LoanRepaid',
  'gov.credit.circuit-breaker.village-tripped': 'VillageBreakerTripped',
  'gov.credit.circuit-breaker.township-tripped': 'TownshipBreakerTripped',
  'gov.credit.loss.allocated': 'LossAllocated',
};

// The sealed personal-data messages (gov.credit.pii.v1) are not in the published snapshot yet: read from the source.
const piiSchema = new URL('../../proto/gov/credit/events/v1/events.proto', import.meta.url);
const piiRoot = protobuf.parse(readFileSync(piiSchema, 'utf8')).root;
const SealedCertificateHolder = piiRoot.lookupType('gov.credit.events.v1.SealedCertificateHolder');
const CertificateHolderPii = piiRoot.lookupType('gov.credit.events.v1.CertificateHolderPii');

const header = (headers, name) => headers?.[name]?.toString('utf8');
const yuan = (fen) => `${(BigInt(fen) / 100n).toString()}.${String(BigInt(fen) % 100n).padStart(2, '0')}`;

/** Decodes one record; returns undefined for types this bank does not handle. Exported for the test. */
export function decodeRecord(message) {
  const ceType = header(message.headers, 'ce_type');
  const name = handled[ceType];
  if (!name) return undefined;
  const t = type(name);
  const body = t.toObject(t.decode(message.value), { longs: String, enums: String, defaults: true });
  return { id: header(message.headers, 'ce_id'), type: ceType, key: message.key?.toString('utf8'), body };
}

/**
 * Opens one record of the restricted topic gov.credit.pii.v1 with the partner's keys ({keyId: base64 of 32 bytes}).
 * Returns undefined for a copy sealed under a key this partner does not hold; throws when a copy under one of
 * its keys fails authentication (tampered, or moved to another household). Exported for the test.
 */
export function openSealedHolder(message, keys) {
  if (header(message.headers, 'ce_type') !== 'gov.credit.pii.certificate-holder') return undefined;
  const s = SealedCertificateHolder.decode(message.value);
  const key = keys[s.keyId];
  if (!key || s.algorithm !== 'AES-256-GCM') return undefined;
  const d = createDecipheriv('aes-256-gcm', Buffer.from(key, 'base64'), s.iv);
  d.setAAD(Buffer.from(`${s.keyId}|${s.householdId}|${s.certificateNo}`, 'utf8'));
  d.setAuthTag(s.tag);
  const plain = Buffer.concat([d.update(s.ciphertext), d.final()]);
  const pii = CertificateHolderPii.toObject(CertificateHolderPii.decode(plain), { defaults: true });
  return { id: header(message.headers, 'ce_id'), householdId: s.householdId, certificateNo: s.certificateNo, ...pii };
}

async function main() {
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:19092').split(',');
  const topic = `${process.env.TOPIC_PREFIX ?? ''}gov.credit.events.v1`;
  const kafka = new Kafka({ clientId: 'example-bank', brokers, logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: process.env.GROUP_ID ?? 'example-bank' });
  // a real bank keeps this in its own database, written in the same transaction as its effect
  const seen = new Set();
  // a bank granted the restricted topic (broker ACL) also holds its key(s): PII_KEYS='{"<keyId>":"<base64>"}'
  const piiKeys = process.env.PII_KEYS ? JSON.parse(process.env.PII_KEYS) : undefined;
  const piiTopic = `${process.env.TOPIC_PREFIX ?? ''}gov.credit.pii.v1`;
  await consumer.connect();
  await consumer.subscribe({ topics: piiKeys ? [topic, piiTopic] : [topic], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ topic: from, message }) => {
      if (from === piiTopic) {
        const holder = openSealedHolder(message, piiKeys);
        if (!holder || seen.has(holder.id)) return;
        seen.add(holder.id);
        // the full numbers go to the bank's own KYC store; never to a log
        process.stdout.write(`personal data of certificate ${holder.certificateNo} received and verified\n`);
        return;
      }
      const event = decodeRecord(message);
      if (!event || seen.has(event.id)) return;
      seen.add(event.id);
      const b = event.body;
      const line =
        event.type === 'gov.credit.certificate.issued'
          ? `certificate ${b.certificateNo} for ${b.headNameMasked} (${b.idNumberMasked}): ${b.grade}, limit ${yuan(b.limitFen)} yuan`
          : `${event.type} key=${event.key}`;
      process.stdout.write(`${line}\n`);
    },
  });
  const stop = async () => {
    await consumer.disconnect();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
