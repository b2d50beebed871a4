import { appendFileSync } from 'node:fs';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace';

type Result = { code: 0 | 1; error?: Error };

/** Appends finished spans as JSON lines; used by end-to-end tests to follow one trace across processes. */
export class FileSpanExporter implements SpanExporter {
  constructor(private readonly path: string) {}

  export(spans: ReadableSpan[], done: (result: Result) => void): void {
    try {
      const lines = spans.map((s) =>
        JSON.stringify({
          service: s.resource.attributes['service.name'],
          name: s.name,
          kind: s.kind,
          traceId: s.spanContext().traceId,
          spanId: s.spanContext().spanId,
          parentSpanId: s.parentSpanContext?.spanId,
          attributes: s.attributes,
        }),
      );
      appendFileSync(this.path, lines.join('\n') + '\n');
      done({ code: 0 });
    } catch (error) {
      done({ code: 1, error: error as Error });
    }
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}
