import type { Actor } from '@gov/platform';
import type { CallCredentials } from '../clients/call';

export interface RouteContext {
  actor: Actor;
  call: CallCredentials;
  /** The Idempotency-Key header; always present on mutating routes, empty on reads. */
  idempotencyKey: string;
}

/** The parts of a request a handler may read; keeps express types out of the route files. */
export interface RouteInput {
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  /** Content negotiation on the Accept header: the first of `types` the caller takes, or false for none. */
  accepts?(types: string[]): string | false;
}

/** One server-sent event. */
export interface StreamEvent {
  id: string;
  event: string;
  data: unknown;
}

export interface RouteResult {
  status: number;
  body: unknown;
  /** Set on 201 responses: where the new resource can be read. */
  location?: string;
  /** Set when the caller asked for text/plain (see RouteInput.accepts): sent as the body instead of JSON. */
  text?: string;
  /** Set on streaming reads: the response is text/event-stream, one event per item, until either side ends it. */
  events?: { items: AsyncIterable<StreamEvent>; close(): void };
}

/** One REST operation. Route files export lists of these; the app mounts them under the edge rules. */
export interface Route {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express path template, e.g. /v1/documents/incoming/:id; also the metrics label. */
  path: string;
  handle(input: RouteInput, ctx: RouteContext): Promise<RouteResult>;
}
