import type { Response } from 'express';
import type { Actor, AppError } from '@gov/platform';

/** What the edge middleware learns about a request, kept on `res.locals` for the later steps. */
export interface EdgeLocals {
  requestId: string;
  /** Route template for metrics and logs; never the raw path, whose ids would explode label cardinality. */
  route?: string;
  actor?: Actor;
  /** `Bearer <token>` exactly as verified, forwarded to services so they check the caller again. */
  authorization?: string;
  /** Why the bearer token was rejected; raised only where a route needs a caller. */
  authError?: AppError;
}

export const locals = (res: Response): EdgeLocals => res.locals as EdgeLocals;
