// A minimal bank-side reader of gov.credit.events.v1: what a partner bank needs to follow ratings,
// certificates, credit lines and loans. It depends only on kafkajs, protobufjs and the published schema file.
//
//   KAFKA_BROKERS=127.0.0.1:19092 node examples/bank-consumer/consumer.mjs
//
// Rules a consumer must follow (docs/asyncapi.yaml): dispatch on the ce_type header, de-duplicate on ce_id
// (delivery is at-least-once), keep per-key order (the key is the household id for certificate and loan
// events), read money as int64 fen, and ignore fields and types it does not know (the contract only grows).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { Kafka, logLevel } = require('kafkajs');
const protobuf = require('protobufjs');

const schema = new URL('../../packages/contracts/published/gov/credit/events/v1/events.proto', import.meta.url);
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

async function main() {
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:19092').split(',');
  const topic = `${process.env.TOPIC_PREFIX ?? ''}gov.credit.events.v1`;
  const kafka = new Kafka({ clientId: 'example-bank', brokers, logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: process.env.GROUP_ID ?? 'example-bank' });
  // a real bank keeps this in its own database, written in the same transaction as its effect
  const seen = new Set();
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
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
