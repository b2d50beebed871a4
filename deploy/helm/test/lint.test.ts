// helm lint --strict on every chart and the guard rails around values: every value documented,
// typos rejected by the schemas, the six service schemas kept in step, impossible setups refused.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, parseDocument, type YAMLMap } from 'yaml';
import { charts, helm, helmRoot, prepareCharts, render, services } from './helm';

let dir = '';
let cleanup = () => undefined as void;
beforeAll(() => ({ dir, cleanup } = prepareCharts()));
afterAll(() => cleanup());

describe('helm lint --strict', () => {
  it.each(charts)('passes for the %s chart', (chart) => {
    expect(helm(['lint', '--strict', join(dir, chart)])).toMatch(/0 chart\(s\) failed/);
  });

  it.each(['values-dev.yaml', 'values-prod.yaml'])('passes for the umbrella with %s', (file) => {
    const chart = join(dir, 'gov-office');
    expect(helm(['lint', '--strict', chart, '--values', join(chart, file)])).toMatch(/0 chart\(s\) failed/);
  });
});

describe('chart metadata', () => {
  // versions move with every change (STYLE §15), so only their form is checked here
  it.each(charts)('%s has a semantic version and ships a values schema', (chart) => {
    expect(readFileSync(join(helmRoot, chart, 'Chart.yaml'), 'utf8')).toMatch(/^version: \d+\.\d+\.\d+$/m);
    const schema = JSON.parse(readFileSync(join(helmRoot, chart, 'values.schema.json'), 'utf8'));
    expect(schema.additionalProperties).toBe(false);
  });

  it('keeps the settings the six service schemas share identical', () => {
    const common = (s: string) => {
      const props = JSON.parse(readFileSync(join(helmRoot, s, 'values.schema.json'), 'utf8')).properties;
      const { priorityClass: _p, notifications: _n, upstreams: _u, ingress: _i, networkPolicy: _np, ...rest } = props;
      return rest;
    };
    for (const s of services) expect({ [s]: common(s) }).toEqual({ [s]: common('document') });
  });
});

// Settings that hold data rather than options: their keys are names chosen by the operator.
const freeForm = new Set([
  'resources',
  'labels',
  'annotations',
  'config',
  'env',
  'nodeSelector',
  'podLabels',
  'podAnnotations',
]);

// A leaf (scalar, list or flow map) needs a comment; a block map is documented by its children.
function undocumented(map: YAMLMap, path: string, out: string[]) {
  map.items.forEach((pair, i) => {
    const key = isScalar(pair.key) ? String(pair.key.value) : '?';
    if (isMap(pair.value) && !pair.value.flow && !freeForm.has(key)) {
      undocumented(pair.value, `${path}${key}.`, out);
      return;
    }
    const before = (pair.key as { commentBefore?: string }).commentBefore || (i === 0 && map.commentBefore);
    const inline = (pair.value as { comment?: string } | null)?.comment;
    if (!before && !inline) out.push(path + key);
  });
}

describe('values documentation', () => {
  const files = [
    ...services.map((s) => `${s}/values.yaml`),
    'gov-office/values.yaml',
    'gov-office/values-dev.yaml',
    'gov-office/values-prod.yaml',
  ];
  it.each(files)('%s has a comment on every value', (file) => {
    const doc = parseDocument(readFileSync(join(helmRoot, file), 'utf8'));
    const missing: string[] = [];
    if (isMap(doc.contents)) undocumented(doc.contents, '', missing);
    expect(missing).toEqual([]);
  });
});

describe('values schemas', () => {
  it('rejects a misspelt service setting', () => {
    expect(() => render(dir, 'gov-office', { set: ['duty.replicaCont=2'] })).toThrow(/replicaCont/);
  });

  it('rejects a misspelt global setting', () => {
    expect(() => render(dir, 'gov-office', { set: ['global.kafka.broker=x:9092'] })).toThrow(/broker/);
  });

  it('rejects a gRPC dependency from duty on another service', () => {
    expect(() => render(dir, 'gov-office', { set: ['duty.networkPolicy.grpcServers={document}'] })).toThrow(
      /grpcServers/,
    );
  });

  it('rejects an unknown TLS mode', () => {
    expect(() => render(dir, 'gov-office', { set: ['global.tls.mode=maybe'] })).toThrow(/mode/);
  });
});

describe('umbrella validation', () => {
  it('refuses to install without a Kafka', () => {
    expect(() => render(dir, 'gov-office', { set: ['global.kafka.brokers='] })).toThrow(
      /global\.kafka\.brokers is empty/,
    );
  });

  it('refuses to install without a MongoDB', () => {
    expect(() => render(dir, 'gov-office', { set: ['global.mongo.existingSecret='] })).toThrow(/no MongoDB/);
  });

  it('refuses a trial broker while brokers point elsewhere', () => {
    expect(() => render(dir, 'gov-office', { set: ['inCluster.kafka.enabled=true'] })).toThrow(/points elsewhere/);
  });
});
