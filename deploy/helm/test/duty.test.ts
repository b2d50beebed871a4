// Duty must keep escalating whatever else is down (ARCHITECTURE §7): its own PriorityClass and PDB,
// Guaranteed resources, optional dedicated nodes, and no network dependency on other services.
import { type K8sObject, named, ofKind, prepareCharts, render, services } from './helm';

let dir = '';
let cleanup = () => undefined as void;
const rendered = {} as Record<'dev' | 'prod', K8sObject[]>;

beforeAll(() => {
  ({ dir, cleanup } = prepareCharts());
  rendered.dev = render(dir, 'gov-office', { values: ['values-dev.yaml'] });
  rendered.prod = render(dir, 'gov-office', { values: ['values-prod.yaml'] });
});
afterAll(() => cleanup());

const others = services.filter((s) => s !== 'duty');
const dutyPod = (objs: K8sObject[]) => named(objs, 'Deployment', 'gov-office-duty').spec.template.spec;

/** Platform services a NetworkPolicy peer selects, by name label or by a name In (...) expression. */
function selectedServices(peer: {
  podSelector?: { matchLabels?: Record<string, string>; matchExpressions?: unknown[] };
}) {
  const sel = peer.podSelector;
  if (!sel) return [];
  const byLabel = sel.matchLabels?.['app.kubernetes.io/name'];
  const byExpr = (sel.matchExpressions ?? []) as { key: string; operator: string; values: string[] }[];
  const names = [
    ...(byLabel ? [byLabel] : []),
    ...byExpr.filter((e) => e.key === 'app.kubernetes.io/name' && e.operator === 'In').flatMap((e) => e.values),
  ];
  return names.filter((n) => (services as readonly string[]).includes(n));
}

describe.each(['dev', 'prod'] as const)('duty in the %s install', (v) => {
  it('runs under its own PriorityClass, above ordinary workloads', () => {
    const name = dutyPod(rendered[v]).priorityClassName;
    const pc = named(rendered[v], 'PriorityClass', name);
    expect(name).toBe('gov-office-gov-office-duty');
    expect(pc.value).toBeGreaterThanOrEqual(1000000);
    expect(pc.globalDefault).toBe(false);
    for (const s of others) {
      expect(named(rendered[v], 'Deployment', `gov-office-${s}`).spec.template.spec.priorityClassName).toBeUndefined();
    }
  });

  it('has a PodDisruptionBudget selecting its pods', () => {
    const pdb = named(rendered[v], 'PodDisruptionBudget', 'gov-office-duty');
    expect(pdb.spec.selector.matchLabels).toEqual({
      'app.kubernetes.io/name': 'duty',
      'app.kubernetes.io/instance': 'gov-office',
    });
  });

  it('requests exactly what it is limited to, for the Guaranteed QoS class', () => {
    const { requests, limits } = dutyPod(rendered[v]).containers[0].resources;
    expect(requests).toEqual(limits);
  });

  it('has no NetworkPolicy rule that ties it to another platform service', () => {
    const np = named(rendered[v], 'NetworkPolicy', 'gov-office-duty');
    const egressPeers = (np.spec.egress ?? []).flatMap((r: { to?: unknown[] }) => r.to ?? []);
    expect(egressPeers.flatMap(selectedServices)).toEqual([]);
    const ingressPeers = np.spec.ingress.flatMap((r: { from?: unknown[] }) => r.from ?? []);
    expect(ingressPeers.flatMap(selectedServices)).toEqual(['gateway']);
    const env = named(rendered[v], 'ConfigMap', 'gov-office-duty-env').data;
    expect(Object.keys(env).filter((k) => k.endsWith('_GRPC_ADDR'))).toEqual([]);
  });

  it('runs on any node unless told otherwise', () => {
    expect(dutyPod(rendered[v]).nodeSelector).toBeUndefined();
    expect(dutyPod(rendered[v]).tolerations).toBeUndefined();
  });
});

describe('duty', () => {
  it('can be pinned to dedicated, tainted nodes', () => {
    const objs = render(dir, 'gov-office', {
      extraValues: [
        'duty:',
        '  nodeSelector: { gov-office/pool: duty }',
        '  tolerations: [{ key: gov-office/duty, operator: Exists, effect: NoSchedule }]',
      ].join('\n'),
    });
    const pod = dutyPod(objs);
    expect(pod.nodeSelector).toEqual({ 'gov-office/pool': 'duty' });
    expect(pod.tolerations).toEqual([{ key: 'gov-office/duty', operator: 'Exists', effect: 'NoSchedule' }]);
    expect(named(objs, 'Deployment', 'gov-office-credit').spec.template.spec.nodeSelector).toBeUndefined();
  });

  it('renders on its own with every other service switched off', () => {
    const objs = render(dir, 'gov-office', { set: others.map((s) => `${s}.enabled=false`) });
    expect(ofKind(objs, 'Deployment').map((d) => d.metadata.name)).toEqual(['gov-office-duty']);
  });

  it('keeps two of three pods through a drain in production, one per node', () => {
    expect(named(rendered.prod, 'Deployment', 'gov-office-duty').spec.replicas).toBe(3);
    expect(named(rendered.prod, 'PodDisruptionBudget', 'gov-office-duty').spec.minAvailable).toBe(2);
    expect(dutyPod(rendered.prod).affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution).toHaveLength(
      1,
    );
  });

  it('reads the SMS gateway URL only from a Secret', () => {
    const sms = dutyPod(rendered.prod).containers[0].env.find((e: { name: string }) => e.name === 'SMS_GATEWAY_URL');
    expect(sms.valueFrom.secretKeyRef).toEqual({ name: 'gov-office-duty-sms', key: 'url' });
    const trial = render(dir, 'gov-office', { set: ['duty.notifications.sms.url=https://sms.test/send?key=k'] });
    const secret = named(trial, 'Secret', 'gov-office-duty');
    expect(secret.stringData.SMS_GATEWAY_URL).toBe('https://sms.test/send?key=k');
    expect(named(trial, 'ConfigMap', 'gov-office-duty-env').data.SMS_GATEWAY_URL).toBeUndefined();
  });
});
