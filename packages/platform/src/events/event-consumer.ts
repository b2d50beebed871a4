import type { Consumer, EachMessagePayload, Kafka } from 'kafkajs';
import type { Logger, Metrics } from '../observability';
import { fromKafkaHeaders, type EventHeaders } from './cloudevents';
import type { Inbox } from './inbox';
import type { Parking } from './parking';

/** An event as a handler receives it: CloudEvents attributes plus the raw protobuf payload. */
export interface InboundEvent extends EventHeaders {
  key?: string;
  payload: Buffer;
  topic: string;
  partition: number;
  offset: string;
}

/** Thrown by a handler whose payload cannot be decoded: parked at once, never retried. */
export class MalformedEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedEventError';
  }
}

export type EventHandler = (event: InboundEvent) => Promise<void>;

/**
 * Subscribes a consumer group to topics and dispatches each message by ce_type. A message is handled at
 * most once per consumer as far as the inbox can tell; a malformed one is parked with its reason; a
 * handler that keeps failing is retried a few times with backoff and then parked, so the partition moves on.
 * Types without a handler are skipped: topics carry several event types.
 */
export function createEventConsumer(opts: {
  kafka: Kafka;
  groupId: string;
  topics: string[];
  topicPrefix: string;
  handlers: Record<string, EventHandler>;
  inbox: Inbox;
  parking: Parking;
  logger: Logger;
  metrics: Metrics;
  maxAttempts?: number;
  retryDelayMs?: number;
}) {
  // the group is isolated by the same prefix as the topics: two stacks sharing one broker (a test run beside the
  // dev stack) must never join one group, or Kafka hands one stack's partitions to the other
  const groupId = opts.topicPrefix + opts.groupId;
  const consumer: Consumer = opts.kafka.consumer({
    groupId,
    allowAutoTopicCreation: false,
    maxWaitTimeInMs: 100,
  });
  const log = opts.logger.child({ component: 'consumer', group: groupId });
  const maxAttempts = opts.maxAttempts ?? 5;
  const retryDelayMs = opts.retryDelayMs ?? 200;
  let crashed = false;
  let running = false;
  // lag after each batch: the high watermark minus the last offset handled (ARCHITECTURE §9)
  consumer.on(consumer.events.END_BATCH_PROCESS, (e) => {
    const { topic, partition, offsetLag } = e.payload;
    opts.metrics.consumerLag.set({ group: groupId, topic, partition: String(partition) }, Number(offsetLag));
  });
  consumer.on(consumer.events.CRASH, (e) => {
    crashed = !e.payload.restart;
    log.error({ err: e.payload.error, restart: e.payload.restart }, 'consumer crashed');
  });

  async function handleMessage({ topic, partition, message }: EachMessagePayload): Promise<void> {
    const offset = message.offset;
    const key = message.key?.toString('utf8');
    const rawHeaders = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]));
    const park = async (reason: 'MISSING_CE_HEADERS' | 'MALFORMED_PAYLOAD' | 'HANDLER_FAILED', error: string) => {
      await opts.parking.park({
        consumer: groupId,
        topic,
        partition,
        offset,
        key,
        headers: rawHeaders,
        payload: message.value ?? undefined,
        reason,
        error,
      });
      opts.metrics.eventsParked.inc({ consumer: groupId, reason });
      log.warn({ topic, partition, offset, reason, error }, 'message parked');
    };
    const { headers, missing } = fromKafkaHeaders(message.headers);
    if (!headers) return park('MISSING_CE_HEADERS', `missing ${missing.join(', ')}`);
    const handler = opts.handlers[headers.type];
    if (!handler) return;
    if (!message.value) return park('MALFORMED_PAYLOAD', 'empty payload');
    if (await opts.inbox.seen(groupId, headers.id)) {
      opts.metrics.eventsConsumed.inc({ consumer: groupId, outcome: 'duplicate' });
      return;
    }
    const event: InboundEvent = { ...headers, key, payload: message.value, topic, partition, offset };
    for (let attempt = 1; ; attempt++) {
      try {
        await handler(event);
        break;
      } catch (err) {
        if (err instanceof MalformedEventError) return park('MALFORMED_PAYLOAD', err.message);
        if (attempt >= maxAttempts) return park('HANDLER_FAILED', (err as Error).message ?? String(err));
        log.warn({ err, attempt, type: headers.type, id: headers.id }, 'handler failed; retrying');
        await new Promise((r) => setTimeout(r, retryDelayMs * 2 ** (attempt - 1)));
      }
    }
    await opts.inbox.record(groupId, headers.id);
    opts.metrics.eventsConsumed.inc({ consumer: groupId, outcome: 'handled' });
  }

  return {
    async start(): Promise<void> {
      await consumer.connect();
      for (const t of opts.topics) await consumer.subscribe({ topic: opts.topicPrefix + t, fromBeginning: true });
      await consumer.run({ eachMessage: handleMessage });
      running = true;
    },
    isHealthy: () => running && !crashed,
    async stop(): Promise<void> {
      running = false;
      await consumer.disconnect();
    },
  };
}
export type EventConsumer = ReturnType<typeof createEventConsumer>;
