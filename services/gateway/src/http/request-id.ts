import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { locals } from './locals';

/** Accepted incoming ids: short and free of characters that could forge log lines or headers. */
const saneRequestId = /^[A-Za-z0-9._:-]{1,128}$/;

export const requestIdOf = (incoming: string | undefined): string =>
  incoming !== undefined && saneRequestId.test(incoming) ? incoming : randomUUID();

/** Keeps the caller's X-Request-Id when it is sane (so a portal can correlate), otherwise makes one. */
export const requestId: RequestHandler = (req, res, next) => {
  const id = requestIdOf(req.get('x-request-id'));
  locals(res).requestId = id;
  res.set('X-Request-Id', id);
  next();
};
