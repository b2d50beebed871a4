import { createTokenBuckets } from './token-bucket';

function clock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

describe(createTokenBuckets.name, () => {
  it('allows a burst, then refuses with the seconds until the next token', () => {
    const c = clock();
    const buckets = createTokenBuckets({ perMinute: 6, burst: 3, now: c.now });
    expect([1, 2, 3, 4].map(() => buckets.take('u').allowed)).toEqual([true, true, true, false]);
    // 6 per minute = one token every 10 s
    expect(buckets.take('u')).toEqual({ allowed: false, retryAfterSeconds: 10 });
  });

  it('refills continuously at perMinute/60 per second, never above the burst', () => {
    const c = clock();
    const buckets = createTokenBuckets({ perMinute: 60, burst: 2, now: c.now });
    buckets.take('u');
    buckets.take('u');
    expect(buckets.take('u').allowed).toBe(false);
    c.advance(1000);
    expect(buckets.take('u').allowed).toBe(true);
    expect(buckets.take('u').allowed).toBe(false);
    c.advance(60_000);
    expect([1, 2, 3].map(() => buckets.take('u').allowed)).toEqual([true, true, false]);
  });

  it('keeps one bucket per key', () => {
    const buckets = createTokenBuckets({ perMinute: 60, burst: 1, now: clock().now });
    expect(buckets.take('alice').allowed).toBe(true);
    expect(buckets.take('alice').allowed).toBe(false);
    expect(buckets.take('bob').allowed).toBe(true);
  });

  it('forgets buckets idle long enough to be full again', () => {
    const c = clock();
    const buckets = createTokenBuckets({ perMinute: 60, burst: 5, now: c.now });
    buckets.take('idle');
    c.advance(4_000);
    buckets.take('busy');
    expect(buckets.size()).toBe(2);
    c.advance(1_000); // 'idle' has refilled its 5 tokens; 'busy' has not
    buckets.take('busy');
    expect(buckets.size()).toBe(1);
  });

  it('stays within maxKeys under a flood of new keys, dropping the least recently seen', () => {
    const c = clock();
    const buckets = createTokenBuckets({ perMinute: 60, burst: 1, maxKeys: 100, now: c.now });
    buckets.take('regular');
    for (let i = 0; i < 1000; i++) {
      if (i % 50 === 0) buckets.take('regular');
      buckets.take(`ip:${i}`);
    }
    expect(buckets.size()).toBe(100);
    // 'regular' was touched recently, so its empty bucket survived the flood
    expect(buckets.take('regular').allowed).toBe(false);
  });
});
