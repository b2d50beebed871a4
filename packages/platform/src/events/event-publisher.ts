import { context, propagation, ROOT_CONTEXT } from '@opentelemetry/api';
import { Partitioners, type Kafka, type Message, type Producer } from 'kafkajs';
import type { OutboxEntry } from './outbox';
import { toKafkaHeaders } from './cloudevents';

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
     */
    async publish(entries: readonly OutboxEntry[]): Promise<void> {
      const byTrace = new Map<string, OutboxEntry[]>();
      for (const e of entries) {
        const k = e.traceparent ?? '';
        byTrace.set(k, [...(byTrace.get(k) ?? []), e]);
      }
      for (const [traceparent, group] of byTrace) {
        const ctx = traceparent ? propagation.extract(ROOT_CONTEXT, { traceparent }) : context.active();
        const byTopic = new Map<string, Message[]>();
        for (const e of group)
          byTopic.set(opts.topicPrefix + e.topic, [...(byTopic.get(opts.topicPrefix + e.topic) ?? []), toMessage(e)]);
        await context.with(ctx, () =>
          producer.sendBatch({
            acks: -1,
            topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
          }),
        );
      }
    },
  };
}
export type EventPublisher = ReturnType<typeof createEventPublisher>;
