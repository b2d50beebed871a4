// Offline schema checks. Built-in kinds go through kubernetes-models (the Kubernetes OpenAPI
// schemas compiled to validators); the CRD kinds we render get a structural check of our own,
// since their schemas ship with the operators, not with any package we can install.
import * as coreV1 from 'kubernetes-models/v1';
import * as appsV1 from 'kubernetes-models/apps/v1';
import * as autoscalingV2 from 'kubernetes-models/autoscaling/v2';
import * as batchV1 from 'kubernetes-models/batch/v1';
import * as networkingV1 from 'kubernetes-models/networking.k8s.io/v1';
import * as policyV1 from 'kubernetes-models/policy/v1';
import * as schedulingV1 from 'kubernetes-models/scheduling.k8s.io/v1';
import type { K8sObject } from './helm';

type ModelClass = { apiVersion: string; kind: string; new (data: unknown): { validate(): void } };

const models = new Map<string, ModelClass>();
for (const group of [coreV1, appsV1, autoscalingV2, batchV1, networkingV1, policyV1, schedulingV1]) {
  for (const exported of Object.values(group) as unknown[]) {
    if (typeof exported !== 'function') continue; // model classes only
    const cls = exported as unknown as ModelClass;
    if (cls.apiVersion && cls.kind) models.set(`${cls.apiVersion}/${cls.kind}`, cls);
  }
}

/** Returns the problems of one object; an empty list means it is valid. */
export function validateObject(obj: K8sObject): string[] {
  const key = `${obj.apiVersion}/${obj.kind}`;
  const crd = crdChecks[key];
  if (crd) return crd(obj);
  const Model = models.get(key);
  if (!Model) return [`no schema for ${key}: add its kubernetes-models group or a structural check`];
  try {
    new Model(obj).validate();
    return [];
  } catch (err) {
    return [(err as Error).message];
  }
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const duration = /^([0-9]+(ms|s|m|h|d|w|y))+$/;

function need(problems: string[], ok: boolean, what: string) {
  if (!ok) problems.push(what);
}

function metadataProblems(obj: K8sObject): string[] {
  const p: string[] = [];
  need(p, /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/.test(obj.metadata?.name ?? ''), 'metadata.name is not a DNS name');
  return p;
}

const crdChecks: Record<string, (o: K8sObject) => string[]> = {
  // prometheus-operator ServiceMonitor: the fields our template sets, typed as the CRD types them
  'monitoring.coreos.com/v1/ServiceMonitor': (o) => {
    const p = metadataProblems(o);
    need(p, isObj(o.spec?.selector?.matchLabels), 'spec.selector.matchLabels must be a map');
    need(p, Array.isArray(o.spec?.endpoints) && o.spec.endpoints.length > 0, 'spec.endpoints must be a non-empty list');
    for (const ep of o.spec?.endpoints ?? []) {
      need(p, typeof ep.port === 'string' && ep.port.length > 0, 'endpoint.port must name a Service port');
      need(p, typeof ep.path === 'string' && ep.path.startsWith('/'), 'endpoint.path must be an absolute path');
      need(p, duration.test(ep.interval ?? ''), 'endpoint.interval must be a Prometheus duration');
      need(
        p,
        ep.honorLabels === undefined || typeof ep.honorLabels === 'boolean',
        'endpoint.honorLabels must be boolean',
      );
      for (const r of ep.relabelings ?? []) {
        need(
          p,
          Array.isArray(r.sourceLabels) && typeof r.targetLabel === 'string',
          'relabeling needs sourceLabels and targetLabel',
        );
      }
    }
    return p;
  },
  // prometheus-operator PrometheusRule: groups of alerting rules
  'monitoring.coreos.com/v1/PrometheusRule': (o) => {
    const p = metadataProblems(o);
    need(p, Array.isArray(o.spec?.groups) && o.spec.groups.length > 0, 'spec.groups must be a non-empty list');
    for (const g of o.spec?.groups ?? []) {
      need(p, typeof g.name === 'string' && g.name.length > 0, 'group.name is required');
      for (const r of g.rules ?? []) {
        need(p, typeof r.alert === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(r.alert), `bad alert name ${r.alert}`);
        need(p, typeof r.expr === 'string' && r.expr.trim().length > 0, `${r.alert}: expr is required`);
        need(p, r.for === undefined || duration.test(r.for), `${r.alert}: for must be a duration`);
        need(
          p,
          ['critical', 'warning'].includes(r.labels?.severity),
          `${r.alert}: severity must be critical or warning`,
        );
        for (const [k, v] of Object.entries({ ...r.labels, ...r.annotations })) {
          need(p, typeof v === 'string', `${r.alert}: ${k} must be a string`);
        }
      }
    }
    return p;
  },
  // Istio PeerAuthentication
  'security.istio.io/v1/PeerAuthentication': (o) => {
    const p = metadataProblems(o);
    const modes = ['UNSET', 'DISABLE', 'PERMISSIVE', 'STRICT'];
    need(p, isObj(o.spec?.selector?.matchLabels), 'spec.selector.matchLabels must be a map');
    need(p, modes.includes(o.spec?.mtls?.mode), 'spec.mtls.mode must be one of ' + modes.join(', '));
    for (const [port, v] of Object.entries((o.spec?.portLevelMtls ?? {}) as Record<string, { mode?: string }>)) {
      need(p, /^[0-9]+$/.test(port) && Number(port) < 65536, `portLevelMtls key ${port} is not a port number`);
      need(p, modes.includes(v.mode ?? ''), `portLevelMtls.${port}.mode is invalid`);
    }
    return p;
  },
};
