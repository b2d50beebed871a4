/**
 * kafkajs 2.2.4 (unmaintained) re-arms a timer in RequestQueue.scheduleCheckPendingRequests even when nothing is
 * pending and the broker is not throttling: `throttledUntil - Date.now()` is then a large negative number, which
 * Node turns into 1 ms. Every idle broker connection therefore wakes up about a thousand times a second (and on
 * Node 24 prints TimeoutNegativeWarning) — tulios/kafkajs#1751, fix proposed in #1768, never released.
 * This replaces that one method with the same logic minus the idle loop. Applied once, on load of the kit.
 */
interface RequestQueueLike {
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  pending: unknown[];
  checkPendingRequests(): void;
}

// the interval kafkajs itself uses when requests wait without throttling
const checkPendingIntervalMs = 10;

export function scheduleCheckPendingRequestsFixed(this: RequestQueueLike): void {
  if (this.throttleCheckTimeoutId) return;
  let delay = this.throttledUntil - Date.now();
  if (this.pending.length > 0) delay = delay > 0 ? delay : checkPendingIntervalMs;
  else if (delay <= 0) return; // nothing waits and nothing throttles: no timer
  this.throttleCheckTimeoutId = setTimeout(() => {
    this.throttleCheckTimeoutId = null;
    this.checkPendingRequests();
  }, delay);
}

export function applyKafkajsIdleLoopFix(): void {
  const RequestQueue = require('kafkajs/src/network/requestQueue') as {
    prototype: RequestQueueLike & { scheduleCheckPendingRequests: unknown };
  };
  RequestQueue.prototype.scheduleCheckPendingRequests = scheduleCheckPendingRequestsFixed;
}
