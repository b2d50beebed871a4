import type { Connection, Model } from 'mongoose';
import {
  insertAggregateOnce,
  isDuplicateKey,
  nextAuditEntry,
  updateAggregate,
  type AggregateDocument,
  type AuditEntry,
  type OutboxHandoff,
} from '@gov/platform';
import type {
  HandoverStore,
  ShiftAggregateStore,
  ShiftAuditNote,
  StoredShift,
  SwapStore,
  ViolationStore,
} from '../../app/shift-ports';
import type { HandoverRecord } from '../../domain/handover-record';
import type { ShiftSwap } from '../../domain/swap';
import type { Violation } from '../../domain/violation';
import { toShiftOutbox } from '../kafka/shift-events.mapper';
import type { ShiftModels } from './shift.schema';

const audit = (prev: Pick<AuditEntry, 'seq' | 'hash'> | undefined, n: ShiftAuditNote) =>
  nextAuditEntry(prev, { action: n.action, actor: n.actor, at: n.at, details: n.details });

type Rec = AggregateDocument & Record<string, unknown>;

/** A stored document as the domain reads it: `_id` → id, kit fields dropped, nulls (cleared fields) removed. */
function read<T>(rec: unknown): StoredShift<T> {
  const { _id, version, outbox: _o, outboxPending: _p, audit: trail, ...state } = rec as Rec;
  for (const [k, v] of Object.entries(state)) if (v === null) delete state[k];
  const last = trail.at(-1);
  return {
    value: { id: _id, ...state } as T,
    version,
    auditTail: last ? { seq: last.seq, hash: last.hash } : undefined,
  };
}

/**
 * One shift aggregate per document: state, outbox and hash-chained audit written together through the kit's
 * insertAggregateOnce / updateAggregate (the relay relies on the version bump). Fields a new state drops are
 * written as null (one $set, no $unset) and read back as absent.
 */
function aggregateStore<T extends { id: string }>(
  model: Model<AggregateDocument>,
  handoff: OutboxHandoff,
): ShiftAggregateStore<T> {
  return {
    async create(value, events, note) {
      const { id, ...state } = value;
      const outbox = toShiftOutbox(events);
      const created = await insertAggregateOnce(model, {
        _id: id,
        ...state,
        outbox,
        audit: [audit(undefined, note)],
      } as never);
      if (created) handoff(model as never, { id, version: 1, entries: outbox });
      return created;
    },
    async get(id) {
      const rec = await model.findById(id).lean();
      return rec ? read<T>(rec) : undefined;
    },
    async update(prev, value, events, note) {
      const { id, ...state } = value;
      const cleared = Object.fromEntries(
        Object.keys(prev.value)
          .filter((k) => k !== 'id' && !(k in state))
          .map((k) => [k, null]),
      );
      const outbox = toShiftOutbox(events);
      await updateAggregate(model, {
        id,
        expectedVersion: prev.version,
        set: { ...cleared, ...state } as never,
        events: outbox,
        audit: [audit(prev.auditTail, note)],
      });
      handoff(model as never, { id, version: prev.version + 1, entries: outbox });
    },
  };
}

export function createHandoverRepository(models: ShiftModels, handoff: OutboxHandoff): HandoverStore {
  const m = models.handovers;
  return {
    ...aggregateStore<HandoverRecord>(m, handoff),
    async timersDue(now, limit) {
      const recs = await m
        .find({ timerDueAt: { $lte: now } } as never)
        .limit(limit)
        .lean();
      return recs.map((r) => read<HandoverRecord>(r));
    },
    async intoShift(shiftId) {
      const rec = await m.findOne({ toShiftId: shiftId } as never).lean();
      return rec ? read<HandoverRecord>(rec).value : undefined;
    },
    async lastCompletedBefore(at) {
      const [rec] = await m
        .find({ state: 'COMPLETED', incomingSignedAt: { $lt: at } } as never)
        .sort({ incomingSignedAt: -1 })
        .limit(1)
        .lean();
      return rec ? read<HandoverRecord>(rec).value : undefined;
    },
  };
}

export const createSwapRepository = (models: ShiftModels, handoff: OutboxHandoff): SwapStore =>
  aggregateStore<ShiftSwap>(models.swaps, handoff);

/**
 * Violations, plus `violation_circulars`: one document per (person, year, place) with `_id` as the key, written
 * by insert only — the unique id is what makes two confirmations at once take different places (PN-5).
 */
export function createViolationRepository(
  models: ShiftModels,
  conn: Connection,
  handoff: OutboxHandoff,
): ViolationStore {
  const circulars = () => conn.collection('violation_circulars');
  return {
    ...aggregateStore<Violation>(models.violations, handoff),
    async claimCircular(personId, year, ordinal, violationId) {
      const _id = `${personId}:${year}:${ordinal}`;
      try {
        await circulars().insertOne({ _id, personId, year, ordinal, violationId } as never);
        return violationId;
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
        const held = (await circulars().findOne({ _id } as never)) as unknown as { violationId: string } | null;
        return held?.violationId ?? '';
      }
    },
  };
}
