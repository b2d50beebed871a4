import { applyKafkajsIdleLoopFix } from './kafkajs-idle-loop-fix';

// the real kafkajs class, not a stand-in: the test proves the installed library now behaves
const RequestQueue = require('kafkajs/src/network/requestQueue') as new (opts: Record<string, unknown>) => {
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  pending: unknown[];
  scheduleCheckPendingRequests(): void;
};

const queue = () =>
  new RequestQueue({
    instrumentationEmitter: { emit: () => undefined },
    maxInFlightRequests: 1,
    requestTimeout: 1000,
    enforceRequestTimeout: false,
    clientId: 'test',
    broker: 'b',
    logger: { namespace: () => ({ debug() {}, info() {}, warn() {}, error() {} }) },
    isConnected: () => true,
  });

describe(applyKafkajsIdleLoopFix.name, () => {
  beforeAll(() => applyKafkajsIdleLoopFix());

  it('arms no timer while nothing is pending and nothing throttles', () => {
    const q = queue();
    q.scheduleCheckPendingRequests();
    expect(q.throttleCheckTimeoutId).toBeNull();
  });

  it('still re-checks when requests wait behind a throttle', () => {
    const q = queue();
    q.throttledUntil = Date.now() + 50;
    q.pending.push({});
    q.scheduleCheckPendingRequests();
    expect(q.throttleCheckTimeoutId).not.toBeNull();
    clearTimeout(q.throttleCheckTimeoutId!);
  });
});
