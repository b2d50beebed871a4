import { createMetrics } from './metrics';

describe('service metrics', () => {
  it('registers a service’s own histogram, counter and collected gauge on the shared registry (ARCHITECTURE §9)', async () => {
    const m = createMetrics('svc');
    const h = m.histogram({ name: 'alert_seconds', help: 'h', labelNames: ['step'], buckets: [0.01, 0.1] });
    const c = m.counter({ name: 'things_total', help: 'c', labelNames: ['outcome'] });
    let pending = 7;
    m.gauge({ name: 'timers_pending', help: 'g', collect: () => pending });
    h.observe({ step: 'S2' }, 0.05);
    c.inc({ outcome: 'ok' });
    pending = 9;
    const text = await m.registry.metrics();
    expect(text).toContain('alert_seconds_bucket{le="0.1",service="svc",step="S2"} 1');
    expect(text).toContain('alert_seconds_bucket{le="0.01",service="svc",step="S2"} 0');
    expect(text).toContain('things_total{outcome="ok",service="svc"} 1');
    expect(text).toContain('timers_pending{service="svc"} 9');
  });
});
