import { loadState, stopLocalInfra } from './infra';

/** Stops what global setup started; servers that were already running (the dev stack) are left alone. */
export default async function globalTeardown(): Promise<void> {
  const state = loadState();
  if (!state.startedHere) return;
  if (state.mode === 'local') stopLocalInfra();
  if (state.mode === 'docker' && state.containers) {
    const { getContainerRuntimeClient } = await import('testcontainers');
    const client = await getContainerRuntimeClient();
    for (const id of state.containers) await client.container.getById(id).remove({ force: true });
  }
}
