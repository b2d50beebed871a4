import { guardText, signReminderText } from '../domain/alert-message';
import type { Clock } from '../domain/clock';
import { resolveSlot, type DutyDirectory } from '../domain/escalation-ladder';
import type { Incident, Obligation } from '../domain/incident';
import type { ReportingPolicy } from '../domain/reporting-policy';
import { breachObligation, warnObligation } from '../domain/upward-reporting';
import { pendingSignSteps, signStepTimedOut, type SigningPolicy } from '../domain/written-report';
import type { AlertStore, DeliveryLedger, Notifier, ReportingStore } from './ports';
import { TimerHeap } from './timer-heap';

type Phase = 'WARN' | 'DUE' | 'SIGN';

const system = {
  userId: 'system:obligation-clock',
  name: 'obligation clock',
  orgUnitId: '',
  roles: [],
  clearance: 'PUBLIC' as const,
};

/**
 * The statutory report clocks at work (spec duty §9.5 AK-4, §9.10): every open obligation has a guard time
 * and a deadline held in an in-memory heap. At the guard time an obligation still PENDING turns WARNING
 * and a CRITICAL alert goes to the duty officers, the office leader on duty and the office director; at
 * the deadline it turns BREACHED (迟报) with a violation candidate. Alerts are claimed in the delivery ledger
 * under a key per obligation and person, then sent, then the state is written, so a crash in between
 * re-sends under the same message id rather than losing the alert. A sweep picks up what no local timer
 * holds (incidents of a replica that died, or missed while this one was down): NF-3.
 */
export function createObligationClock(d: {
  store: ReportingStore & Pick<AlertStore, 'getIncident'>;
  ledger: DeliveryLedger;
  notifier: Notifier;
  directory: (at: Date) => DutyDirectory;
  clock: Clock;
  policy: ReportingPolicy;
  /** WR-1 budgets of the signing chain. */
  signing?: SigningPolicy;
  owner: string;
  sweepMs: number;
  /** A sweep leaves alone what a live replica's own timer should have handled this recently. */
  graceMs: number;
  failed: (err: unknown, context: Record<string, unknown>) => void;
  fired?: (phase: Phase, lateMs: number) => void;
}) {
  const heap = new TimerHeap();
  const armedKeys = new Set<string>();
  const lanes = new Map<string, Promise<void>>();
  let armed: { at: number; handle: NodeJS.Timeout } | undefined;
  let sweepHandle: NodeJS.Timeout | undefined;
  let stopped = false;

  function arm(): void {
    const next = heap.peek();
    if (!next || stopped) return;
    if (armed && armed.at <= next.at) return;
    if (armed) clearTimeout(armed.handle);
    armed = { at: next.at, handle: setTimeout(tick, Math.max(0, next.at - Date.now())) };
  }

  function tick(): void {
    armed = undefined;
    const now = Date.now();
    while (heap.size && heap.peek()!.at <= now) {
      const e = heap.pop()!;
      armedKeys.delete(`${e.incidentId}|${e.key}`);
      const [obligationId, phase] = splitKey(e.key);
      enqueue(e.incidentId, () => fire(e.incidentId, obligationId, phase, e.at));
    }
    arm();
  }

  const splitKey = (key: string): [string, Phase] => {
    const i = key.lastIndexOf('|');
    return [key.slice(0, i), key.slice(i + 1) as Phase];
  };

  function enqueue(incidentId: string, job: () => Promise<void>): void {
    const prev = lanes.get(incidentId) ?? Promise.resolve();
    const run = prev
      .then(job)
      .catch((err: unknown) => d.failed(err, { incidentId, during: 'obligation timer' }))
      .finally(() => {
        if (lanes.get(incidentId) === run) lanes.delete(incidentId);
      });
    lanes.set(incidentId, run);
  }

  /** Arms one timer once; `id` names what it acts on (an obligation, or a draft's signing step and timeout). */
  function push(incidentId: string, id: string, phase: Phase, at: Date): void {
    const key = `${id}|${phase}`;
    if (armedKeys.has(`${incidentId}|${key}`)) return;
    armedKeys.add(`${incidentId}|${key}`);
    heap.push({ at: at.getTime(), incidentId, key });
  }

  function track(incident: Incident): void {
    // a voided incident keeps running only its corrections' clocks: everything else was waived or withdrawn
    if (incident.status === 'RESOLVED' || incident.status === 'CLOSED') return;
    for (const o of incident.obligations) {
      if (o.status === 'PENDING') push(incident.id, o.id, 'WARN', o.warnAt);
      if (o.status === 'PENDING' || o.status === 'WARNING') push(incident.id, o.id, 'DUE', o.dueAt);
    }
    // WR-1: the current approver of each written report in review; the key names the timeout it acts on
    for (const s of pendingSignSteps(incident)) {
      const t = incident.drafts?.find((x) => x.id === s.draftId)?.chain[s.stepIndex]?.timeouts ?? 0;
      push(incident.id, `${s.draftId}:${s.stepIndex}:${t}`, 'SIGN', s.dueAt);
    }
    arm();
  }

  /** WR-1: call the silent approver again and tell their substitute (or, later, the next level), then record it. */
  async function signTimeout(incidentId: string, key: string): Promise<void> {
    const [draftId, step] = key.split(':');
    const stepIndex = Number(step);
    const current = await d.store.getIncident(incidentId);
    if (!current) return;
    const now = d.clock.now();
    const dir = d.directory(now);
    const change = signStepTimedOut(current, draftId!, stepIndex, now, dir, d.signing);
    if (!change) return;
    await alertPeople(incidentId, {
      step: `SIGN:${draftId}:${stepIndex}`,
      attempt: change.timeouts,
      people: change.alert,
      text: signReminderText(current),
      dueAt: now,
    });
    const r = await d.store.applyReporting(
      incidentId,
      (i) => {
        const again = signStepTimedOut(i, draftId!, stepIndex, now, dir, d.signing);
        return again ? { incident: again.incident, changed: [], created: [], violations: [] } : null;
      },
      {
        action: 'written-report.approver-timeout',
        actor: system,
        role: 'SYSTEM',
        details: { draftId, stepIndex, timeouts: change.timeouts, alerted: change.alert },
      },
      now,
    );
    if (r) track(r.incident);
  }

  function guardRecipients(now: Date): string[] {
    const dir = d.directory(now);
    const director = resolveSlot('OFFICE_DIRECTOR', dir)?.personId;
    return [
      ...new Set([...(dir.officersOnDuty ?? []), dir.officeLeaderOnDuty, director].filter((x): x is string => !!x)),
    ];
  }

  /**
   * Alerts people by SMS and push once per (step, attempt): claimed in the delivery ledger first, then sent under
   * message ids that repeat on a re-send after a crash, so the provider drops the copy.
   */
  async function alertPeople(
    incidentId: string,
    a: { step: string; attempt: number; people: string[]; text: string; dueAt: Date },
  ): Promise<void> {
    if (!a.people.length) return;
    const now = d.clock.now();
    await d.ledger.claim(
      a.people.map((recipientId) => ({ incidentId, step: a.step, recipientId, attempt: a.attempt })),
      { owner: d.owner, at: now, channels: a.people.map(() => ['SMS', 'PUSH']), sent: false },
    );
    const dir = d.directory(now);
    await Promise.all(
      a.people.flatMap((personId) =>
        (['SMS', 'PUSH'] as const).map((channel) =>
          d.notifier.send({
            messageId: `${incidentId}|${a.step}|${personId}|${a.attempt}|${channel}`,
            incidentId,
            channel,
            to: dir.contact(personId) ?? { personId, name: personId, phone: '', away: false },
            text: a.text,
            dueAt: a.dueAt,
          }),
        ),
      ),
    );
  }

  function guardAlert(incident: Incident, o: Obligation): Promise<void> {
    const targetName = d.policy.targets.find((t) => t.id === o.targetId)?.name ?? o.targetId;
    return alertPeople(incident.id, {
      step: `GUARD:${o.id}`,
      attempt: 1,
      people: guardRecipients(d.clock.now()),
      text: guardText(incident, { targetName, mode: o.mode, dueAt: o.dueAt }),
      dueAt: o.warnAt,
    });
  }

  async function fire(incidentId: string, obligationId: string, phase: Phase, dueMs: number): Promise<void> {
    if (stopped) return;
    const now = d.clock.now();
    if (phase === 'SIGN') await signTimeout(incidentId, obligationId);
    else if (phase === 'WARN') {
      // alert first, state after: a crash between the two re-fires the guard, whose alerts are already claimed
      const current = await d.store.getIncident(incidentId);
      const o = current?.obligations.find((x) => x.id === obligationId);
      if (!current || o?.status !== 'PENDING') return;
      await guardAlert(current, o);
      await d.store.applyReporting(
        incidentId,
        (i) => warnObligation(i, obligationId, now),
        { action: 'report.warning', actor: system, role: 'SYSTEM', details: { obligationId } },
        now,
      );
    } else {
      await d.store.applyReporting(
        incidentId,
        (i) => breachObligation(i, obligationId, now),
        { action: 'report.breached', actor: system, role: 'SYSTEM', details: { obligationId } },
        now,
      );
    }
    d.fired?.(phase, d.clock.now().getTime() - dueMs);
  }

  /** Fires what is overdue by more than the grace and not held by a local timer; arms the rest when loading. */
  async function sweep(all: boolean): Promise<number> {
    const now = d.clock.now();
    const incidents = await d.store.openObligations(all ? undefined : new Date(now.getTime() - d.graceMs));
    let n = 0;
    for (const i of incidents) {
      if (all) {
        track(i);
        n += 1;
        continue;
      }
      for (const o of i.obligations) {
        const phase: Phase | undefined =
          o.status === 'PENDING' && o.warnAt.getTime() <= now.getTime() - d.graceMs
            ? 'WARN'
            : (o.status === 'PENDING' || o.status === 'WARNING') && o.dueAt.getTime() <= now.getTime() - d.graceMs
              ? 'DUE'
              : undefined;
        if (!phase || armedKeys.has(`${i.id}|${o.id}|${phase}`)) continue;
        const at = phase === 'WARN' ? o.warnAt : o.dueAt;
        enqueue(i.id, () => fire(i.id, o.id, phase, at.getTime()));
        n += 1;
      }
      // what the fired steps leave open (a warned obligation's deadline) is armed from the new state
      enqueue(i.id, async () => {
        const now = await d.store.getIncident(i.id);
        if (now) track(now);
      });
    }
    return n;
  }

  return {
    track,
    get pending(): number {
      return heap.size;
    },
    /** Arms the open obligations of replicas this one adopted (their own clocks died with them). */
    async adopt(owners: string[]): Promise<number> {
      let n = 0;
      for (const owner of owners)
        for (const i of await d.store.openObligationsOf(owner)) {
          track(i);
          n += 1;
        }
      return n;
    },
    /**
     * Arms every open obligation in the store (late ones fire at once), then sweeps at `sweepMs` as a safety net
     * for anything no replica holds. Takeovers do not wait for it: `adopt` arms a dead replica's incidents.
     */
    async start(): Promise<number> {
      const n = await sweep(true);
      sweepHandle = setInterval(() => {
        void sweep(false).catch((err: unknown) => d.failed(err, { during: 'obligation sweep' }));
      }, d.sweepMs);
      return n;
    },
    async stop(): Promise<void> {
      stopped = true;
      if (armed) clearTimeout(armed.handle);
      if (sweepHandle) clearInterval(sweepHandle);
      await Promise.allSettled([...lanes.values()]);
    },
  };
}
export type ObligationClock = ReturnType<typeof createObligationClock>;
