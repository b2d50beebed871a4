// What values-prod.yaml promises: redundancy, spreading, mutual TLS between services, secrets only
// by reference, restricted egress and monitoring.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { appOf, helmRoot, type K8sObject, named, ofKind, prepareCharts, render, services } from './helm';

let prod: K8sObject[] = [];
let cleanup = () => undefined as void;
beforeAll(() => {
  const prepared = prepareCharts();
  cleanup = prepared.cleanup;
  prod = render(prepared.dir, 'gov-office', { values: ['values-prod.yaml'] });
});
afterAll(() => cleanup());

const deployments = () => ofKind(prod, 'Deployment');
const prodValues = () => parse(readFileSync(join(helmRoot, 'gov-office/values-prod.yaml'), 'utf8'));

describe('the prod install', () => {
  it('never runs fewer than two pods of a service', () => {
    for (const d of deployments()) {
      const hpa = ofKind(prod, 'HorizontalPodAutoscaler').find((h) => h.spec.scaleTargetRef.name === d.metadata.name);
      const floor = hpa ? hpa.spec.minReplicas : d.spec.replicas;
      expect({ service: appOf(d), floor: floor >= 2 }).toEqual({ service: appOf(d), floor: true });
      if (hpa) expect(d.spec.replicas).toBeUndefined();
    }
  });

  it('spreads the pods of each service over nodes', () => {
    for (const d of deployments()) {
      const anti = d.spec.template.spec.affinity?.podAntiAffinity;
      const terms = [
        ...(anti?.requiredDuringSchedulingIgnoredDuringExecution ?? []),
        ...(anti?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map(
          (t: { podAffinityTerm: unknown }) => t.podAffinityTerm,
        ),
      ];
      expect(terms.length).toBeGreaterThan(0);
      for (const t of terms) {
        expect(t.topologyKey).toBe('kubernetes.io/hostname');
        expect(t.labelSelector.matchLabels['app.kubernetes.io/name']).toBe(appOf(d));
      }
    }
  });

  it('keeps a PodDisruptionBudget for every service', () => {
    expect(ofKind(prod, 'PodDisruptionBudget').map(appOf).sort()).toEqual([...services].sort());
  });

  it('encrypts traffic between services with STRICT mutual TLS, leaving only scrape and edge ports open', () => {
    for (const d of deployments()) {
      expect(d.spec.template.metadata.labels['sidecar.istio.io/inject']).toBe('true');
      const pa = named(prod, 'PeerAuthentication', d.metadata.name);
      expect(pa.spec.selector.matchLabels).toEqual(d.spec.selector.matchLabels);
      expect(pa.spec.mtls.mode).toBe('STRICT');
      const permissive = Object.keys(pa.spec.portLevelMtls).map(Number).sort();
      expect(permissive).toEqual(appOf(d) === 'gateway' ? [8080, 9100] : [9100]);
    }
  });

  it('renders no Secret and refers only to Secrets the operators created', () => {
    expect(ofKind(prod, 'Secret')).toEqual([]);
    const v = prodValues();
    const declared = new Set([
      v.global.mongo.existingSecret,
      v.duty.notifications.sms.existingSecret,
      v.topics.clientConfigSecret,
      v.gateway.ingress.tlsSecretName,
      ...v.global.image.pullSecrets,
    ]);
    const referenced = new Set<string>();
    for (const d of [...deployments(), ...ofKind(prod, 'Job')]) {
      const spec = d.spec.template.spec;
      for (const c of spec.containers) {
        for (const e of c.env ?? []) {
          if (e.valueFrom?.secretKeyRef) referenced.add(e.valueFrom.secretKeyRef.name);
          else
            expect({ name: e.name, inline: /URL|PASSWORD|TOKEN|SECRET|KEY/.test(e.name) }).toEqual({
              name: e.name,
              inline: false,
            });
        }
      }
      for (const vol of spec.volumes ?? []) if (vol.secret) referenced.add(vol.secret.secretName);
      for (const s of spec.imagePullSecrets ?? []) referenced.add(s.name);
    }
    for (const i of ofKind(prod, 'Ingress')) for (const t of i.spec.tls ?? []) referenced.add(t.secretName);
    expect([...referenced].sort()).toEqual([...declared].sort());
  });

  it('keeps connection strings with credentials out of ConfigMaps', () => {
    for (const cm of ofKind(prod, 'ConfigMap')) {
      for (const [k, val] of Object.entries(cm.data ?? {})) {
        expect({ key: k, creds: /:\/\/[^/@\s]+:[^/@\s]+@/.test(String(val)) }).toEqual({ key: k, creds: false });
        expect(['MONGO_URL', 'SMS_GATEWAY_URL']).not.toContain(k);
      }
    }
  });

  it('restricts egress of every service and scrapes each with a ServiceMonitor', () => {
    for (const np of ofKind(prod, 'NetworkPolicy')) expect(np.spec.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(ofKind(prod, 'NetworkPolicy').map(appOf).sort()).toEqual([...services].sort());
    expect(ofKind(prod, 'ServiceMonitor').map(appOf).sort()).toEqual([...services].sort());
    named(prod, 'PrometheusRule', 'gov-office-alerts');
  });

  it('lets only the gateway call the gRPC services', () => {
    for (const np of ofKind(prod, 'NetworkPolicy').filter((n) => appOf(n) !== 'gateway')) {
      const grpc = np.spec.ingress.find((r: { ports: { port: string }[] }) => r.ports[0]?.port === 'grpc');
      expect(grpc.from[0].podSelector.matchExpressions[0].values).toEqual(['gateway']);
    }
  });

  it('creates topics with three copies before the services start', () => {
    const job = named(prod, 'Job', 'gov-office-topics');
    expect(job.metadata.annotations['helm.sh/hook']).toBe('pre-install,pre-upgrade');
    expect(job.spec.template.spec.containers[0].args[0]).toMatch(/--replication-factor 3 /);
  });
});
