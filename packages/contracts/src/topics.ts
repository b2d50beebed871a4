import spec from './topics.json';

/** A Kafka topic of the platform, as declared in topics.json (the single source for infra, Helm and code). */
export interface TopicSpec {
  name: string;
  partitions: number;
  retentionMs: number;
  producer: string;
  consumers: string[];
  doc: string;
}

export const topicSpecs: readonly TopicSpec[] = spec.topics;

/** Topic names by domain. Producers and consumers take them from here, never from string literals. */
export const topics = {
  document: 'gov.document.events.v1',
  supervision: 'gov.supervision.events.v1',
  duty: 'gov.duty.events.v1',
  credit: 'gov.credit.events.v1',
  creditBankEvents: 'gov.credit.bank-events.v1',
  finance: 'gov.finance.events.v1',
} as const;

/** CloudEvents `ce_type` values, one per event message. */
export const eventTypes = {
  documentIncomingRegistered: 'gov.document.incoming.registered',
  supervisionItemOpened: 'gov.supervision.item.opened',
} as const;
