import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(__dirname, '../../..');
const stateFile = join(repoRoot, '.run', 'test-infra.json');

/** How the tests reach Kafka and the Mongo-wire server, shared by global setup, teardown and tests. */
export interface InfraState {
  mode: 'local' | 'docker' | 'external';
  kafkaBrokers: string;
  mongoUrl: string;
  /** true when this run started the servers and so must stop them */
  startedHere: boolean;
  containers?: string[];
}

export function portOpen(hostPort: string, timeoutMs = 500): Promise<boolean> {
  const [host, port] = hostPort
    .replace(/^mongodb:\/\//, '')
    .split('/')[0]!
    .split(':');
  return new Promise((res) => {
    const s = connect({ host: host ?? '127.0.0.1', port: Number(port) }, () => {
      s.destroy();
      res(true);
    });
    s.setTimeout(timeoutMs, () => {
      s.destroy();
      res(false);
    });
    s.on('error', () => res(false));
  });
}

/** Starts (or reuses) the local Kafka and FerretDB with the same script the README's up command uses. */
export function startLocalInfra(env: NodeJS.ProcessEnv = process.env): void {
  execFileSync('bash', [join(repoRoot, 'scripts/infra/up.sh')], { stdio: ['ignore', 'ignore', 'inherit'], env });
}

export function stopLocalInfra(env: NodeJS.ProcessEnv = process.env): void {
  execFileSync('bash', [join(repoRoot, 'scripts/infra/down.sh')], { stdio: ['ignore', 'ignore', 'inherit'], env });
}

export function saveState(s: InfraState): void {
  writeFileSync(stateFile, JSON.stringify(s));
}

export function loadState(): InfraState {
  if (!existsSync(stateFile))
    throw new Error('test infrastructure not started: run the tests through jest (globalSetup)');
  return JSON.parse(readFileSync(stateFile, 'utf8')) as InfraState;
}

/**
 * Where this jest run lists the topic prefixes and databases its test files create (one JSON line each), or
 * undefined outside a jest run (the benchmarks). Global setup names the run; the workers inherit its environment.
 */
export function testRunLedger(): string | undefined {
  const run = process.env.GOV_TEST_RUN;
  return run ? join(repoRoot, '.run', 'test-envs', `${run}.jsonl`) : undefined;
}
