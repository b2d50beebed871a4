// Duty alert-path benchmark (issue 3): emergency reports through the gateway at a steady rate, three
// recipients per step, measuring intake → first SMS at the simulator and escalation-timer lateness while
// 10 000+ timers are pending; the same alerts through Prometheus Alertmanager to the same simulator.
// Run with `npm run bench:duty` (builds first); writes bench/results/duty.json.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { loadavg, setPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { dutyV1 } from '@gov/contracts';
import { callMetadata, createClient, unaryCall } from '@gov/platform';
import {
  createDevKeys,
  createTestTopics,
  freePort,
  removeTestResources,
  repoRoot,
  startService,
  testEnv,
  waitReady,
} from '@gov/testkit';
import { startSmsSimulator, type SimulatedMessage } from './sms-simulator.ts';

const RATE = Number(process.env.BENCH_RATE ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 40);
const AM_SECONDS = Number(process.env.BENCH_AM_SECONDS ?? 15);
/**
 * Seconds of the same load before each measured phase, ours and Alertmanager's alike, not counted: the first
 * second of a cold process (JIT, connection pools, the gRPC channel, the producer's metadata) stalled for up to
 * half a second, and at 100 reports/s that one second alone decided the p99.
 */
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const DEFER_OUTBOX = process.env.BENCH_DEFER_OUTBOX === 'true';
/** ADR 0004: the first alerts leave while the insert is on the way (the service's default). */
const DISPATCH_BEFORE_INSERT = process.env.BENCH_DISPATCH_BEFORE_INSERT !== 'false';
/**
 * CPU priority of the alert path — duty, the gateway, Alertmanager, the SMS provider and this process (the load)
 * — over the broker and the store, as a nice value (BENCH_ALERT_NICE, e.g. -10; needs root, else recorded as not
 * applied). In production the duty pods have their own PriorityClass and Guaranteed CPU and the store and broker
 * run elsewhere; here all of them share two cores. Both alert paths get the same priority. Default 0: one
 * priority for everything, as the committed results before it were measured.
 */
const ALERT_NICE = Number(process.env.BENCH_ALERT_NICE ?? 0);
/**
 * Where the SMS provider runs: `process` (default), a process of its own, as a real provider is another system;
 * `inline`, in this process, which also generates the load — its stalls then delay the arrival stamps.
 */
const SIM_MODE = process.env.BENCH_SIM === 'inline' ? 'inline' : 'process';
let priorityApplied = ALERT_NICE === 0;
function raisePriority(pid: number | undefined): void {
  if (ALERT_NICE === 0 || pid === undefined) return;
  try {
    setPriority(pid, ALERT_NICE);
    priorityApplied = true;
  } catch {
    priorityApplied = false;
  }
}
/** S2 budget: long enough that no timer fires while intake is measured. */
const S2_SEC = SECONDS + WARMUP_SECONDS + 10;
const now = () => performance.timeOrigin + performance.now();
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? Number(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!.toFixed(1)) : null;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (...a: unknown[]) => process.stderr.write(a.map(String).join(' ') + '\n');

/** Requests that failed (for intake: no answer within the gateway's 5 s deadline, or an error status). */
let failures = 0;

/** Fires `fn` RATE times a second for `seconds`, on schedule (not waiting for answers). */
async function steady(seconds: number, fn: (i: number) => Promise<void>): Promise<void> {
  const start = now();
  const total = Math.round(RATE * seconds);
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / RATE;
    const wait = due - now();
    if (wait > 1) await sleep(wait);
    inflight.push(
      fn(i).catch((e: unknown) => {
        failures++;
        log('request failed:', (e as Error).message);
      }),
    );
  }
  await Promise.all(inflight);
}

/** p50/p95/p99 upper bounds (ms) of the duty service's own NOTIFY latency histogram, from its /metrics. */
async function notifyPercentiles(
  url: string,
): Promise<{ p50: number; p95: number; p99: number; count: number } | null> {
  const text = await (await fetch(url)).text();
  const buckets = [...text.matchAll(/duty_escalation_latency_seconds_bucket\{([^}]*)\} (\d+)/g)]
    .filter((m) => m[1]!.includes('kind="NOTIFY"'))
    .map((m) => ({ le: Number(/le="([^"]+)"/.exec(m[1]!)![1]), n: Number(m[2]) }))
    .sort((a, b) => a.le - b.le);
  const count = buckets.at(-1)?.n ?? 0;
  if (!count) return null;
  const at = (p: number) => (buckets.find((b) => b.n >= (p / 100) * count)?.le ?? Infinity) * 1000;
  return { p50: at(50), p95: at(95), p99: at(99), count };
}

/** Garbage collection and CPU of the duty process during intake, from prom-client's default metrics. */
async function runtimeStats(url: string): Promise<Record<string, number>> {
  const text = await (await fetch(url)).text();
  const gc = [...text.matchAll(/^nodejs_gc_duration_seconds_(sum|count)\{([^}]*)\} ([0-9.e+-]+)$/gm)];
  const total = (what: string) => gc.filter((m) => m[1] === what).reduce((a, m) => a + Number(m[3]), 0);
  const cpu = Number(/^process_cpu_seconds_total(?:\{[^}]*\})? ([0-9.e+-]+)$/m.exec(text)?.[1] ?? NaN);
  return {
    gc_seconds_total: Math.round(total('sum') * 1000) / 1000,
    gc_count: total('count'),
    cpu_seconds_total: Math.round(cpu * 10) / 10,
  };
}

/** The simulated provider, here or in a child process; `snapshot` reads what it has accepted so far. */
async function startProvider(): Promise<{
  url: string;
  pid?: number;
  snapshot(): Promise<{ messages: SimulatedMessage[]; resends: number }>;
  stop(): Promise<void>;
}> {
  if (SIM_MODE === 'inline') {
    const sim = await startSmsSimulator();
    return {
      url: sim.url,
      snapshot: () => Promise.resolve({ messages: sim.messages, resends: sim.resends }),
      stop: () => sim.stop(),
    };
  }
  const child = spawn(
    process.execPath,
    ['--disable-warning=MODULE_TYPELESS_PACKAGE_JSON', join(repoRoot, 'bench/duty/sms-simulator-process.ts')],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0]!.trim());
    });
    child.once('exit', (code) => reject(new Error(`the SMS simulator exited with ${code}`)));
  });
  return {
    url,
    pid: child.pid,
    snapshot: async () =>
      (await (await fetch(`${url}/messages`)).json()) as { messages: SimulatedMessage[]; resends: number },
    stop: () =>
      new Promise<void>((r) => {
        if (child.exitCode !== null) return r();
        child.once('exit', () => r());
        child.kill('SIGTERM');
      }),
  };
}

async function main(): Promise<void> {
  const env = testEnv('bench-duty');
  await createTestTopics(env);
  const dir = mkdtempSync(join(tmpdir(), 'bench-duty-'));
  log(`work dir ${dir}`);
  const keys = await createDevKeys();
  writeFileSync(join(dir, 'jwks.json'), JSON.stringify(keys.jwks));
  const sms = await startProvider();
  const ports = {
    grpc: await freePort(),
    dutyAdmin: await freePort(),
    http: await freePort(),
    gwAdmin: await freePort(),
  };
  const common = {
    JWKS_FILE: join(dir, 'jwks.json'),
    JWT_ISSUER: keys.issuer,
    JWT_AUDIENCE: keys.audience,
    // warnings and errors only, like the gateway below: this process reads the services' output
    LOG_LEVEL: 'warn',
  };
  const duty = startService(
    'duty',
    env.serviceEnv({
      ...common,
      GRPC_PORT: String(ports.grpc),
      ADMIN_PORT: String(ports.dutyAdmin),
      SMS_GATEWAY_URL: sms.url,
      INSTANCE_ID: 'duty-bench',
      // phase 1 (intake) fires no timers; in phase 2 the S2 acknowledgement timers of every incident fall due,
      // at the intake rate, while the S3 ones (10 minutes) stay pending: timer lateness is measured there
      ACK_MAJOR_S2_SEC: String(S2_SEC),
      ACK_MAJOR_S3_SEC: '600',
      // the simulator sends no delivery receipts: the AK-2 voice fallback stays out of the measured phases
      VOICE_FALLBACK_SEC: String(S2_SEC + SECONDS + 60),
      // the production default publishes every event while the run goes on; BENCH_DEFER_OUTBOX=true defers
      // the relay instead (the earlier runs did, because FerretDB v1 updates were costly)
      ...(DEFER_OUTBOX ? { OUTBOX_NUDGE: 'false', OUTBOX_POLL_MS: '600000' } : {}),
      DISPATCH_BEFORE_INSERT: String(DISPATCH_BEFORE_INSERT),
      ...(process.env.BENCH_DUTY_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_DUTY_NODE_OPTIONS } : {}),
      ...(JSON.parse(process.env.BENCH_DUTY_ENV_JSON ?? '{}') as Record<string, string>),
    }),
  );
  await waitReady(`http://127.0.0.1:${ports.dutyAdmin}/readyz`, duty);
  raisePriority(process.pid);
  raisePriority(sms.pid);
  raisePriority(duty.child.pid);
  const gateway = startService(
    'gateway',
    env.serviceEnv({
      ...common,
      LOG_LEVEL: 'warn',
      HTTP_PORT: String(ports.http),
      ADMIN_PORT: String(ports.gwAdmin),
      DOCUMENT_GRPC_ADDR: '127.0.0.1:1',
      SUPERVISION_GRPC_ADDR: '127.0.0.1:1',
      DUTY_GRPC_ADDR: `127.0.0.1:${ports.grpc}`,
      RATE_LIMIT_PER_MINUTE: '1000000',
      RATE_LIMIT_BURST: '100000',
      ...(process.env.BENCH_GATEWAY_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_GATEWAY_NODE_OPTIONS } : {}),
    }),
  );
  await waitReady(`http://127.0.0.1:${ports.gwAdmin}/readyz`, gateway);
  raisePriority(gateway.child.pid);

  const officer = await keys.sign({
    sub: 'o1',
    name: 'bench',
    org: 'duty-room',
    roles: ['DUTY_OFFICER'],
    clearance: 'SECRET',
  });
  const manager = await keys.sign({
    sub: 'm1',
    name: 'bench',
    org: 'duty-room',
    roles: ['DUTY_ROOM_MANAGER'],
    clearance: 'SECRET',
  });
  const start = new Date(Date.now() - 3600_000);
  const end = new Date(Date.now() + 23 * 3600_000);
  const client = createClient(dutyV1.DutyServiceClient, `127.0.0.1:${ports.grpc}`);
  const T = dutyV1.ShiftType;
  const person = (personId: string, standingRole = '') => ({
    personId,
    name: personId,
    phone: '1390000' + personId,
    standingRole,
    away: false,
    substituteId: '',
  });
  await unaryCall(
    client.publishRoster.bind(client),
    {
      idempotencyKey: 'bench-roster',
      periodStart: start.toISOString(),
      periodEnd: end.toISOString(),
      shifts: [
        { type: T.SHIFT_TYPE_OFFICE_DAY, personId: 'o1' },
        { type: T.SHIFT_TYPE_OFFICE_LEADER_24H, personId: 'l1' },
        { type: T.SHIFT_TYPE_GOV_LEADER_24H, personId: 'g1' },
      ].map((s) => ({ ...s, startsAt: start.toISOString(), endsAt: end.toISOString() })),
      contacts: [
        person('o1'),
        person('l1'),
        person('g1'),
        person('dir', 'OFFICE_DIRECTOR'),
        person('head', 'GOV_PRINCIPAL'),
      ],
    },
    callMetadata({ authorization: `Bearer ${manager}` }),
    5000,
  );
  client.close();

  // ours: POST /v1/duty/incidents at RATE/s; t0 just before the request leaves
  const sentAt = new Map<string, number>();
  const idOf = new Map<string, string>();
  let pendingTimers = 0;
  // the timers held, from the service's gauge (scanning its whole log every second would stall this process,
  // which also plays the SMS provider, and show up as alert latency)
  // and, per second, the longest event-loop stall of the duty process and of the gateway (prom-client's
  // monitorEventLoopDelay, reset at each scrape): tells a stalled process from a slow store
  // this process too: it is the load and the SMS provider, and a stall here delays both alert paths' clocks
  const loopLag: Record<'duty' | 'gateway' | 'bench', number[]> = { duty: [], gateway: [], bench: [] };
  const ownLag = monitorEventLoopDelay({ resolution: 5 });
  ownLag.enable();
  const lagOf = (t: string) =>
    Math.round(Number(/^nodejs_eventloop_lag_max_seconds(?:\{[^}]*\})? ([0-9.e+-]+)$/m.exec(t)?.[1] ?? 0) * 1000);
  const watch = setInterval(() => {
    loopLag.bench.push(Math.round(ownLag.max / 1e6));
    ownLag.reset();
    void fetch(`http://127.0.0.1:${ports.dutyAdmin}/metrics`)
      .then((r) => r.text())
      .then((t) => {
        const m = /duty_escalation_timers_pending\{[^}]*\} (\d+)/.exec(t);
        if (m) pendingTimers = Math.max(pendingTimers, Number(m[1]));
        loopLag.duty.push(lagOf(t));
      })
      .catch(() => undefined);
    void fetch(`http://127.0.0.1:${ports.gwAdmin}/metrics`)
      .then((r) => r.text())
      .then((t) => loopLag.gateway.push(lagOf(t)))
      .catch(() => undefined);
  }, 1000);
  const intake = async (key: string, i: number, measured: boolean) => {
    const t0 = now();
    const res = await fetch(`http://127.0.0.1:${ports.http}/v1/duty/incidents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${officer}`, 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify({
        title: `演练 ${i}`,
        category: 'ACCIDENT',
        severity: 'II',
        occurredAt: new Date().toISOString(),
      }),
    });
    const body = (await res.json()) as { id?: string };
    if (res.status !== 201 || !body.id) throw new Error(`intake answered ${res.status}`);
    if (!measured) return;
    sentAt.set(body.id, t0);
    idOf.set(key, body.id);
  };
  if (WARMUP_SECONDS > 0) {
    log(`duty: warm-up, ${RATE}/s for ${WARMUP_SECONDS}s (not counted)`);
    await steady(WARMUP_SECONDS, (i) => intake(`warm-${i}`, i, false));
    for (const lags of Object.values(loopLag)) lags.length = 0;
  }
  log(`duty: ${RATE}/s for ${SECONDS}s through the gateway`);
  const loadAtStart = loadavg()[0];
  const firstIntake = now();
  await steady(SECONDS, (i) => intake(`bench-${i}`, i, true));
  const intakeFailures = failures;
  const intakeDone = now();
  // let the first alerts drain: "lost" must mean never delivered, not still queued
  for (let quiet = 0, last = -1; quiet < 3 && now() - intakeDone < 30_000; await sleep(1000)) {
    const n = (await sms.snapshot()).messages.length;
    quiet = n === last ? quiet + 1 : 0;
    last = n;
  }
  const serverNotifyPercentiles = await notifyPercentiles(`http://127.0.0.1:${ports.dutyAdmin}/metrics`);
  const dutyRuntime = await runtimeStats(`http://127.0.0.1:${ports.dutyAdmin}/metrics`);
  log(`duty: phase 2, waiting for ${sentAt.size} S2 acknowledgement timers to fall due`);
  const phase2End = firstIntake + (S2_SEC + SECONDS + 8) * 1000;
  while (now() < phase2End) await sleep(1000);
  clearInterval(watch);

  const accepted = await sms.snapshot();
  const byIncident = new Map<string, SimulatedMessage[]>();
  for (const m of accepted.messages) byIncident.set(m.incidentId, [...(byIncident.get(m.incidentId) ?? []), m]);
  const first: number[] = [];
  /** Per second of the run, the slowest first delivery: shows whether the tail is spread or bunched. */
  const worstBySecond: number[] = [];
  for (const [id, t0] of sentAt) {
    const ms = (byIncident.get(id) ?? []).filter((m) => m.messageId.includes('|S2|') || m.messageId.includes('|S3|'));
    if (!ms.length) continue;
    const d = Math.min(...ms.map((m) => m.receivedAt)) - t0;
    first.push(d);
    const sec = Math.floor((t0 - firstIntake) / 1000);
    worstBySecond[sec] = Math.max(worstBySecond[sec] ?? 0, Math.round(d));
  }
  // lost: over every intake the service took in (answered, or alerted although the answer timed out — the
  // incident id derives from caller and key), the first-step alerts that never reached the simulator
  let lost = 0;
  let notTakenIn = 0;
  const total = Math.round(RATE * SECONDS);
  for (let i = 0; i < total; i++) {
    const id = 'inc-' + createHash('sha256').update(`o1:bench-${i}`).digest('hex').slice(0, 24);
    const n = (byIncident.get(id) ?? []).filter((m) => /\|S[23]\|/.test(m.messageId)).length;
    if (n === 0 && !sentAt.has(id))
      notTakenIn++; // no answer and no alert: the client would retry it
    else lost += 3 - Math.min(3, n);
  }
  // the measured incidents' timers only; the warm-up's fall due first and warm the timer path
  const late = accepted.messages
    .filter((m) => sentAt.has(m.incidentId))
    .filter((m) => m.dueAt && (m.messageId.includes('|ESCALATION|') || m.messageId.includes('|REPEAT|')))
    .map((m) => m.receivedAt - Date.parse(m.dueAt!));
  log(`duty: ${first.length} incidents, first delivery p99 ${pct(first, 99)} ms, ${late.length} timers fired`);

  // Alertmanager: the same alerts, three recipients each, group_wait 0, webhook to the same simulator
  let alertmanagerP99: number | null = null;
  let alertmanagerP50: number | null = null;
  const amBin = join(repoRoot, '.tools/bin/alertmanager');
  if (existsSync(amBin)) {
    const amPort = await freePort();
    const cfg = join(dir, 'am.yml');
    writeFileSync(
      cfg,
      [
        'route:',
        '  receiver: sim',
        "  group_by: ['incident']",
        '  group_wait: 0s',
        '  group_interval: 1s',
        '  repeat_interval: 1h',
        'receivers:',
        '  - name: sim',
        '    webhook_configs:',
        `      - url: ${sms.url}/alertmanager`,
        '        send_resolved: false',
        '',
      ].join('\n'),
    );
    const am: ChildProcess = spawn(
      amBin,
      [
        `--config.file=${cfg}`,
        `--storage.path=${join(dir, 'am-data')}`,
        `--web.listen-address=127.0.0.1:${amPort}`,
        '--cluster.listen-address=',
      ],
      { stdio: 'ignore' },
    );
    await waitReady(`http://127.0.0.1:${amPort}/-/ready`, undefined, 30000);
    raisePriority(am.pid);
    const amSent = new Map<string, number>();
    const alert = async (incident: string, i: number, measured: boolean) => {
      const t0 = now();
      if (measured) amSent.set(incident, t0);
      const alerts = ['l1', 'dir', 'g1'].map((recipient) => ({
        labels: { alertname: 'DutyIncident', incident, recipient, severity: 'II' },
        annotations: { summary: `演练 ${i}` },
        startsAt: new Date().toISOString(),
      }));
      const res = await fetch(`http://127.0.0.1:${amPort}/api/v2/alerts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(alerts),
      });
      if (!res.ok) throw new Error(`alertmanager answered ${res.status}`);
      await res.arrayBuffer();
    };
    if (WARMUP_SECONDS > 0) await steady(WARMUP_SECONDS, (i) => alert(`am-warm-${i}`, i, false));
    log(`alertmanager: ${RATE}/s for ${AM_SECONDS}s`);
    await steady(AM_SECONDS, (i) => alert(`am-${i}`, i, true));
    await sleep(3000);
    const amMessages = (await sms.snapshot()).messages.filter((m) => m.channel === 'alertmanager');
    const amFirst: number[] = [];
    for (const [incident, t0] of amSent) {
      const got = amMessages.filter((m) => m.channel === 'alertmanager' && m.incidentId === incident);
      if (got.length) amFirst.push(Math.min(...got.map((m) => m.receivedAt)) - t0);
    }
    alertmanagerP99 = pct(amFirst, 99);
    alertmanagerP50 = pct(amFirst, 50);
    log(`alertmanager: ${amFirst.length}/${amSent.size} delivered, p99 ${alertmanagerP99} ms`);
    am.kill('SIGTERM');
  } else log('alertmanager: not built (bash scripts/infra/tools.sh alertmanager); skipped');

  // inside the duty service: intake received → first alert handed to the channel (the NOTIFY histogram also holds
  // the phase-2 REPEAT/ESCALATION sends, so it is read before phase 2 in the bucket counts below)

  const result = {
    rate: RATE,
    seconds: SECONDS,
    incidents: sentAt.size,
    // intake calls that got no 201 in time; the service may still have taken them in (lost counts deliveries)
    intake_failed_requests: intakeFailures,
    intakes_never_alerted: notTakenIn,
    recipients_per_step: 3,
    p50_ms: pct(first, 50),
    p95_ms: pct(first, 95),
    p99_ms: pct(first, 99),
    alertmanager_p50_ms: alertmanagerP50,
    alertmanager_p99_ms: alertmanagerP99,
    timer_late_p50_ms: pct(late, 50),
    timer_late_p99_ms: pct(late, 99),
    timers_fired: late.length,
    pending_timers: pendingTimers,
    server_intake_to_send_ms: serverNotifyPercentiles,
    duty_runtime_after_intake: dutyRuntime,
    worst_first_delivery_ms_by_second: Array.from(worstBySecond, (x) => x ?? 0),
    duty_eventloop_lag_max_ms_by_second: loopLag.duty,
    gateway_eventloop_lag_max_ms_by_second: loopLag.gateway,
    bench_eventloop_lag_max_ms_by_second: loopLag.bench,
    duplicates: (await sms.snapshot()).resends,
    sms_provider: SIM_MODE === 'process' ? 'own process' : 'in the load process',
    lost,
    store: `FerretDB v1.24 (${process.env.FERRETDB_BACKEND ?? 'postgresql'} backend) + Kafka 3.9, one 2-core machine`,
    // the machine is shared: other builds and tests running at the same time move these numbers a lot
    load_avg_1m_at_start: Number(loadAtStart?.toFixed(2) ?? 0),
    warmup_seconds: WARMUP_SECONDS,
    alert_path_nice: priorityApplied ? ALERT_NICE : 0,
    dispatch_before_insert: DISPATCH_BEFORE_INSERT,
    outbox_relay: DEFER_OUTBOX ? 'deferred' : 'publishing during the run',
    notes:
      'ours: gateway → gRPC → in-process dispatch of the first alerts together with the one insert (ADR 0004; ' +
      'the 201 waits for the insert), first alert timed at the simulator; events published by the outbox relay ' +
      'during the run unless outbox_relay says deferred. Alertmanager keeps alerts in memory only. Timer ' +
      'lateness: S2 acknowledgement timers (one per incident) falling due after intake ends, with the S3 timers ' +
      'pending; each such step also writes its incident.escalated event and audit entry.',
    measured_at: new Date().toISOString(),
  };
  writeFileSync(join(repoRoot, 'bench/results/duty.json'), JSON.stringify(result, null, 2) + '\n');
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  await gateway.stop(60_000);
  if (process.env.BENCH_DEBUG) writeFileSync(join(dir, 'duty.log'), duty.output());
  // a profiled process (BENCH_*_NODE_OPTIONS=--cpu-prof) writes its profile on the way out
  await duty.stop(60_000);
  await sms.stop();
  // the run's topics and database go with it (BENCH_KEEP_DATA=true keeps them to look into): left on the dev
  // broker and store, every run's 4,500 incidents and copies of every topic slowed the runs after it
  if (process.env.BENCH_KEEP_DATA !== 'true')
    await removeTestResources({ kafkaBrokers: env.kafkaBrokers.join(','), mongoUrl: env.mongoUrl }, [env]);
}

main().catch((e: unknown) => {
  process.stderr.write(String((e as Error).stack ?? e) + '\n');
  process.exit(1);
});
