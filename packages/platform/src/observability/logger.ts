import { pino, type Logger } from 'pino';
import { isSpanContextValid, trace } from '@opentelemetry/api';

export type { Logger };

/**
 * Personal data never reaches the logs (ARCHITECTURE §8): these paths are censored wherever they appear
 * one or two levels deep in a log object.
 */
const piiKeys = ['idNumber', 'idCardNo', 'phone', 'mobile', 'password', 'authorization', 'token', 'secret'];
const redactPaths = piiKeys.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);

export function createLogger(opts: { service: string; level: string; destination?: NodeJS.WritableStream }): Logger {
  return pino(
    {
      level: opts.level,
      base: { service: opts.service },
      redact: { paths: redactPaths, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      // trace ids on every line let a log search jump to the trace and back
      mixin() {
        const ctx = trace.getActiveSpan()?.spanContext();
        // without the telemetry preload the API hands out an all-zero context; that id would only mislead
        return ctx && isSpanContextValid(ctx) ? { trace_id: ctx.traceId, span_id: ctx.spanId } : {};
      },
    },
    opts.destination as pino.DestinationStream | undefined,
  );
}
