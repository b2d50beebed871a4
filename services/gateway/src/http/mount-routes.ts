import express, { type Express, type RequestHandler } from 'express';
import { HttpError } from './problem';
import { locals } from './locals';
import { requireIdempotencyKey } from './idempotency';
import type { Route, RouteResult } from './route';

/** Keeps idle proxies from closing a quiet event stream. */
const heartbeatMs = 15_000;

/**
 * Serves a streaming result as server-sent events. Headers go out at once so the console knows it is
 * connected; a client that leaves cancels the upstream call; an upstream failure ends the stream with an
 * `error` event carrying the problem's code, and the console reconnects.
 */
async function sendEvents(
  req: express.Request,
  res: express.Response,
  events: NonNullable<RouteResult['events']>,
): Promise<void> {
  res.status(200).set({
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  res.flushHeaders();
  res.write(': connected\n\n');
  const beat = setInterval(() => res.write(': keep-alive\n\n'), heartbeatMs);
  req.on('close', () => events.close());
  try {
    for await (const e of events.items) {
      if (res.writableEnded) break;
      res.write(`id: ${e.id}\nevent: ${e.event}\ndata: ${JSON.stringify(e.data)}\n\n`);
    }
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (!res.writableEnded)
      res.write(
        `event: error\ndata: ${JSON.stringify({ code: typeof code === 'string' ? code : 'STREAM_FAILED' })}\n\n`,
      );
  } finally {
    clearInterval(beat);
    events.close();
    if (!res.writableEnded) res.end();
  }
}

const label =
  (route: string): RequestHandler =>
  (_req, res, next) => {
    locals(res).route = route;
    next();
  };

/** Mutating routes take JSON only; anything else would reach zod as an empty body and confuse the caller. */
const requireJson: RequestHandler = (req, _res, next) => {
  const hasBody = req.get('transfer-encoding') !== undefined || Number(req.get('content-length') ?? 0) > 0;
  if (hasBody && !req.is(['application/json', 'application/*+json']))
    return next(
      new HttpError(415, 'Unsupported media type', 'UNSUPPORTED_MEDIA_TYPE', 'send the body as application/json'),
    );
  next();
};

const json = express.json({ limit: '256kb', type: ['application/json', 'application/*+json'] });

/**
 * Mounts route definitions behind the rules every /v1 operation shares: a metrics label, an
 * Idempotency-Key on mutations, JSON bodies, and no caching of responses that may hold classified data.
 * Runs after requireActor, so the caller and their token are known.
 */
export function mountRoutes(app: Express, routes: readonly Route[]): void {
  for (const route of routes) {
    const mutating = route.method !== 'get';
    const guards: RequestHandler[] = mutating ? [requireIdempotencyKey, requireJson, json] : [];
    app[route.method](route.path, label(route.path), ...guards, async (req, res) => {
      const state = locals(res);
      if (!state.actor || !state.authorization) throw new Error('route mounted without requireActor');
      const result = await route.handle(
        {
          params: req.params as Record<string, string>,
          query: req.query,
          body: req.body as unknown,
          accepts: (types) => req.accepts(types),
        },
        {
          actor: state.actor,
          call: { authorization: state.authorization, requestId: state.requestId },
          idempotencyKey: req.get('idempotency-key') ?? '',
        },
      );
      if (result.events) return sendEvents(req, res, result.events);
      res.set('Cache-Control', 'no-store');
      if (result.location) res.location(result.location);
      if (result.text !== undefined)
        return res.status(result.status).type('text/plain; charset=utf-8').send(result.text);
      res.status(result.status).json(result.body);
    });
  }
}
