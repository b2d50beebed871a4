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
  creditInsurerEvents: 'gov.credit.insurer-events.v1',
  /** Restricted (ACL-limited, payload sealed per partner key): full personal data for banks and insurers. */
  creditPii: 'gov.credit.pii.v1',
  finance: 'gov.finance.events.v1',
} as const;

/** CloudEvents `ce_type` values, one per event message. */
export const eventTypes = {
  documentIncomingRegistered: 'gov.document.incoming.registered',
  /** A duty handover registered by the 综合股 (message gov.document.events.v1.HandoverRegistered); for duty. */
  documentIncomingHandoverRegistered: 'gov.document.incoming.handover_registered',
  supervisionItemOpened: 'gov.supervision.item.opened',
  /** Final feedback accepted (message gov.supervision.events.v1.ItemCompleted); read by duty. */
  supervisionItemCompleted: 'gov.supervision.item.completed',
  /** Item closed with its outcome (message gov.supervision.events.v1.ItemClosed); read by duty. */
  supervisionItemClosed: 'gov.supervision.item.closed',
} as const;
