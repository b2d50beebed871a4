import { hasRole } from '@gov/platform/auth';
import { reconstructionOf } from '../domain/chronology';
import { planChronologyRepair, type UnrepairedGap } from '../domain/chronology-repair';
import type { Clock } from '../domain/clock';
import { DutyError } from '../domain/duty-error';
import type { Actor, Idempotency, ReportingStore } from './ports';

/** A line the repair appended, in JSON-safe form (the idempotency store replays it). */
export interface AppendedLine {
  seq: number;
  action: string;
  at: string;
  /** The stored record the line was rebuilt from; empty on the repair's own line. */
  from: string;
  fills: string;
}

export interface ChronologyRepairResult {
  incidentId: string;
  appended: AppendedLine[];
  unrepaired: UnrepairedGap[];
}

/**
 * The log custodian repairs an incident's chronology (spec duty §6 LG-3, LG-4; §9.10): each gap the stored
 * facts prove gets a rebuilt line at the fact's time, followed by one `chronology.repaired` line naming what
 * was rebuilt and what was not, all in one version-checked append. Gaps no stored fact fills (an altered chain
 * above all) stay on the record and are returned. Once per idempotency key; a repair with nothing to fill
 * writes nothing, so repeating it is harmless.
 */
export function createRepairChronology(deps: { store: ReportingStore; clock: Clock; idempotency: Idempotency }) {
  return async function repairChronology(
    cmd: { idempotencyKey: string; incidentId: string },
    actor: Actor,
  ): Promise<ChronologyRepairResult> {
    if (!hasRole(actor, 'LOG_CUSTODIAN'))
      throw new DutyError(
        'CHRONOLOGY_REPAIR_NOT_PERMITTED',
        'only the log custodian repairs an incident’s chronology (LG-4)',
      );
    if (!cmd.idempotencyKey.trim())
      throw new DutyError('INCIDENT_INVALID', 'idempotency_key is required', [
        { field: 'idempotencyKey', message: 'is required' },
      ]);
    return deps.idempotency.run(`duty.chronology-repair:${actor.userId}`, cmd.idempotencyKey, cmd, async () => {
      const now = deps.clock.now();
      let unrepaired: UnrepairedGap[] = [];
      const r = await deps.store.appendToRecord(
        cmd.incidentId,
        (incident, chronology) => {
          const plan = planChronologyRepair(incident, chronology, actor.userId, now);
          unrepaired = plan.unrepaired;
          if (!plan.lines.length) return null;
          return {
            lines: plan.lines,
            details: {
              rebuilt: plan.lines.map((l) => l.details.reconstructed.fills),
              unrepaired: plan.unrepaired.map((u) => u.gap),
            },
          };
        },
        { action: 'chronology.repaired', actor, role: 'LOG_CUSTODIAN' },
        now,
      );
      if (!r) throw new DutyError('INCIDENT_NOT_FOUND', `incident ${cmd.incidentId} does not exist`);
      return {
        incidentId: cmd.incidentId,
        appended: r.appended.map((e) => {
          const mark = reconstructionOf(e);
          return {
            seq: e.seq ?? 0,
            action: e.action,
            at: e.at.toISOString(),
            from: mark?.from ?? '',
            fills: mark?.fills ?? '',
          };
        }),
        unrepaired,
      };
    });
  };
}
export type RepairChronology = ReturnType<typeof createRepairChronology>;
