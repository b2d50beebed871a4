import type { Actor } from '@gov/platform/auth';
import type { Idempotency } from '../../app/ports';

/**
 * Runs a command whose use case takes no idempotency key through the key store, so a retry under the same key
 * gets the first answer instead of a second effect or a state-dependent refusal. `fn` must return JSON-safe
 * values: a retry receives them parsed back from JSON.
 */
export const idempotent = <T>(
  store: Idempotency,
  rpc: string,
  req: { idempotencyKey: string },
  actor: Actor,
  fn: () => Promise<T>,
): Promise<T> => store.run(`credit.${rpc}:${actor.userId}`, req.idempotencyKey, req, fn);
