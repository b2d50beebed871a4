/** One scheduled escalation action, in memory; its durable twin is the incident's `timers[key]`. */
export interface HeapEntry {
  at: number;
  incidentId: string;
  key: string;
}

/** Binary min-heap by due time: O(log n) insert and pop, so 10 000 pending timers cost nothing to keep. */
export class TimerHeap {
  private readonly a: HeapEntry[] = [];

  get size(): number {
    return this.a.length;
  }

  peek(): HeapEntry | undefined {
    return this.a[0];
  }

  push(e: HeapEntry): void {
    const a = this.a;
    a.push(e);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p]!.at <= e.at) break;
      a[i] = a[p]!;
      i = p;
    }
    a[i] = e;
  }

  pop(): HeapEntry | undefined {
    const a = this.a;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        let best = last.at;
        if (l < a.length && a[l]!.at < best) {
          m = l;
          best = a[l]!.at;
        }
        if (r < a.length && a[r]!.at < best) m = r;
        if (m === i) break;
        a[i] = a[m]!;
        i = m;
      }
      a[i] = last;
    }
    return top;
  }
}
