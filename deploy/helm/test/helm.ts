// Runs the real helm binary against a private copy of deploy/helm, so parallel test files never
// race on the charts/ folders that `helm dependency build` writes, and the working tree stays clean.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';

export const repoRoot = resolve(__dirname, '../../..');
export const helmRoot = join(repoRoot, 'deploy/helm');
export const services = ['document', 'supervision', 'duty', 'credit', 'finance', 'gateway'] as const;
export type ServiceName = (typeof services)[number];
export const charts = ['library', ...services, 'gov-office'];

/** Parsed YAML: tests walk it freely, and kubernetes-models checks its shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;
/** A rendered Kubernetes object. */
export type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; [k: string]: Loose };
  [k: string]: Loose;
};

export function helmBinary(): string {
  const bin = process.env.HELM_BIN ?? join(repoRoot, '.tools/bin/helm');
  if (!existsSync(bin)) {
    throw new Error(`helm is missing at ${bin}. Build it with: bash scripts/infra/tools.sh helm`);
  }
  return bin;
}

export function helm(args: string[], cwd?: string): string {
  try {
    return execFileSync(helmBinary(), args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    const e = err as { stderr?: string; stdout?: string; message: string };
    throw new Error(`helm ${args.join(' ')} failed:\n${e.stderr || e.stdout || e.message}`, { cause: err });
  }
}

/** Copies the charts to a temp dir and builds their local dependencies (library first, umbrella last). */
export function prepareCharts(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'gov-helm-'));
  cpSync(helmRoot, dir, {
    recursive: true,
    filter: (src) => !/\/(charts(\/|$)|Chart\.lock$)/.test(src.slice(helmRoot.length)),
  });
  for (const chart of [...services, 'gov-office']) helm(['dependency', 'build', '--skip-refresh', join(dir, chart)]);
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface RenderOptions {
  values?: string[]; // values files, relative to the chart or absolute
  set?: string[];
  extraValues?: string; // YAML written to a temp file and passed last
  namespace?: string;
}

/** `helm template` of a chart, parsed into objects (hooks included, empty documents dropped). */
export function render(dir: string, chart: string, opts: RenderOptions = {}): K8sObject[] {
  const chartDir = join(dir, chart);
  const args = ['template', 'gov-office', chartDir, '--namespace', opts.namespace ?? 'gov-office'];
  for (const f of opts.values ?? []) args.push('--values', resolve(chartDir, f));
  for (const s of opts.set ?? []) args.push('--set', s);
  if (opts.extraValues) {
    const file = join(dir, `extra-${Date.now()}-${Math.random().toString(36).slice(2)}.yaml`);
    writeFileSync(file, opts.extraValues);
    args.push('--values', file);
  }
  return parseManifests(helm(args));
}

export function parseManifests(text: string): K8sObject[] {
  return parseAllDocuments(text).flatMap((doc) => {
    if (doc.errors.length > 0) throw new Error(`invalid YAML from helm: ${doc.errors[0]?.message}`);
    const obj = doc.toJS() as K8sObject | null;
    return obj ? [obj] : [];
  });
}

export const ofKind = (objs: K8sObject[], kind: string) => objs.filter((o) => o.kind === kind);
export const named = (objs: K8sObject[], kind: string, name: string) => {
  const found = objs.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`no ${kind} named ${name} in the rendered output`);
  return found;
};
export const appOf = (o: K8sObject): string => o.metadata.labels?.['app.kubernetes.io/name'] ?? '';

/** Pod specs of every workload (Deployments, StatefulSets, Jobs), with the owner for messages. */
export function podSpecs(objs: K8sObject[]) {
  return objs
    .filter((o) => ['Deployment', 'StatefulSet', 'Job'].includes(o.kind))
    .map((o) => ({ owner: `${o.kind}/${o.metadata.name}`, app: appOf(o), spec: o.spec.template.spec }));
}
