import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The metrics every service exports (ARCHITECTURE §9). Names are shared with the Grafana dashboards and
 * PrometheusRule alerts in deploy/helm, so renaming one means changing those too.
 */
export function createMetrics(service: string) {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    grpcHandled: new Counter({
      name: 'grpc_server_handled_total',
      help: 'gRPC calls completed, by method and status code',
      labelNames: ['method', 'code'] as const,
      registers: [registry],
    }),
    grpcDuration: new Histogram({
      name: 'grpc_server_handling_seconds',
      help: 'gRPC call duration',
      labelNames: ['method'] as const,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    outboxBacklog: new Gauge({
      name: 'outbox_backlog',
      help: 'Events written to aggregates and not yet acknowledged by Kafka',
      registers: [registry],
    }),
    eventsPublished: new Counter({
      name: 'events_published_total',
      help: 'Events acknowledged by Kafka',
      labelNames: ['topic'] as const,
      registers: [registry],
    }),
    eventsConsumed: new Counter({
      name: 'events_consumed_total',
      help: 'Events handled, by consumer and outcome (handled, duplicate)',
      labelNames: ['consumer', 'outcome'] as const,
      registers: [registry],
    }),
    eventsParked: new Counter({
      name: 'events_parked_total',
      help: 'Messages set aside instead of handled, by consumer and reason',
      labelNames: ['consumer', 'reason'] as const,
      registers: [registry],
    }),
    consumerLag: new Gauge({
      name: 'kafka_consumer_lag',
      help: 'Messages between the committed offset and the high watermark',
      labelNames: ['group', 'topic', 'partition'] as const,
      registers: [registry],
    }),
    /** A service's own histogram on the same registry (served at /metrics with the service label). */
    histogram<L extends string = never>(o: {
      name: string;
      help: string;
      labelNames?: readonly L[];
      buckets?: number[];
    }) {
      return new Histogram<L>({ ...o, labelNames: o.labelNames ?? [], registers: [registry] });
    },
    /** A service's own counter on the same registry. */
    counter<L extends string = never>(o: { name: string; help: string; labelNames?: readonly L[] }) {
      return new Counter<L>({ ...o, labelNames: o.labelNames ?? [], registers: [registry] });
    },
    /** A service's own gauge; `collect` runs on every scrape, so it can read a value kept elsewhere. */
    gauge<L extends string = never>(o: {
      name: string;
      help: string;
      labelNames?: readonly L[];
      collect?: () => number;
    }) {
      const { collect, ...rest } = o;
      return new Gauge<L>({
        ...rest,
        labelNames: rest.labelNames ?? [],
        registers: [registry],
        ...(collect
          ? {
              collect(this: Gauge<L>) {
                this.set(collect());
              },
            }
          : {}),
      });
    },
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
