import type { IHeaders } from 'kafkajs';

/**
 * CloudEvents Kafka binary binding: attributes travel as `ce_*` headers, the payload is the raw protobuf.
 * Every platform event carries these headers; external consumers (banks, insurers) rely on them.
 */
export interface EventHeaders {
  id: string;
  type: string;
  source: string;
  time: string;
  traceparent?: string;
}

export const contentType = 'application/protobuf';

export function toKafkaHeaders(h: EventHeaders): IHeaders {
  const headers: IHeaders = {
    ce_specversion: '1.0',
    ce_id: h.id,
    ce_type: h.type,
    ce_source: h.source,
    ce_time: h.time,
    'content-type': contentType,
  };
  if (h.traceparent) headers.traceparent = h.traceparent;
  return headers;
}

const str = (v: IHeaders[string]): string | undefined =>
  v === undefined ? undefined : Array.isArray(v) ? str(v[0]) : Buffer.isBuffer(v) ? v.toString('utf8') : String(v);

/** Reads the CloudEvents attributes back; returns the names of missing required ones. */
export function fromKafkaHeaders(headers: IHeaders | undefined): { headers?: EventHeaders; missing: string[] } {
  const h = headers ?? {};
  const id = str(h.ce_id);
  const type = str(h.ce_type);
  const source = str(h.ce_source);
  const time = str(h.ce_time);
  const missing = Object.entries({ ce_id: id, ce_type: type, ce_source: source, ce_specversion: str(h.ce_specversion) })
    .filter(([, v]) => !v)
    .map(([k]) => k);
  if (missing.length > 0 || !id || !type || !source) return { missing };
  return { headers: { id, type, source, time: time ?? '', traceparent: str(h.traceparent) }, missing };
}
