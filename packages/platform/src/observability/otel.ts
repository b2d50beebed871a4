/**
 * Telemetry preload: `node --require @gov/platform/otel dist/main.js`. It must run before express, grpc-js,
 * kafkajs and mongoose are first required, because the instrumentations patch them on load.
 *
 * Exporters, by environment:
 * - OTEL_EXPORTER_OTLP_ENDPOINT: OTLP over HTTP to a collector (production);
 * - OTEL_TRACES_FILE: finished spans appended as JSON lines (end-to-end tests read them);
 * - neither: no tracer provider is registered and nothing is recorded; a trace id a caller sent in
 *   `traceparent` is still passed on to logs and outgoing calls, but no new trace ids are made.
 */
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor, SimpleSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { GrpcInstrumentation } from '@opentelemetry/instrumentation-grpc';
import { KafkaJsInstrumentation } from '@opentelemetry/instrumentation-kafkajs';
import { MongooseInstrumentation } from '@opentelemetry/instrumentation-mongoose';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { FileSpanExporter } from './file-span-exporter';
import { isUntracedAgent } from './untraced';

const env = process.env;
const processors: SpanProcessor[] = [];
if (env.OTEL_EXPORTER_OTLP_ENDPOINT) processors.push(new BatchSpanProcessor({ exporter: new OTLPTraceExporter() }));
if (env.OTEL_TRACES_FILE)
  processors.push(new SimpleSpanProcessor({ exporter: new FileSpanExporter(env.OTEL_TRACES_FILE) }));

const sdk = new NodeSDK({
  resource: resourceFromAttributes({ 'service.name': env.OTEL_SERVICE_NAME ?? env.SERVICE_NAME ?? 'unknown' }),
  spanProcessors: processors,
  instrumentations: [
    new HttpInstrumentation({ ignoreOutgoingRequestHook: (req) => isUntracedAgent(req.agent) }),
    new ExpressInstrumentation(),
    new GrpcInstrumentation(),
    new KafkaJsInstrumentation(),
    new MongooseInstrumentation(),
  ],
});
sdk.start();

const stop = () => void sdk.shutdown().catch(() => undefined);
process.once('beforeExit', stop);
