// The offline validator must be able to fail, or the manifest tests prove nothing (STYLE §13).
import type { K8sObject } from './helm';
import { validateObject } from './validate';

const deployment = (spec: Record<string, unknown>): K8sObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'x' },
  spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec } },
});

describe(validateObject.name, () => {
  it('accepts a minimal Deployment', () => {
    expect(validateObject(deployment({ containers: [{ name: 'c', image: 'i' }] }))).toEqual([]);
  });

  it('rejects a Deployment without containers', () => {
    expect(validateObject(deployment({}))).not.toEqual([]);
  });

  it('rejects a probe port of the wrong type', () => {
    const probe = { grpc: { port: 'grpc' } };
    expect(validateObject(deployment({ containers: [{ name: 'c', image: 'i', startupProbe: probe }] }))).not.toEqual(
      [],
    );
  });

  it('rejects a kind it has no schema for', () => {
    expect(validateObject({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } })).toEqual([
      expect.stringMatching(/no schema for example\.com\/v1\/Widget/),
    ]);
  });

  it('rejects a PrometheusRule alert without a severity', () => {
    const rule = { alert: 'A', expr: 'up == 0' };
    const obj = {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PrometheusRule',
      metadata: { name: 'r' },
      spec: { groups: [{ name: 'g', rules: [rule] }] },
    };
    expect(validateObject(obj)).toEqual([expect.stringMatching(/severity/)]);
  });
});
