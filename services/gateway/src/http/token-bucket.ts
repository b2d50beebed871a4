/** Outcome of one attempt to spend a token. */
export interface Take {
  allowed: boolean;
  /** Whole seconds until the next token, for Retry-After; 0 when allowed. */
  retryAfterSeconds: number;
}

export interface TokenBucketOptions {
  perMinute: number;
  burst: number;
  /** Upper bound on tracked keys; the least recently seen key goes first. */
  maxKeys?: number;
  /** Monotonic milliseconds; tests pass their own. */
  now?: () => number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * In-memory token buckets, one per key, refilled continuously at perMinute/60 per second up to `burst`.
 * The Map is kept in least-recently-used order (a touched key is re-inserted at the end), so idle buckets
 * sit at the front: any bucket idle long enough to be full again equals a fresh one and is dropped, and
 * when an address flood exceeds maxKeys the oldest go first. Memory stays bounded without a timer.
 */
export function createTokenBuckets(opts: TokenBucketOptions) {
  const now = opts.now ?? (() => performance.now());
  const maxKeys = opts.maxKeys ?? 50_000;
  const perMs = opts.perMinute / 60_000;
  const refillMs = opts.burst / perMs;
  const buckets = new Map<string, Bucket>();

  function evictIdle(t: number): void {
    for (const [key, bucket] of buckets) {
      if (t - bucket.at < refillMs) break;
      buckets.delete(key);
    }
  }

  return {
    take(key: string): Take {
      const t = now();
      evictIdle(t);
      const prev = buckets.get(key);
      let tokens = prev ? Math.min(opts.burst, prev.tokens + (t - prev.at) * perMs) : opts.burst;
      buckets.delete(key);
      const allowed = tokens >= 1;
      if (allowed) tokens -= 1;
      buckets.set(key, { tokens, at: t });
      if (buckets.size > maxKeys) {
        const oldest = buckets.keys().next().value;
        if (oldest !== undefined) buckets.delete(oldest);
      }
      return { allowed, retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)) };
    },
    /** Keys currently tracked (for tests and a gauge). */
    size: (): number => buckets.size,
  };
}
export type TokenBuckets = ReturnType<typeof createTokenBuckets>;
