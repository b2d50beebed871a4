import { dutyV1 } from '@gov/contracts';
import { AppError } from '@gov/platform';
import { z } from 'zod';
import type { DutyPort } from '../clients';
import type { Route } from '../http/route';
import { parseInput } from '../http/validate';
import { present } from './common.mapper';
import { resourceId } from './common.schema';

/** Body of POST /v1/duty/log (spec duty §6 LG-2 elements; the handler and time come from the server). */
export const appendLogBody = z.strictObject({
  type: z.enum([
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
  ]),
  source: z.string().trim().min(1).max(200),
  summary: z.string().trim().min(1).max(4000),
  actionTaken: z.string().max(4000).default(''),
  relatedIds: z.array(resourceId).max(20).default([]),
});
/** Body of POST /v1/duty/log/:seq/amend — a correction with its reason (LG-4). */
export const amendLogBody = z.strictObject({
  summary: z.string().trim().min(1).max(4000),
  reason: z.string().trim().min(1).max(500),
});
const seqParams = z.object({ seq: z.coerce.number().int().positive() });

const entryToJson = (e: dutyV1.LogEntry) => ({
  seq: Number(e.seq),
  at: e.at,
  type: e.type,
  source: e.source,
  summary: e.summary,
  actionTaken: e.actionTaken,
  handledBy: e.handledBy,
  relatedIds: e.relatedIds,
  amends: Number(e.amends) || null,
  reason: e.reason || null,
  prevHash: e.prevHash,
  hash: e.hash,
});

/** 值班日志 — append-only, hash-chained; corrections are new entries (spec duty §6). */
export function dutyLogRoutes(duty: DutyPort): Route[] {
  return [
    {
      method: 'post',
      path: '/v1/duty/log',
      async handle({ body }, { call, idempotencyKey }) {
        const b = parseInput(appendLogBody, body);
        const res = await duty.appendLogEntry({ idempotencyKey, ...b }, call);
        const e = entryToJson(present(res.entry, 'entry'));
        return { status: 201, body: e, location: `/v1/duty/log/${e.seq}` };
      },
    },
    {
      method: 'post',
      path: '/v1/duty/log/:seq/amend',
      async handle({ params, body }, { call, idempotencyKey }) {
        const { seq } = parseInput(seqParams, params);
        const b = parseInput(amendLogBody, body);
        const res = await duty.amendLogEntry({ idempotencyKey, seq: String(seq), ...b }, call);
        return { status: 201, body: entryToJson(present(res.entry, 'entry')) };
      },
    },
    {
      // LG-4: 任何人不得擅自涂改 — the edit operation exists only to say so with a stable code
      method: 'patch',
      path: '/v1/duty/log/:seq',
      async handle({ params }) {
        parseInput(seqParams, params);
        throw new AppError(
          'LOG_ENTRY_IMMUTABLE',
          'failed_precondition',
          'duty log entries cannot be changed; POST /v1/duty/log/{seq}/amend records a correction',
        );
      },
    },
    {
      method: 'get',
      path: '/v1/duty/log',
      async handle(_input, { call }) {
        const res = await duty.listLog({}, call);
        return { status: 200, body: { entries: res.entries.map(entryToJson) } };
      },
    },
    {
      method: 'get',
      path: '/v1/duty/log/verify',
      async handle(_input, { call }) {
        const r = await duty.verifyLog({}, call);
        return { status: 200, body: { ok: r.ok, brokenAt: Number(r.brokenAt) || null, entries: Number(r.entries) } };
      },
    },
  ];
}
