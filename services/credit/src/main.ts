import { creditV1, topics } from '@gov/contracts';
import {
  connectMongo,
  createOutboxRelay,
  startServiceRuntime,
  systemClock,
  type OutboxRelay,
  createPeriodicJob,
} from '@gov/platform';
import { systemActor } from '@gov/platform/auth';
import { readConfig } from './config';
import { creditGrpcHandlers } from './adapters/grpc/credit.grpc';
import { bankEventHandlers } from './adapters/kafka/bank-events.consumer';
import { insurerEventHandlers } from './adapters/kafka/insurer-events.consumer';
import { wireCredit } from './wiring';

// import chunks hold ~1000 events each; a few per pass keep each Kafka batch at a few thousand messages
const IMPORT_RELAY_BATCH = 4;

/** Composition root of the credit service: config → runtime → repositories/use cases → gRPC → bank and insurer consumers. */
async function main(): Promise<void> {
  const config = readConfig();
  const rt = await startServiceRuntime(config);
  const relays: { imports?: OutboxRelay } = {};
  // the batch import inserts on its own insert-only pool (the main connection is one socket on FerretDB)
  const importMongo =
    config.IMPORT_POOL_SIZE > 0
      ? await connectMongo({
          url: config.MONGO_URL,
          dbName: config.MONGO_DB,
          nodeEnv: config.NODE_ENV,
          logger: rt.logger,
          insertOnlyPool: config.IMPORT_POOL_SIZE,
        })
      : undefined;
  if (importMongo) rt.shutdown.add('import mongo', () => importMongo.close());
  const credit = wireCredit({
    mongo: rt.mongo,
    idempotency: rt.idempotency,
    clock: systemClock,
    handoff: rt.handoff,
    importNudge: () => relays.imports?.nudge(),
    importHandoff: (model, h) => relays.imports?.handoff(model, h),
    importMongo,
    importChunksInFlight: config.IMPORT_CHUNKS_IN_FLIGHT,
    piiKey: config.PII_KEY,
    partnerPii: config.partnerPii,
    ratingPolicyVersion: config.RATING_POLICY_VERSION,
    aaaPlusIncludes100: config.AAA_PLUS_INCLUDES_100,
    lending: config.lending,
    riskFundCapitalApprovedBy: config.RISK_FUND_CAPITAL_APPROVED_BY,
  });
  // the fund's opening capital is its ledger's first entry (R13.3); once, however often the service starts
  await credit.riskFund.seedInitialCapital(systemActor);
  rt.startRelay(credit.models as never[]);
  const importRelay = createOutboxRelay({
    models: credit.importModels as never[],
    publisher: rt.publisher,
    logger: rt.logger,
    metrics: rt.metrics,
    pollMs: config.OUTBOX_POLL_MS,
    batchSize: IMPORT_RELAY_BATCH,
  });
  importRelay.start();
  relays.imports = importRelay;
  rt.shutdown.add('import relay', () => importRelay.stop());
  rt.grpc.add(creditV1.CreditServiceService, creditGrpcHandlers(credit));
  await rt.serve();
  await rt.startConsumer('credit.bank-events', [topics.creditBankEvents], bankEventHandlers(credit.bankEvents));
  // a consumer of its own: each topic's handlers know only its producer's types (§19.3, write ACL per topic)
  await rt.startConsumer(
    'credit.insurer-events',
    [topics.creditInsurerEvents],
    insurerEventHandlers(credit.insurerEvents),
  );
  // the service's own jobs; each is idempotent, so a failed pass is simply retried by the next one
  const job = (name: string, everyMs: number, pass: () => Promise<unknown>) => {
    const j = createPeriodicJob(pass, (err) =>
      rt.logger.error({ err, job: name }, `${name} failed; retried on the next pass`),
    );
    j.start(everyMs);
    rt.shutdown.add(name, () => j.stop());
    return () => void j.tick();
  };
  // notices close themselves at their end (spec credit §5.2): certificates and the bank's list follow
  job('notice close sweep', config.NOTICE_CLOSE_SWEEP_MS, () => credit.notices.closeDue(systemActor));
  // R15.4: village collection tasks that fell due go to the township station while the loan is in arrears
  job('overdue task sweep', config.OVERDUE_TASK_SWEEP_MS, () => credit.overdueTasks.escalateDue(systemActor));
  // §13.4: the first pass after a month end takes that month's NPL snapshots; later passes find them done
  job('npl snapshot job', config.NPL_SNAPSHOT_SWEEP_MS, () => credit.nplSnapshots.takeLatest(systemActor))();
  // §9.3: certificates past their validity expire; live ones whose annual review has come are flagged
  job('certificate expiry and review job', config.CERTIFICATE_EXPIRY_SWEEP_MS, async () => {
    await credit.expireCertificates(systemActor);
    await credit.flagReviewsDue(systemActor);
  })();
}

main().catch((err: unknown) => {
  // eslint-disable-next-line no-console -- the logger may not exist yet when start-up fails
  console.error(err);
  process.exit(1);
});
