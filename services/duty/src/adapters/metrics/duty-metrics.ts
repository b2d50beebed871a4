import type { Metrics } from '@gov/platform';

/**
 * The duty service's own metrics (ARCHITECTURE §9: escalation latency histograms; spec duty §17):
 * how late each timer acted after it fell due — the first alerts' "due" is the intake itself, so
 * kind=NOTIFY is intake → alert sent — and what the schedulers hold.
 */
export function createDutyMetrics(
  m: Metrics,
  held: { escalationTimers: () => number; obligationTimers: () => number },
) {
  const latency = m.histogram({
    name: 'duty_escalation_latency_seconds',
    help: 'Due time → action of escalation and report-clock timers, by kind (NOTIFY, ACK_TIMEOUT, WARN, DUE)',
    labelNames: ['kind'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  });
  const failures = m.counter({
    name: 'duty_escalation_failures_total',
    help: 'Escalation or report-clock steps that failed and are left to the retry on restart, takeover or sweep',
    labelNames: ['component'] as const,
  });
  m.gauge({
    name: 'duty_escalation_timers_pending',
    help: 'Escalation timers held in memory',
    collect: held.escalationTimers,
  });
  m.gauge({
    name: 'duty_report_clock_timers_pending',
    help: 'Guard and deadline timers of open report obligations held in memory',
    collect: held.obligationTimers,
  });
  return {
    late: (kind: string, lateMs: number) => latency.observe({ kind }, Math.max(0, lateMs) / 1000),
    failed: (component: 'escalation' | 'report-clock') => failures.inc({ component }),
  };
}
