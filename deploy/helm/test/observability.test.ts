// Dashboards, alerts and runbooks agree with each other and with the metrics the services export;
// the topic Job mirrors the topic list in packages/contracts.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { helmRoot, type K8sObject, named, ofKind, prepareCharts, render, repoRoot } from './helm';

let prod: K8sObject[] = [];
let cleanup = () => undefined as void;
beforeAll(() => {
  const prepared = prepareCharts();
  cleanup = prepared.cleanup;
  prod = render(prepared.dir, 'gov-office', { values: ['values-prod.yaml'] });
});
afterAll(() => cleanup());

// ARCHITECTURE §9 and the platform kit's metrics.ts; histograms appear with their suffixes.
const exported = [
  'grpc_server_handled_total',
  'grpc_server_handling_seconds',
  'http_requests_total',
  'http_request_duration_seconds',
  'outbox_backlog',
  'kafka_consumer_lag',
  'duty_escalation_latency_seconds',
  'duty_deadline_breaches_total',
  'supervision_deadline_breaches_total',
  'events_parked_total',
];
const known = new Set(['up', ...exported.flatMap((m) => [m, `${m}_bucket`, `${m}_count`, `${m}_sum`])]);
/** Metric names in a PromQL expression: identifiers directly followed by a selector or a range. */
const metricsIn = (expr: string) => [...expr.matchAll(/([a-z_:][a-z0-9_:]*)\s*[{[]/g)].map((m) => m[1]!);

function balanced(expr: string): boolean {
  const stack: string[] = [];
  const pairs: Record<string, string> = { ')': '(', '}': '{', ']': '[' };
  for (const ch of expr.replace(/"[^"]*"/g, '""')) {
    if ('({['.includes(ch)) stack.push(ch);
    else if (ch in pairs && stack.pop() !== pairs[ch]) return false;
  }
  return stack.length === 0;
}

const dashboardDir = join(helmRoot, 'gov-office/dashboards');
const dashboardFiles = readdirSync(dashboardDir).filter((f) => f.endsWith('.json'));
type Panel = { type: string; title: string; targets?: { expr: string }[]; datasource?: { uid: string } };
const panelsOf = (file: string): Panel[] => JSON.parse(readFileSync(join(dashboardDir, file), 'utf8')).panels;

describe('Grafana dashboards', () => {
  it.each(dashboardFiles)('%s queries only metrics the services export, through the chosen data source', (file) => {
    const queries = panelsOf(file).filter((p) => p.type !== 'row');
    expect(queries.length).toBeGreaterThan(0);
    for (const p of queries) {
      expect(p.datasource?.uid).toBe('${datasource}');
      for (const t of p.targets ?? []) {
        expect({ panel: p.title, ok: balanced(t.expr) }).toEqual({ panel: p.title, ok: true });
        for (const m of metricsIn(t.expr))
          expect({ panel: p.title, metric: m, known: known.has(m) }).toMatchObject({ known: true });
      }
    }
  });

  it('covers RED per service, consumer lag, outbox backlog, escalation latency and deadline breaches', () => {
    const used = new Set(
      dashboardFiles.flatMap((f) => panelsOf(f).flatMap((p) => (p.targets ?? []).flatMap((t) => metricsIn(t.expr)))),
    );
    for (const m of exported) expect([...used].some((u) => u === m || u.startsWith(`${m}_`))).toBe(true);
  });

  it('ships each dashboard as a ConfigMap the Grafana sidecar picks up', () => {
    const uids = dashboardFiles.map((f) => JSON.parse(readFileSync(join(dashboardDir, f), 'utf8')).uid);
    expect(new Set(uids).size).toBe(uids.length);
    for (const f of dashboardFiles) {
      const cm = named(prod, 'ConfigMap', `gov-office-dashboard-${f.replace(/\.json$/, '')}`);
      expect(cm.metadata.labels.grafana_dashboard).toBe('1');
      expect(JSON.parse(cm.data[f])).toEqual(JSON.parse(readFileSync(join(dashboardDir, f), 'utf8')));
    }
  });
});

describe('PrometheusRule alerts', () => {
  const rules = () =>
    named(prod, 'PrometheusRule', 'gov-office-alerts').spec.groups.flatMap(
      (g: { rules: { alert: string; expr: string; annotations: Record<string, string> }[] }) => g.rules,
    ) as { alert: string; expr: string; annotations: Record<string, string> }[];
  const kebab = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
  const runbookDir = join(repoRoot, 'docs/runbooks');

  it('query only metrics the services export, with balanced expressions scoped to the release namespace', () => {
    for (const r of rules()) {
      expect({ alert: r.alert, balanced: balanced(r.expr) }).toEqual({ alert: r.alert, balanced: true });
      for (const m of metricsIn(r.expr))
        expect({ alert: r.alert, metric: m, known: known.has(m) }).toMatchObject({ known: true });
      expect(r.expr).toContain('namespace="gov-office"');
    }
  });

  it('each link a runbook that exists, one runbook per alert', () => {
    const alerts = rules().map((r) => r.alert);
    expect(new Set(alerts).size).toBe(alerts.length);
    for (const r of rules()) {
      const file = `${kebab(r.alert)}.md`;
      expect(r.annotations.runbook_url).toMatch(new RegExp(`/docs/runbooks/${file}$`));
      expect({ file, exists: existsSync(join(runbookDir, file)) }).toEqual({ file, exists: true });
      expect(readFileSync(join(runbookDir, file), 'utf8')).toMatch(new RegExp(`^# ${r.alert}\\n`));
    }
    const pages = readdirSync(runbookDir).filter((f) => f.endsWith('.md') && f !== 'README.md');
    expect(pages.sort()).toEqual(alerts.map((a) => `${kebab(a)}.md`).sort());
  });

  it('page on duty escalation latency and duty deadlines', () => {
    const critical = named(prod, 'PrometheusRule', 'gov-office-alerts')
      .spec.groups.flatMap((g: { rules: { alert: string; labels: { severity: string } }[] }) => g.rules)
      .filter((r: { labels: { severity: string } }) => r.labels.severity === 'critical')
      .map((r: { alert: string }) => r.alert);
    expect(critical).toEqual(
      expect.arrayContaining(['GovDutyUnavailable', 'GovDutyEscalationSlow', 'GovDutyDeadlineBreached']),
    );
  });
});

describe('topics', () => {
  const contractsFile = ['packages/contracts/src/topics.json', 'packages/contracts/topics.json']
    .map((f) => join(repoRoot, f))
    .find((f) => existsSync(f));

  it('mirror packages/contracts topics.json in the umbrella values', () => {
    expect(contractsFile).toBeDefined();
    const contracts = JSON.parse(readFileSync(contractsFile!, 'utf8')).topics.map(
      (t: { name: string; partitions: number; retentionMs: number }) => ({
        name: t.name,
        partitions: t.partitions,
        retentionMs: t.retentionMs,
      }),
    );
    const values = parse(readFileSync(join(helmRoot, 'gov-office/values.yaml'), 'utf8'));
    expect(values.topics.items).toEqual(contracts);
  });

  it('are each created by the hook Job with their partitions and retention', () => {
    const script: string = named(prod, 'Job', 'gov-office-topics').spec.template.spec.containers[0].args[0];
    const values = parse(readFileSync(join(helmRoot, 'gov-office/values.yaml'), 'utf8'));
    for (const t of values.topics.items) {
      expect(script).toContain(`--create --if-not-exists --topic "${t.name}"`);
      expect(script).toMatch(
        new RegExp(
          `--topic "${t.name}" \\\\\\n\\s+--partitions ${t.partitions} .*--config retention\\.ms=${t.retentionMs}`,
        ),
      );
    }
    expect(ofKind(prod, 'Job')[0]?.spec.template.spec.containers[0].image).toBe('apache/kafka:3.9.2');
  });
});
