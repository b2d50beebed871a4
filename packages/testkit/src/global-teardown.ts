import { existsSync, readFileSync, rmSync } from 'node:fs';
import { loadState, stopLocalInfra, testRunLedger } from './infra';
import { removeTestResources } from './test-env';

/** Stops what global setup started; servers that were already running (the dev stack) are left alone. */
export default async function globalTeardown(): Promise<void> {
  const state = loadState();
  if (!state.startedHere) {
    await removeRunLeftovers(state);
    return;
  }
  if (state.mode === 'local') stopLocalInfra();
  if (state.mode === 'docker' && state.containers) {
    const { getContainerRuntimeClient } = await import('testcontainers');
    const client = await getContainerRuntimeClient();
    for (const id of state.containers) await client.container.getById(id).remove({ force: true });
  }
}

/**
 * On servers that outlive the run (the dev stack), deletes the topics and databases this run's test files made.
 * Left in place they pile up: a day of runs left 15,000 partitions, which made the broker take minutes to start,
 * and 480 databases. Other runs' topics and databases are not touched (they may still be running).
 */
async function removeRunLeftovers(state: { kafkaBrokers: string; mongoUrl: string }): Promise<void> {
  const ledger = testRunLedger();
  if (!ledger || !existsSync(ledger)) return;
  const made = readFileSync(ledger, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { topicPrefix: string; dbName: string });
  try {
    await removeTestResources(state, made);
    rmSync(ledger, { force: true });
  } catch (e) {
    // a failed clean-up must not fail a green run; what is left is named in the ledger for the next look
    process.stderr.write(`test teardown: could not remove this run's topics and databases: ${String(e)}\n`);
  }
}
