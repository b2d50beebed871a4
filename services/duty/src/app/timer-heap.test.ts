import { TimerHeap } from './timer-heap';

describe(TimerHeap.name, () => {
  it('pops timers in due order whatever the insertion order', () => {
    const h = new TimerHeap();
    const ats = Array.from({ length: 500 }, (_, i) => (i * 7919) % 1000);
    for (const at of ats) h.push({ at, incidentId: 'i', key: String(at) });
    const out: number[] = [];
    while (h.size) out.push(h.pop()!.at);
    expect(out).toEqual([...ats].sort((a, b) => a - b));
  });
});
