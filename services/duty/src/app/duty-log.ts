import { amendEntry, appendEntry, verifyLog, type LogEntry, type LogEntryType } from '../domain/duty-log';
import { DutyError } from '../domain/duty-error';
import type { Clock } from '../domain/clock';
import type { Actor, DutyLogStore, Idempotency } from './ports';

const types: LogEntryType[] = [
  'CALL_IN',
  'CALL_OUT',
  'VISIT',
  'DOCUMENT',
  'FAX',
  'URGENT_DOCUMENT',
  'TELEGRAM',
  'INCIDENT',
  'NOTIFICATION',
  'INSTRUCTION',
  'REPORT_UP',
  'HANDOVER',
  'SPOT_CHECK',
  'SECURITY',
  'OTHER',
];
const writers = ['DUTY_OFFICER', 'INFO_OFFICER', 'DUTY_ROOM_MANAGER', 'LOG_CUSTODIAN'];

/**
 * 值班日志 use cases (spec duty §6): append and amend compute the next link of the hash chain from the last
 * entry and insert it under its sequence number; two appends racing for a number retry with the next one.
 * Server time stamps every entry (NF-9). Each command runs once per idempotency key.
 */
export function createDutyLog(deps: { log: DutyLogStore; clock: Clock; idempotency: Idempotency }) {
  async function write(make: (log: LogEntry[]) => LogEntry): Promise<LogEntry> {
    for (let attempt = 0; attempt < 10; attempt++) {
      const entry = make(await deps.log.all());
      if (await deps.log.insert(entry)) return entry;
    }
    throw new DutyError('LOG_INVALID', 'the duty log is too busy; retry');
  }
  const mayWrite = (actor: Actor) => {
    if (!actor.roles.some((r) => writers.includes(r)))
      throw new DutyError('INTAKE_NOT_PERMITTED', 'only the duty desk writes the duty log');
  };
  return {
    async append(
      cmd: {
        idempotencyKey: string;
        type: string;
        source: string;
        summary: string;
        actionTaken: string;
        relatedIds: string[];
      },
      actor: Actor,
    ): Promise<LogEntry> {
      mayWrite(actor);
      if (!types.includes(cmd.type as LogEntryType))
        throw new DutyError('LOG_INVALID', `unknown entry type ${cmd.type}`, [
          { field: 'type', message: `must be one of ${types.join(', ')}` },
        ]);
      const { seq } = await deps.idempotency.run(
        `duty.log.append:${actor.userId}`,
        cmd.idempotencyKey,
        cmd,
        async () => {
          const e = await write((log) =>
            appendEntry(log, {
              at: deps.clock.now(),
              type: cmd.type as LogEntryType,
              source: cmd.source,
              summary: cmd.summary,
              actionTaken: cmd.actionTaken,
              handledBy: actor.userId,
              relatedIds: cmd.relatedIds,
            }),
          );
          return { seq: e.seq };
        },
      );
      return (await deps.log.all()).find((e) => e.seq === seq)!;
    },
    async amend(cmd: { idempotencyKey: string; seq: number; summary: string; reason: string }, actor: Actor) {
      mayWrite(actor);
      const { seq } = await deps.idempotency.run(
        `duty.log.amend:${actor.userId}`,
        cmd.idempotencyKey,
        cmd,
        async () => {
          const e = await write((log) =>
            amendEntry(log, cmd.seq, {
              at: deps.clock.now(),
              summary: cmd.summary,
              handledBy: actor.userId,
              reason: cmd.reason,
            }),
          );
          return { seq: e.seq };
        },
      );
      return (await deps.log.all()).find((e) => e.seq === seq)!;
    },
    list: () => deps.log.all(),
    async verify() {
      const log = await deps.log.all();
      return { ...verifyLog(log), entries: log.length };
    },
  };
}
