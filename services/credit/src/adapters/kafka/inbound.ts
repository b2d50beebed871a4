import { MalformedEventError, type EventHandler, type InboundEvent } from '@gov/platform';
import { isAppError } from '@gov/platform/errors';

/** Decodes a payload; bytes that are not the message are parked at once (retrying cannot help). */
export const decode = <T>(what: string, fn: (b: Buffer) => T, e: InboundEvent): T => {
  try {
    return fn(e.payload);
  } catch (err) {
    throw new MalformedEventError(`${what} does not decode: ${(err as Error).message}`);
  }
};

/** An int64 fen string that must be a positive amount. */
export const fenOf = (what: string, s: string): number => {
  const n = Number(s);
  if (!Number.isSafeInteger(n) || n <= 0) throw new MalformedEventError(`${what} is not a positive amount of fen`);
  return n;
};

/** A YYYY-MM-DD date that exists on the calendar. */
export const dateOf = (what: string, s: string): string => {
  const d = new Date(`${s}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s)
    throw new MalformedEventError(`${what} is not a date (YYYY-MM-DD): '${s}'`);
  return s;
};

/** An RFC 3339 instant. */
export const instantOf = (what: string, s: string): Date => {
  const d = new Date(s);
  if (!s || Number.isNaN(d.getTime())) throw new MalformedEventError(`${what} is not an instant: '${s}'`);
  return d;
};

/** Lists the named fields that are blank; a message missing any of them is malformed. */
export const required = (what: string, fields: Record<string, string>): void => {
  const missing = Object.entries(fields)
    .filter(([, v]) => !v?.trim())
    .map(([k]) => k);
  if (missing.length > 0) throw new MalformedEventError(`${what} lacks ${missing.join(', ')}`);
};

/**
 * Wraps the handlers so that a use case's refusal is parked under its stable code ("LOSS_SHARE_MISMATCH: …"),
 * which is what an operator filters on. A refusal of the input itself (invalid_argument) is parked at once:
 * the same bytes would be refused again. Other refusals (a line not found yet, a limit exceeded, a concurrent
 * write) go through the kit's retries first, since some of them clear up with time.
 */
export function keepingErrorCodes(handlers: Record<string, EventHandler>): Record<string, EventHandler> {
  return Object.fromEntries(
    Object.entries(handlers).map(([type, handle]) => [
      type,
      async (e: InboundEvent) => {
        try {
          await handle(e);
        } catch (err) {
          if (!isAppError(err)) throw err;
          const reason = `${err.code}: ${err.message}`;
          if (err.category === 'invalid_argument') throw new MalformedEventError(reason);
          throw Object.assign(new Error(reason), { cause: err });
        }
      },
    ]),
  );
}
