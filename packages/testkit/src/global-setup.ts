import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { portOpen, repoRoot, saveState, startLocalInfra, type InfraState } from './infra';
import { startContainers } from './containers';

/**
 * Starts real Kafka and a real Mongo-wire server once per test run (ARCHITECTURE §10).
 * TEST_INFRA=local (default without Docker): the local Kafka jar and FerretDB from .tools/, started by
 * scripts/infra/up.sh, reused when already running. TEST_INFRA=docker, or auto with a Docker engine that
 * answers: testcontainers. Either way the tests see only KAFKA_BROKERS and MONGO_URL. Never skipped.
 */
export default async function globalSetup(): Promise<void> {
  mkdirSync(join(repoRoot, '.run'), { recursive: true });
  const wanted = process.env.TEST_INFRA ?? 'auto';
  const kafka = process.env.KAFKA_BROKERS ?? '127.0.0.1:19092';
  const mongo = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27027';
  let state: InfraState;
  if (wanted === 'docker' || (wanted === 'auto' && (await dockerAnswers()))) {
    state = await startContainers();
  } else {
    const already = (await portOpen(kafka)) && (await portOpen(mongo));
    startLocalInfra();
    state = {
      mode: 'local',
      kafkaBrokers: kafka,
      mongoUrl: mongo,
      startedHere: !already && process.env.KEEP_INFRA !== '1',
    };
  }
  // names this run, so that its teardown removes only what its own test files created
  process.env.GOV_TEST_RUN = `${Date.now()}-${randomBytes(3).toString('hex')}`;
  process.env.KAFKA_BROKERS = state.kafkaBrokers;
  process.env.MONGO_URL = state.mongoUrl;
  saveState(state);
}

async function dockerAnswers(): Promise<boolean> {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}
