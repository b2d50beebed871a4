import { startServiceRuntime } from '@gov/platform';
import { readConfig } from './config';

/**
 * Composition root of the credit service. Skeleton: it serves gRPC health, /healthz, /readyz and /metrics
 * on the kit's runtime; its use cases arrive with the service's own issue.
 */
async function main(): Promise<void> {
  const rt = await startServiceRuntime(readConfig());
  await rt.serve();
}

main().catch((err: unknown) => {
  // eslint-disable-next-line no-console -- the logger may not exist yet when start-up fails
  console.error(err);
  process.exit(1);
});
