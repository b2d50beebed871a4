import type { dutyShiftsV1 } from '@gov/contracts';
import type { DutyShiftsPort } from '../clients/duty-shifts.grpc';
import type { Route } from '../http/route';
import { parseInput } from '../http/validate';
import { present } from './common.mapper';
import { idParams } from './common.schema';
import { handoverToJson, swapToJson, violationToJson } from './duty-shifts.mapper';
import {
  confirmLogBody,
  decisionNoteBody,
  openHandoverBody,
  presentItemsBody,
  swapBody,
  swapDecisionBody,
  violationBody,
} from './duty-shifts.schema';

type HandoverStep =
  'checkInHandover' | 'presentHandoverItems' | 'confirmHandoverLog' | 'signHandoverOutgoing' | 'signHandoverIncoming';
type Res<K extends string, V> = Promise<Partial<Record<K, V>>>;

/** 交接班, 换班 and 值班违纪 — duty shifts, served by the duty service (spec duty §4.3, §5, §11). */
export function dutyShiftsRoutes(shifts: DutyShiftsPort): Route[] {
  /** POST /handovers/:id/<step>: one handover command with its body; the port is read per request. */
  const handoverStep = (step: string, method: HandoverStep, parse?: (body: unknown) => object): Route => ({
    method: 'post',
    path: `/v1/duty/handovers/:id/${step}`,
    async handle({ params, body }, { call, idempotencyKey }) {
      const { id } = parseInput(idParams, params);
      const run = shifts[method] as (req: object, c: typeof call) => Res<'handover', dutyShiftsV1.Handover>;
      const res = await run({ ...(parse ? parse(body ?? {}) : {}), idempotencyKey, id }, call);
      return { status: 200, body: handoverToJson(present(res.handover, 'handover')) };
    },
  });
  const violationStep = (step: string, method: 'confirmViolation' | 'dismissViolation'): Route => ({
    method: 'post',
    path: `/v1/duty/violations/:id/${step}`,
    async handle({ params, body }, { call, idempotencyKey }) {
      const { id } = parseInput(idParams, params);
      const b = parseInput(decisionNoteBody, body ?? {});
      const res = await shifts[method]({ idempotencyKey, id, ...b }, call);
      return { status: 200, body: violationToJson(present(res.violation, 'violation')) };
    },
  });
  return [
    {
      method: 'post',
      path: '/v1/duty/handovers',
      async handle({ body }, { call, idempotencyKey }) {
        const b = parseInput(openHandoverBody, body);
        const res = await shifts.openHandover({ idempotencyKey, ...b }, call);
        const h = handoverToJson(present(res.handover, 'handover'));
        return { status: 201, body: h, location: `/v1/duty/handovers/${encodeURIComponent(h.id)}` };
      },
    },
    {
      method: 'get',
      path: '/v1/duty/handovers/:id',
      async handle({ params }, { call }) {
        const { id } = parseInput(idParams, params);
        const res = await shifts.getHandover({ id }, call);
        return { status: 200, body: handoverToJson(present(res.handover, 'handover')) };
      },
    },
    handoverStep('check-in', 'checkInHandover'),
    handoverStep('items', 'presentHandoverItems', (b) => parseInput(presentItemsBody, b)),
    handoverStep('log-confirmations', 'confirmHandoverLog', (b) => parseInput(confirmLogBody, b)),
    handoverStep('outgoing-signature', 'signHandoverOutgoing'),
    handoverStep('incoming-signature', 'signHandoverIncoming'),
    {
      method: 'post',
      path: '/v1/duty/handovers/:id/end-shift',
      async handle({ params }, { call, idempotencyKey }) {
        const { id } = parseInput(idParams, params);
        const res = await shifts.endShift({ idempotencyKey, handoverId: id }, call);
        return { status: 200, body: handoverToJson(present(res.handover, 'handover')) };
      },
    },
    {
      method: 'post',
      path: '/v1/duty/shift-swaps',
      async handle({ body }, { call, idempotencyKey }) {
        const b = parseInput(swapBody, body);
        const res = await shifts.requestShiftSwap({ idempotencyKey, ...b }, call);
        const s = swapToJson(present(res.swap, 'swap'));
        return { status: 201, body: s, location: `/v1/duty/shift-swaps/${encodeURIComponent(s.id)}` };
      },
    },
    {
      method: 'get',
      path: '/v1/duty/shift-swaps/:id',
      async handle({ params }, { call }) {
        const { id } = parseInput(idParams, params);
        const res = await shifts.getShiftSwap({ id }, call);
        return { status: 200, body: swapToJson(present(res.swap, 'swap')) };
      },
    },
    {
      method: 'post',
      path: '/v1/duty/shift-swaps/:id/agreement',
      async handle({ params }, { call, idempotencyKey }) {
        const { id } = parseInput(idParams, params);
        const res = await shifts.agreeShiftSwap({ idempotencyKey, id }, call);
        return { status: 200, body: swapToJson(present(res.swap, 'swap')) };
      },
    },
    {
      method: 'post',
      path: '/v1/duty/shift-swaps/:id/decision',
      async handle({ params, body }, { call, idempotencyKey }) {
        const { id } = parseInput(idParams, params);
        const b = parseInput(swapDecisionBody, body);
        const res = await shifts.decideShiftSwap({ idempotencyKey, id, ...b }, call);
        return { status: 200, body: swapToJson(present(res.swap, 'swap')) };
      },
    },
    {
      method: 'post',
      path: '/v1/duty/violations',
      async handle({ body }, { call, idempotencyKey }) {
        const b = parseInput(violationBody, body);
        const res = await shifts.recordViolation(
          { idempotencyKey, ...b, circularLevel: b.circularLevel ?? '', occurredAt: b.occurredAt ?? '' },
          call,
        );
        const v = violationToJson(present(res.violation, 'violation'));
        return { status: 201, body: v, location: `/v1/duty/violations/${encodeURIComponent(v.id)}` };
      },
    },
    {
      method: 'get',
      path: '/v1/duty/violations/:id',
      async handle({ params }, { call }) {
        const { id } = parseInput(idParams, params);
        const res = await shifts.getViolation({ id }, call);
        return { status: 200, body: violationToJson(present(res.violation, 'violation')) };
      },
    },
    violationStep('confirm', 'confirmViolation'),
    violationStep('dismiss', 'dismissViolation'),
  ];
}
