import type { Connection } from 'mongoose';
import { isDuplicateKey, nextAuditEntry, updateAggregate, type AuditEntry, type OutboxHandoff } from '@gov/platform';
import type { Actor } from '@gov/platform/auth';
import type { AlertStore, ReportingStore } from '../../app/ports';
import type { EscalationTimer, Incident, SentNotification } from '../../domain/incident';
import { incidentOfRound } from '../../domain/escalation-ladder';
import { nextObligationAt } from '../../domain/upward-reporting';
import { nextDueAt } from '../../domain/written-report';
import {
  incidentAcknowledged,
  incidentEscalated,
  incidentReceived,
  instructionEvents,
  reportingEvents,
} from '../kafka/duty-events.mapper';
import { createGroupCommit, insertIgnoringDuplicates } from './group-commit';
import { createIncidentRecord } from './incident-record.repository';
import type { IncidentRecord } from './incident.schema';
import type { createIncidentModel } from './incident.schema';

const person = (userId: string): Actor => ({ userId, name: userId, orgUnitId: '', roles: [], clearance: 'PUBLIC' });

function toIncident(r: IncidentRecord): Incident {
  const {
    _id,
    version: _v,
    outbox: _o,
    outboxPending: _p,
    audit: _a,
    owner: _ow,
    nextObligationAt: _n,
    acknowledgedAt,
    acknowledgedBy,
    resolvedAt,
    voidedAt,
    voidedBy,
    voidReason,
    closedAt,
    closedBy,
    upgradedToMajorAt,
    ...s
  } = r as IncidentRecord &
    Nullable<'resolvedAt' | 'voidedAt' | 'voidedBy' | 'voidReason' | 'closedAt' | 'closedBy' | 'upgradedToMajorAt'>;
  return {
    id: _id,
    ...s,
    timers: s.timers ?? {},
    ...(acknowledgedAt ? { acknowledgedAt } : {}),
    ...(acknowledgedBy ? { acknowledgedBy } : {}),
    ...(resolvedAt ? { resolvedAt } : {}),
    ...(voidedAt ? { voidedAt } : {}),
    ...(voidedBy ? { voidedBy } : {}),
    ...(voidReason ? { voidReason } : {}),
    ...(closedAt ? { closedAt } : {}),
    ...(closedBy ? { closedBy } : {}),
    ...(upgradedToMajorAt ? { upgradedToMajorAt } : {}),
  };
}

/** Timers of an RC-1 upgrade round are stored under the round id (`<incident>|RC1`), not the incident's. */
const isRound = (trackId: string) => trackId.includes('|');

/**
 * A round's timer is done by its own mark; a NOTIFY one also by a delivery written after sending, which carries
 * the incident's id (the round's alerts use the incident's ledger keys).
 */
const roundDone = (done: Set<string>, roundId: string, key: string) =>
  done.has(`${roundId}|${key}`) || (key.startsWith('n-') && done.has(`${incidentOfRound(roundId)}|${key}`));

/** Optional incident fields as stored: null until set. */
type Nullable<K extends keyof Incident> = { [P in K]?: Incident[P] | null };

/**
 * The alert path on Mongo: `incidents` (the aggregate, with its outbox and audit, read by the kit's relay),
 * `escalation_timers` (follow-up timers and the done marks of the timers that made them), `timer_done` and
 * `acknowledgements` (done marks, unique by id)
 * and the `deliveries` ledger. Hot-path writes go through `alert` (pooled, inserts only); the incident's
 * later state changes go through the kit's single connection `model`, beside the relay (ADR 0001).
 */
export function createAlertStore(
  alert: Connection,
  model: ReturnType<typeof createIncidentModel>,
  opts: { handoff: OutboxHandoff },
) {
  const incidents = () => alert.collection('incidents');
  const insertIncidents = createGroupCommit(alert, 'incidents');
  const insertTimers = createGroupCommit(alert, 'escalation_timers');
  const insertDone = createGroupCommit(alert, 'timer_done');
  const record = createIncidentRecord(alert, model, toIncident);
  const store: AlertStore &
    ReportingStore & { audit(id: string): Promise<AuditEntry[]>; deliveries(id: string): Promise<object[]> } = {
    async applyReporting(incidentId, change, note, at) {
      for (let attempt = 0; attempt < 8; attempt++) {
        const r = (await model.findById(incidentId).lean()) as IncidentRecord | null;
        if (!r) return undefined;
        const before = toIncident(r);
        const applied = change(before);
        if (!applied) return { incident: before, applied: null };
        const next = applied.incident;
        const events = reportingEvents(before, applied, at);
        try {
          await updateAggregate<IncidentRecord>(model as never, {
            id: incidentId,
            expectedVersion: r.version,
            set: {
              status: next.status,
              flags: next.flags,
              obligations: next.obligations,
              reports: next.reports ?? [],
              enquiries: next.enquiries ?? [],
              verification: next.verification ?? 'UNVERIFIED',
              verificationTasks: next.verificationTasks ?? [],
              violations: next.violations ?? [],
              reportedWithoutInstruction: next.reportedWithoutInstruction ?? false,
              resolvedAt: next.resolvedAt ?? null,
              voidedAt: next.voidedAt ?? null,
              voidedBy: next.voidedBy ?? null,
              voidReason: next.voidReason ?? null,
              closedAt: next.closedAt ?? null,
              closedBy: next.closedBy ?? null,
              drafts: next.drafts ?? [],
              severity: next.severity,
              possiblyMajor: next.possiblyMajor,
              upgradedToMajorAt: next.upgradedToMajorAt ?? null,
              nextObligationAt:
                next.status === 'RESOLVED' || next.status === 'CLOSED'
                  ? null
                  : nextDueAt(nextObligationAt(next.obligations), next),
            } as never,
            events,
            audit: [
              nextAuditEntry(r.audit.at(-1), {
                action: note.action,
                actor: note.actor,
                role: note.role,
                at,
                details: {
                  ...note.details,
                  obligations: applied.changed.map((o) => `${o.id}:${o.status}`),
                  created: applied.created.map((o) => o.id),
                  violations: applied.violations.map((v) => v.id),
                },
              }),
            ],
          });
          if (events.length) opts.handoff(model as never, { id: incidentId, version: r.version + 1, entries: events });
          return { incident: next, applied };
        } catch (e) {
          if ((e as { code?: string }).code !== 'CONCURRENT_MODIFICATION') throw e;
        }
      }
      throw new Error(`reporting change on incident ${incidentId} kept conflicting`);
    },

    async openObligationsOf(owner) {
      // equality on the indexed owner (the Mongo-wire server pushes only equality down); the rest filtered here
      const recs = (await model.find({ owner }, { outbox: 0, audit: 0 }).lean()) as unknown as IncidentRecord[];
      return recs.filter((r) => r.nextObligationAt).map((r) => toIncident({ ...r, outbox: [], audit: [] }));
    },

    async openObligations(dueBy) {
      const recs = (await model
        // a range on the indexed field alone (null never compares ≤ a date), so the sweep reads only what is due
        .find(dueBy ? { nextObligationAt: { $lte: dueBy } } : { nextObligationAt: { $ne: null } }, {
          outbox: 0,
          audit: 0,
        })
        .lean()) as unknown as IncidentRecord[];
      return recs.map((r) => toIncident({ ...r, outbox: [], audit: [] }));
    },

    async insertIncident(incident, owner) {
      const { id, acknowledgedAt: _a, acknowledgedBy: _b, ...state } = incident;
      const audit = nextAuditEntry(undefined, {
        action: 'incident.received',
        actor: person(incident.receivedBy),
        role: 'DUTY_OFFICER',
        at: incident.receivedAt,
        details: { severity: incident.severity, obligations: incident.obligations.length },
      });
      // the document insertAggregate would write (version 1, outbox pending), sent on the pooled connection
      const doc: IncidentRecord = {
        _id: id,
        ...state,
        acknowledgedAt: null,
        acknowledgedBy: null,
        owner,
        nextObligationAt: nextObligationAt(incident.obligations),
        version: 1,
        outbox: [incidentReceived(incident)],
        outboxPending: true,
        audit: [audit],
      };
      const [created] = await insertIncidents([doc]);
      // sent from memory, off the alert path; the stored outbox is the fallback if this process dies first
      if (created) opts.handoff(model as never, { id, version: 1, entries: doc.outbox });
      return created ?? false;
    },

    async getIncident(id) {
      const r = (await incidents().findOne({ _id: id } as never)) as IncidentRecord | null;
      return r ? toIncident(r) : undefined;
    },

    async audit(id) {
      const r = (await incidents().findOne({ _id: id } as never)) as IncidentRecord | null;
      return r?.audit ?? [];
    },

    async advance(incidentId, owner, firedKey, timers, at) {
      const created = await insertTimers([
        ...Object.entries(timers).map(([key, timer]) => ({
          _id: `${incidentId}|${key}`,
          incidentId,
          owner,
          key,
          timer,
        })),
        { _id: `${incidentId}|${firedKey}|done`, incidentId, owner, key: firedKey, done: true, at },
      ]);
      return created.at(-1) ?? false;
    },

    completeTimers: (incidentId, keys, owner, at) =>
      insertDone(keys.map((key) => ({ _id: `${incidentId}|${key}`, incidentId, owner, at }))),

    async acknowledge(incidentId, personId, at) {
      const [first] = await insertIgnoringDuplicates(alert, 'acknowledgements', [{ _id: incidentId, personId, at }]);
      if (!first) return false;
      // state, event and audit on the aggregate: slower on FerretDB, and after escalation has already stopped
      for (let attempt = 0; attempt < 5; attempt++) {
        const r = (await model.findById(incidentId).lean()) as IncidentRecord | null;
        if (!r) return true;
        try {
          const events = [incidentAcknowledged(incidentId, personId, at)];
          await updateAggregate<IncidentRecord>(model as never, {
            id: incidentId,
            expectedVersion: r.version,
            // only an escalating incident is taken under command; a late acknowledgement never moves one back
            set: {
              acknowledgedAt: at,
              acknowledgedBy: personId,
              timers: {},
              ...(r.status === 'ESCALATING' ? { status: 'COMMANDED' } : {}),
            },
            events,
            audit: [
              nextAuditEntry(r.audit.at(-1), {
                action: 'incident.acknowledged',
                actor: person(personId),
                role: 'RECIPIENT',
                at,
              }),
            ],
          });
          opts.handoff(model as never, { id: incidentId, version: r.version + 1, entries: events });
          return true;
        } catch (e) {
          if ((e as { code?: string }).code !== 'CONCURRENT_MODIFICATION') throw e;
        }
      }
      return true;
    },

    async stopEscalation(incidentId, personId, at) {
      // the same unique mark an acknowledgement makes, flagged as a void: every replica's engine stops on it
      // (the poll, the pre-fire read and the restart load all read this collection), and a later
      // acknowledgement finds the mark taken and leaves the incident as it is
      const [first] = await insertIgnoringDuplicates(alert, 'acknowledgements', [
        { _id: incidentId, personId, at, voided: true },
      ]);
      return first ?? false;
    },

    ...record,

    async recordEscalation(incidentId, steps, after, at) {
      if (!steps.length) return;
      for (let attempt = 0; attempt < 5; attempt++) {
        const r = (await model.findById(incidentId).lean()) as IncidentRecord | null;
        if (!r) return;
        const events = steps.map((x) => incidentEscalated(incidentId, { ...x, at }));
        // a repeat after a crash or takeover finds this step on the record and leaves the incident as it is
        if (
          r.audit.some((a) => a.action === 'incident.escalated' && (a.details as { after?: string })?.after === after)
        )
          return;
        try {
          await updateAggregate<IncidentRecord>(model as never, {
            id: incidentId,
            expectedVersion: r.version,
            set: {},
            events,
            audit: [
              nextAuditEntry(r.audit.at(-1), {
                action: 'incident.escalated',
                actor: person('system:escalation'),
                role: 'SYSTEM',
                at,
                details: { after, steps },
              }),
            ],
          });
          opts.handoff(model as never, { id: incidentId, version: r.version + 1, entries: events });
          return;
        } catch (e) {
          if ((e as { code?: string }).code !== 'CONCURRENT_MODIFICATION') throw e;
        }
      }
    },

    async recordInstruction(ins) {
      for (let attempt = 0; attempt < 5; attempt++) {
        const r = (await model.findById(ins.incidentId).lean()) as
          (IncidentRecord & { instructions?: { id: string }[] }) | null;
        if (!r) return;
        if ((r.instructions ?? []).some((x) => x.id === ins.id)) return; // a retry
        try {
          const events = instructionEvents(ins);
          await updateAggregate<IncidentRecord>(model as never, {
            id: ins.incidentId,
            expectedVersion: r.version,
            set: { instructions: [...(r.instructions ?? []), ins] } as never,
            events,
            audit: [
              nextAuditEntry(r.audit.at(-1), {
                action: 'instruction.recorded',
                actor: person(ins.leaderId),
                role: 'LEADER',
                at: ins.givenAt,
                details: { instructionId: ins.id, needsFollowUp: ins.needsFollowUp },
              }),
            ],
          });
          opts.handoff(model as never, { id: ins.incidentId, version: r.version + 1, entries: events });
          return;
        } catch (e) {
          if ((e as { code?: string }).code !== 'CONCURRENT_MODIFICATION') throw e;
        }
      }
      throw new Error(`instruction on incident ${ins.incidentId} kept conflicting`);
    },

    async recordReceipts(receipts) {
      const created = await insertIgnoringDuplicates(
        alert,
        'receipts',
        receipts.map((r) => ({ _id: r.messageId, status: r.status, at: r.at })),
      );
      return created.filter(Boolean).length;
    },

    async delivered(messageId) {
      const r = (await alert.collection('receipts').findOne({ _id: messageId } as never)) as { status?: string } | null;
      return r?.status === 'DELIVERED';
    },

    async acknowledgedSince(since) {
      const recs = (await alert
        .collection('acknowledgements')
        .find({ at: { $gte: since } } as never, { projection: { _id: 1, at: 1 } })
        .toArray()) as unknown as { _id: string; at: Date }[];
      return recs.map((r) => ({ incidentId: r._id, at: r.at }));
    },

    async acknowledgement(incidentId) {
      const r = (await alert.collection('acknowledgements').findOne({ _id: incidentId } as never)) as {
        personId: string;
        at: Date;
        voided?: boolean;
      } | null;
      return r ? { personId: r.personId, at: r.at, ...(r.voided ? { voided: true } : {}) } : undefined;
    },

    async pending(owner) {
      const acked = new Set(
        (
          await alert
            .collection('acknowledgements')
            .find({}, { projection: { _id: 1 } })
            .toArray()
        ).map((a) => String(a._id)),
      );
      const done = new Set(
        (
          await alert
            .collection('timer_done')
            .find({ owner } as never, { projection: { _id: 1 } })
            .toArray()
        ).map((x) => String(x._id)),
      );
      // a delivery written after sending marks its NOTIFY timer done (see the engine's first alerts)
      const sent = (await alert
        .collection('deliveries')
        .find({ owner, sent: true } as never)
        .toArray()) as unknown as { incidentId: string; step: string; recipientId: string; attempt: number }[];
      for (const x of sent) done.add(`${x.incidentId}|n-${x.step}-${x.recipientId}-${x.attempt}`);
      const stepped = (await alert
        .collection('escalation_timers')
        .find({ owner } as never)
        .toArray()) as unknown as { incidentId: string; key: string; timer: EscalationTimer; done?: boolean }[];
      for (const x of stepped) if (x.done) done.add(`${x.incidentId}|${x.key}`);
      const extra = stepped.filter((x) => !x.done);
      const recs = (await incidents()
        .find({ owner, acknowledgedAt: null } as never, { projection: { outbox: 0, audit: 0 } })
        .toArray()) as unknown as IncidentRecord[];
      const out: { incident: Incident; timers: Record<string, EscalationTimer>; trackId?: string }[] = [];
      // RC-1 upgrade rounds: their timers are stored under the round id, and only their own acknowledgement stops them
      const rounds = new Map<string, Record<string, EscalationTimer>>();
      for (const x of extra) {
        if (!isRound(x.incidentId) || acked.has(x.incidentId) || roundDone(done, x.incidentId, x.key)) continue;
        rounds.set(x.incidentId, { ...(rounds.get(x.incidentId) ?? {}), [x.key]: x.timer });
      }
      for (const [roundId, timers] of rounds) {
        const r = (await incidents().findOne({ _id: incidentOfRound(roundId) } as never, {
          projection: { outbox: 0, audit: 0 },
        })) as IncidentRecord | null;
        if (r) out.push({ incident: toIncident({ ...r, outbox: [], audit: [] }), timers, trackId: roundId });
      }
      for (const r of recs) {
        if (acked.has(r._id)) continue;
        const all: Record<string, EscalationTimer> = { ...(r.timers ?? {}) };
        for (const x of extra) if (x.incidentId === r._id) all[x.key] = x.timer;
        const timers = Object.fromEntries(Object.entries(all).filter(([k]) => !done.has(`${r._id}|${k}`)));
        if (Object.keys(timers).length) out.push({ incident: toIncident({ ...r, outbox: [], audit: [] }), timers });
      }
      return out;
    },

    async armRound(incidentId, roundId, timers, at) {
      const r = (await incidents().findOne({ _id: incidentId } as never, { projection: { owner: 1 } })) as {
        owner: string;
      } | null;
      if (!r) return undefined;
      // the note first: a writer that dies between the two writes leaves a note the owner keeps looking at.
      // Two writers upserting the same note at once: one inserts, the other may get a duplicate key — the note is
      // there either way.
      await alert
        .collection('timer_handoffs')
        .updateOne({ _id: roundId } as never, { $setOnInsert: { owner: r.owner, incidentId, at } } as never, {
          upsert: true,
        })
        .catch((e: unknown) => {
          if (!isDuplicateKey(e)) throw e;
        });
      const created = await insertTimers(
        Object.entries(timers).map(([key, timer]) => ({
          _id: `${roundId}|${key}`,
          incidentId: roundId,
          owner: r.owner,
          key,
          timer,
        })),
      );
      return { owner: r.owner, created: created.some(Boolean) };
    },

    async pendingRound(roundId) {
      const stored = (await alert
        .collection('escalation_timers')
        .find({ incidentId: roundId } as never)
        .toArray()) as unknown as { owner: string; key: string; timer: EscalationTimer; done?: boolean }[];
      if (!stored.length) return undefined;
      const r = (await incidents().findOne({ _id: incidentOfRound(roundId) } as never, {
        projection: { outbox: 0, audit: 0 },
      })) as IncidentRecord | null;
      if (!r) return undefined;
      const owner = stored[0]!.owner;
      const incident = toIncident({ ...r, outbox: [], audit: [] });
      if (await store.acknowledgement(roundId)) return { incident, owner, timers: {} };
      const live = stored.filter((x) => !x.done);
      const done = new Set(stored.filter((x) => x.done).map((x) => `${roundId}|${x.key}`));
      const ids = live.flatMap((x) => [`${roundId}|${x.key}`]);
      for (const x of await alert
        .collection('timer_done')
        .find({ _id: { $in: ids } } as never, { projection: { _id: 1 } })
        .toArray())
        done.add(String(x._id));
      const sent = (await alert
        .collection('deliveries')
        .find({ incidentId: incident.id, sent: true } as never)
        .toArray()) as unknown as { step: string; recipientId: string; attempt: number }[];
      for (const x of sent) done.add(`${incident.id}|n-${x.step}-${x.recipientId}-${x.attempt}`);
      const timers = Object.fromEntries(
        live.filter((x) => !roundDone(done, roundId, x.key)).map((x) => [x.key, x.timer]),
      );
      return { incident, owner, timers };
    },

    async handoffs(owner) {
      const recs = (await alert
        .collection('timer_handoffs')
        .find({ owner } as never)
        .toArray()) as unknown as { _id: string; at: Date }[];
      return recs.map((h) => ({ roundId: h._id, at: h.at }));
    },

    async dropHandoff(roundId) {
      await alert.collection('timer_handoffs').deleteOne({ _id: roundId } as never);
    },

    async acknowledgeRound(incidentId, roundId, personId, at) {
      const [first] = await insertIgnoringDuplicates(alert, 'acknowledgements', [
        { _id: roundId, personId, at, round: true },
      ]);
      if (!first) return false;
      for (let attempt = 0; attempt < 5; attempt++) {
        const r = (await model.findById(incidentId).lean()) as IncidentRecord | null;
        if (!r) return true;
        try {
          const events = [incidentAcknowledged(incidentId, personId, at, roundId)];
          await updateAggregate<IncidentRecord>(model as never, {
            id: incidentId,
            expectedVersion: r.version,
            set: {},
            events,
            audit: [
              nextAuditEntry(r.audit.at(-1), {
                action: 'incident.upgrade_acknowledged',
                actor: person(personId),
                role: 'RECIPIENT',
                at,
                details: { roundId },
              }),
            ],
          });
          opts.handoff(model as never, { id: incidentId, version: r.version + 1, entries: events });
          return true;
        } catch (e) {
          if ((e as { code?: string }).code !== 'CONCURRENT_MODIFICATION') throw e;
        }
      }
      return true;
    },

    async notifications(incidentId) {
      const recs = (await alert
        .collection('deliveries')
        .find({ incidentId } as never)
        .toArray()) as unknown as {
        step: SentNotification['step'];
        recipientId: string;
        attempt: number;
        channels: SentNotification['channels'];
        claimedAt: Date;
      }[];
      return recs
        .map((r) => ({
          recipientId: r.recipientId,
          step: r.step,
          attempt: r.attempt,
          channels: r.channels,
          sentAt: r.claimedAt,
        }))
        .sort((a, b) => a.sentAt.getTime() - b.sentAt.getTime());
    },

    async deliveries(incidentId) {
      return alert
        .collection('deliveries')
        .find({ incidentId } as never)
        .toArray();
    },
  };
  return store;
}
