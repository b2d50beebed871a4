import type { Connection } from 'mongoose';
import { connectMongo, systemClock } from '@gov/platform';
import type { Actor } from '@gov/platform/auth';
import { testLogger, type TestEnv } from '@gov/testkit';
import { createAcknowledgeIncident } from '../src/app/acknowledge-incident';
import { createEscalationEngine } from '../src/app/escalation-engine';
import { createRaiseIncident } from '../src/app/raise-incident';
import { createRosterCache } from '../src/app/roster-cache';
import { connectAlertPath } from '../src/adapters/mongo/alert-connection';
import { createAlertStore } from '../src/adapters/mongo/alert-store';
import { createDeliveryLedger } from '../src/adapters/mongo/delivery.repository';
import { createIncidentModel } from '../src/adapters/mongo/incident.schema';
import { createReplicaLeases } from '../src/adapters/mongo/replica-leases';
import { createRosterRepository } from '../src/adapters/mongo/roster.repository';
import { createConsoleHub } from '../src/adapters/notify/console-hub';
import { createHttpNotifier } from '../src/adapters/notify/http-notifier';
import type { EscalationPolicy } from '../src/domain/escalation-policy';
import { defaultReportingPolicy } from '../src/domain/reporting-policy';
import type { Contact, Roster } from '../src/domain/roster';

export const officer: Actor = {
  userId: 'o1',
  name: '值班员',
  orgUnitId: 'duty-room',
  roles: ['DUTY_OFFICER'],
  clearance: 'SECRET',
};

/** Short acknowledgement budgets so escalation happens within a test. */
export const fastPolicy: EscalationPolicy = {
  majorS2AckSec: 0.6,
  majorS3AckSec: 0.9,
  otherS2AckSec: 0.6,
  otherS3AckSec: 0.9,
  repeats: 1,
};

const contact = (personId: string, o: Partial<Contact> = {}): Contact => ({
  personId,
  name: personId,
  phone: `1390000${personId.length}`,
  away: false,
  ...o,
});

/** A roster around now with leaders on 24-hour duty and the standing roles of the chains. */
export function rosterAroundNow(): Roster {
  const start = new Date(Date.now() - 3600_000);
  const end = new Date(Date.now() + 23 * 3600_000);
  return {
    id: 'ros-now',
    version: 1,
    periodStart: start,
    periodEnd: end,
    shifts: [
      { type: 'OFFICE_LEADER_24H', startsAt: start, endsAt: end, personId: 'l1' },
      { type: 'GOV_LEADER_24H', startsAt: start, endsAt: end, personId: 'g1' },
      { type: 'OFFICE_DAY', startsAt: start, endsAt: end, personId: 'o1' },
    ],
    contacts: [
      contact('l1'),
      contact('g1'),
      contact('o1'),
      contact('dep', { standingRole: 'OFFICE_DEPUTY' }),
      contact('dir', { standingRole: 'OFFICE_DIRECTOR' }),
      contact('act', { standingRole: 'OFFICE_ACTING_DIRECTOR' }),
      contact('head', { standingRole: 'GOV_PRINCIPAL' }),
      contact('exec', { standingRole: 'GOV_EXEC_DEPUTY' }),
    ],
  };
}

/** One duty "replica" in the test process: its own connection, engine and use cases on the shared store. */
export async function startReplica(
  env: TestEnv,
  opts: {
    owner: string;
    smsUrl: string;
    leaseMs?: number;
    renewMs?: number;
    policy?: EscalationPolicy;
    start?: boolean;
    dispatchBeforeInsert?: boolean;
    /** The roster to publish instead of rosterAroundNow() (e.g. with someone marked away). */
    roster?: Roster;
  },
) {
  const conn: Connection = await connectMongo({
    url: env.mongoUrl,
    dbName: env.dbName,
    nodeEnv: 'test',
    logger: testLogger(),
  });
  const alert = await connectAlertPath({
    url: env.mongoUrl,
    dbName: env.dbName,
    nodeEnv: 'test',
    poolSize: 4,
    logger: testLogger(),
  });
  const store = createAlertStore(alert, createIncidentModel(conn), { handoff: () => undefined });
  const rosters = createRosterRepository(conn, systemClock);
  const cache = createRosterCache({ rosters });
  await rosters.save(opts.roster ?? rosterAroundNow());
  await cache.reload();
  const hub = createConsoleHub();
  const leaseMs = opts.leaseMs ?? 1500;
  const policy = opts.policy ?? fastPolicy;
  const failures: unknown[] = [];
  const engine = createEscalationEngine({
    store,
    ledger: createDeliveryLedger(alert),
    leases: createReplicaLeases(alert),
    notifier: createHttpNotifier({ smsBaseUrl: opts.smsUrl, timeoutMs: 2000, push: hub.publish }),
    directory: (at) => cache.directory(at),
    clock: systemClock,
    policy,
    probe: { fired: () => {}, failed: (err) => failures.push(err) },
    owner: opts.owner,
    leaseMs,
  });
  if (opts.start !== false) await engine.start(opts.renewMs);
  const raise = createRaiseIncident({
    store,
    track: engine.track,
    // as main.ts does by default (ADR 0004); `dispatchBeforeInsert: false` tests the insert-first order
    ...(opts.dispatchBeforeInsert === false ? {} : { dispatch: engine.dispatch }),
    directory: (at) => cache.directory(at),
    clock: systemClock,
    reporting: defaultReportingPolicy,
    escalation: policy,
    owner: opts.owner,
  });
  const ack = createAcknowledgeIncident({
    store,
    cancel: engine.cancel,
    clock: systemClock,
    recipientsOf: async (id) => (await store.notifications(id)).map((n) => n.recipientId),
  });
  return {
    conn,
    store,
    engine,
    rosters,
    cache,
    hub,
    raise,
    ack,
    failures,
    async stop() {
      await engine.stop();
      await conn.close();
      await alert.close();
    },
  };
}

export const intake = (key: string, o: Record<string, unknown> = {}) => ({
  idempotencyKey: key,
  input: {
    title: '某化工厂燃气爆炸',
    category: 'ACCIDENT' as const,
    severity: 'II' as const,
    occurredAt: new Date(Date.now() - 60_000),
    sourceChannel: 'PHONE',
    sourceUnitId: 'town-1',
    location: '北街',
    description: '',
    classified: false,
    ...o,
  },
});

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
