import { context, propagation, ROOT_CONTEXT } from '@opentelemetry/api';
import { Partitioners, type Kafka, type Message, type Producer } from 'kafkajs';
import type { OutboxEntry } from './outbox';
import { toKafkaHeaders } from './cloudevents';

/** Upper bounds of one send; well under the broker's 1 MiB record-batch limit even on one partition. */
const maxBatchMessages = 2000;
const maxBatchBytes = 512 * 1024;
// headers (CloudEvents attributes, traceparent) and record framing, per message, roughly
const perMessageOverhead = 200;

function* chunks(entries: OutboxEntry[], maxCount: number, maxBytes: number): Generator<OutboxEntry[]> {
  let chunk: OutboxEntry[] = [];
  let bytes = 0;
  for (const e of entries) {
    const size = e.payload.length + e.key.length + perMessageOverhead;
    if (chunk.length > 0 && (chunk.length >= maxCount || bytes + size > maxBytes)) {
      yield chunk;
      chunk = [];
      bytes = 0;
    }
    chunk.push(e);
    bytes += size;
  }
  if (chunk.length > 0) yield chunk;
}

/**
 * Publishes outbox entries with an idempotent producer (acks=all, one request in flight so the broker
 * keeps each key's order even across retries).
 */
export function createEventPublisher(opts: { kafka: Kafka; source: string; topicPrefix: string }) {
  const producer: Producer = opts.kafka.producer({
    // murmur2 like the Java client, so a bank's consumer sees the same key → partition mapping
    createPartitioner: Partitioners.DefaultPartitioner,
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
  });
  let connected = false;
  producer.on(producer.events.CONNECT, () => (connected = true));
  producer.on(producer.events.DISCONNECT, () => (connected = false));

  const toMessage = (e: OutboxEntry): Message => ({
    key: e.key,
    value: e.payload,
    headers: toKafkaHeaders({
      id: e._id,
      type: e.type,
      source: opts.source,
      time: e.time.toISOString(),
      traceparent: e.traceparent,
    }),
  });

  return {
    connect: () => producer.connect(),
    disconnect: () => producer.disconnect(),
    isConnected: () => connected,
    /**
     * Sends the entries and resolves once Kafka has acknowledged all of them. Entries are grouped by the
     * trace that produced them, and each group is sent inside that trace, so the consumer's span joins it.
     * Sends are cut into batches of bounded count and size: the broker refuses a record batch over
     * message.max.bytes (1 MiB by default), and a refused batch would otherwise block the relay for good.
     */
    async publish(entries: readonly OutboxEntry[]): Promise<void> {
      const byTrace = new Map<string, OutboxEntry[]>();
      for (const e of entries) {
        const k = e.traceparent ?? '';
        const list = byTrace.get(k);
        if (list) list.push(e);
        else byTrace.set(k, [e]);
      }
      for (const [traceparent, group] of byTrace) {
        const ctx = traceparent ? propagation.extract(ROOT_CONTEXT, { traceparent }) : context.active();
        for (const chunk of chunks(group, maxBatchMessages, maxBatchBytes)) {
          const byTopic = new Map<string, Message[]>();
          for (const e of chunk) {
            const topic = opts.topicPrefix + e.topic;
            const list = byTopic.get(topic);
            if (list) list.push(toMessage(e));
            else byTopic.set(topic, [toMessage(e)]);
          }
          await context.with(ctx, () =>
            producer.sendBatch({
              acks: -1,
              topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
            }),
          );
        }
      }
    },
  };
}
export type EventPublisher = ReturnType<typeof createEventPublisher>;
