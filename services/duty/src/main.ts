import { dutyV1 } from '@gov/contracts';
import { startServiceRuntime, systemClock } from '@gov/platform';
import { readConfig } from './config';
import { createAcknowledgeIncident } from './app/acknowledge-incident';
import { createDutyLog } from './app/duty-log';
import { createRecordInstruction } from './app/record-instruction';
import { createEscalationEngine } from './app/escalation-engine';
import { createPublishRoster } from './app/publish-roster';
import { createRaiseIncident } from './app/raise-incident';
import { createGetIncident, createGetOnDuty } from './app/read-duty';
import { createObligationClock } from './app/obligation-clock';
import { createUpwardReporting } from './app/upward-reports';
import { createAlertUpgrade } from './app/alert-upgrade';
import { createIncidentClosure } from './app/close-incident';
import { createRepairChronology } from './app/repair-chronology';
import { createGetContactSheet } from './app/read-contact-sheet';
import { createRosterCache } from './app/roster-cache';
import { dutyGrpcHandlers } from './adapters/grpc/duty.grpc';
import { connectAlertPath } from './adapters/mongo/alert-connection';
import { createAlertStore } from './adapters/mongo/alert-store';
import { createDeliveryLedger } from './adapters/mongo/delivery.repository';
import { createDutyLogRepository } from './adapters/mongo/duty-log.repository';
import { wireDesk } from './desk-wiring';
import { wireShifts } from './shifts-wiring';
import { wireRosters } from './rosters-wiring';
import { wireSupervisionVerdicts } from './supervision-wiring';
import { createIncidentModel } from './adapters/mongo/incident.schema';
import { createReplicaLeases } from './adapters/mongo/replica-leases';
import { createRosterRepository } from './adapters/mongo/roster.repository';
import { createConsoleHub } from './adapters/notify/console-hub';
import { createHttpNotifier } from './adapters/notify/http-notifier';
import { createDutyMetrics } from './adapters/metrics/duty-metrics';

/** Composition root of the duty service: config → runtime → stores → roster cache → engine → use cases → servers. */
async function main(): Promise<void> {
  const config = readConfig();
  const rt = await startServiceRuntime(config);
  const clock = systemClock;
  const log = rt.logger.child({ component: 'escalation' });

  const alert = await connectAlertPath({
    url: config.MONGO_URL,
    dbName: config.MONGO_DB,
    nodeEnv: config.NODE_ENV,
    poolSize: config.ALERT_POOL_SIZE,
    logger: rt.logger.child({ component: 'alert-path' }),
  });
  rt.shutdown.add('alert-path mongo', () => alert.close());
  const incidentModel = createIncidentModel(rt.mongo);
  const store = createAlertStore(alert, incidentModel, {
    handoff: config.OUTBOX_NUDGE === 'true' ? rt.handoff : () => undefined,
  });
  // duty desk, public lines, compound security and driver shifts (spec duty §7, §8, §12, §13)
  const desk = wireDesk(rt, clock, { ...config.desk, office: config.shifts });
  // handover, roster swaps and duty violations (spec duty §4.3, §5, §11)
  const shifts = wireShifts(rt, clock, {
    ...config.shiftDuty,
    office: config.shifts,
    cache: { put: (r) => cache.put(r) },
  });
  // roster review and holiday rosters (spec duty §4.2 RS-2, RS-5, §4.3); the cache hears of each publication at once
  const rosterReview = wireRosters(rt, clock, {
    ...config.rosterReview,
    office: config.shifts,
    cache: { put: (r) => cache.put(r) },
  });
  rt.startRelay([incidentModel as never, ...desk.models, ...shifts.models, ...rosterReview.models]);
  const rosters = createRosterRepository(rt.mongo, clock);

  const cache = createRosterCache({ rosters });
  await cache.reload();
  const hub = createConsoleHub();
  const held = {
    escalationTimers: () => 0,
    obligationTimers: () => 0,
    adopt: (_owners: string[]): void => undefined,
  };
  const metrics = createDutyMetrics(rt.metrics, {
    escalationTimers: () => held.escalationTimers(),
    obligationTimers: () => held.obligationTimers(),
  });
  const ledger = createDeliveryLedger(alert, { sentLingerMs: config.DELIVERY_LEDGER_LINGER_MS });
  const notifier = createHttpNotifier({
    smsBaseUrl: config.SMS_GATEWAY_URL,
    timeoutMs: config.SMS_TIMEOUT_MS,
    push: hub.publish,
  });
  const engine = createEscalationEngine({
    store,
    ledger,
    leases: createReplicaLeases(alert),
    notifier,
    directory: (at) => cache.directory(at),
    clock,
    policy: config.escalation,
    probe: {
      // NF-3: timer accuracy ≤ 1 s; the histogram holds every lateness, a log line marks the bad ones
      fired: (kind, lateMs) => {
        metrics.late(kind, lateMs);
        if (lateMs > 1000) log.warn({ kind, lateMs }, 'escalation timer fired late');
      },
      failed: (err, ctx) => {
        metrics.failed('escalation');
        log.error({ err, ...ctx }, 'escalation step failed; it is retried on restart or takeover');
      },
    },
    owner: config.INSTANCE_ID,
    leaseMs: config.LEASE_MS,
    onAdopt: (owners) => held.adopt(owners),
  });
  rt.shutdown.add('escalation engine', () => engine.stop());
  const rearmed = await engine.start();
  log.info({ rearmed, owner: config.INSTANCE_ID }, 'escalation engine started');
  // statutory report clocks: guard alerts and 迟报 records (spec duty §9.5 AK-4, §9.10)
  const obligations = createObligationClock({
    store,
    ledger,
    notifier,
    directory: (at) => cache.directory(at),
    clock,
    policy: config.reporting,
    signing: config.signing,
    owner: config.INSTANCE_ID,
    sweepMs: config.OBLIGATION_SWEEP_MS,
    graceMs: config.OBLIGATION_GRACE_MS,
    failed: (err, ctx) => {
      metrics.failed('report-clock');
      log.error({ err, ...ctx }, 'obligation clock step failed; the sweep retries it');
    },
    fired: (phase, lateMs) => {
      metrics.late(phase, lateMs);
      if (lateMs > 1000) log.warn({ phase, lateMs }, 'obligation timer fired late');
    },
  });
  rt.shutdown.add('obligation clock', () => obligations.stop());
  held.escalationTimers = () => engine.pending;
  held.obligationTimers = () => obligations.pending;
  held.adopt = (owners) =>
    void obligations
      .adopt(owners)
      .catch((err: unknown) => log.error({ err, owners }, 'could not arm adopted report clocks'));
  log.info({ incidents: await obligations.start() }, 'obligation clock started');

  rt.grpc.add(
    dutyV1.DutyServiceService,
    dutyGrpcHandlers({
      raiseIncident: createRaiseIncident({
        store,
        track: (incident, dispatched) => {
          engine.track(incident, dispatched);
          obligations.track(incident);
        },
        ...(config.DISPATCH_BEFORE_INSERT === 'true' ? { dispatch: engine.dispatch } : {}),
        directory: (at) => cache.directory(at),
        clock,
        reporting: config.reporting,
        escalation: config.escalation,
        owner: config.INSTANCE_ID,
      }),
      acknowledgeIncident: createAcknowledgeIncident({
        store,
        cancel: engine.cancel,
        clock,
        recipientsOf: async (id) => (await store.notifications(id)).map((n) => n.recipientId),
      }),
      getIncident: createGetIncident({ store }),
      publishRoster: createPublishRoster({
        rosters,
        cache,
        idempotency: rt.idempotency,
        policy: config.shifts,
        review: rosterReview.review,
      }),
      getOnDuty: createGetOnDuty({ cache, clock }),
      recordInstruction: createRecordInstruction({ store, cancel: engine.cancel, clock, idempotency: rt.idempotency }),
      dutyLog: createDutyLog({ log: createDutyLogRepository(rt.mongo), clock, idempotency: rt.idempotency }),
      reporting: createUpwardReporting({
        store,
        clock,
        idempotency: rt.idempotency,
        policy: config.reporting,
        track: obligations.track,
        directory: (at) => cache.directory(at),
        signing: config.signing,
        alertUpgrade: createAlertUpgrade({
          store,
          engine,
          directory: (at) => cache.directory(at),
          clock,
          policy: config.escalation,
        }),
      }),
      closure: createIncidentClosure({
        store,
        clock,
        idempotency: rt.idempotency,
        policy: config.reporting,
        cancel: engine.cancel,
        track: obligations.track,
      }),
      repairChronology: createRepairChronology({ store, clock, idempotency: rt.idempotency }),
      chronology: (id) => store.chronology(id),
      contactSheet: createGetContactSheet({
        cache,
        clock,
        dayStartMinute: config.shifts.dayStartMinute,
        targets: config.reporting.targets,
      }),
      console: hub,
      receipts: (list) => engine.receipts(list),
    }),
  );
  await rt.serve();
  // supervision's completed/closed items reach transferred calls and instruction follow-ups (spec duty §16.2)
  const verdicts = wireSupervisionVerdicts({ calls: desk.calls, incidents: incidentModel });
  await rt.startConsumer(verdicts.groupId, verdicts.topics, verdicts.handlers);
  setInterval(
    () => void cache.reload().catch((err: unknown) => log.warn({ err }, 'roster reload failed')),
    5000,
  ).unref();
  // also on /metrics as duty_escalation_timers_pending; the benchmark reads this line
  setInterval(() => log.info({ pendingTimers: engine.pending }, 'escalation timers pending'), 5000).unref();
}

main().catch((err: unknown) => {
  // eslint-disable-next-line no-console -- the logger may not exist yet when start-up fails
  console.error(err);
  process.exit(1);
});
