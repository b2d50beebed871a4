import type { dutyDeskV1 } from '@gov/contracts';
import type { DutyDeskPort } from '../clients/duty-desk.grpc';
import type { Route } from '../http/route';
import { parseInput } from '../http/validate';
import { present } from './common.mapper';
import { idParams } from './common.schema';
import {
  callToJson,
  deskDocumentToJson,
  petitionVisitToJson,
  postLeaveToJson,
  shiftToJson,
  visitorToJson,
} from './duty-desk.mapper';
import {
  answerBody,
  forwardBody,
  instructionBody,
  logDocumentBody,
  petitionBody,
  postLeaveBody,
  receiveCallBody,
  redirectBody,
  replyBody,
  shiftPlanQuery,
  slipBody,
  transferBody,
  visitorBody,
} from './duty-desk.schema';

const base = '/v1/duty/desk';
type CallCommand =
  'answerCall' | 'redirectCall' | 'draftHandlingSlip' | 'recordSlipInstruction' | 'replyCall' | 'transferCall';

/** 值班室 — documents, public lines, compound security and driver shifts, served by the duty service (spec duty §7, §8, §12, §13). */
export function dutyDeskRoutes(desk: DutyDeskPort): Route[] {
  /** POST /calls/:id/<step>: one call command with its body; the port is read per request, not at mount. */
  const callStep = <B extends object>(step: string, parse: (body: unknown) => B, method: CallCommand): Route => ({
    method: 'post',
    path: `${base}/calls/:id/${step}`,
    async handle({ params, body }, { call, idempotencyKey }) {
      const { id } = parseInput(idParams, params);
      const run = desk[method] as (req: object, c: typeof call) => Promise<{ call?: dutyDeskV1.PublicCall }>;
      const res = await run({ ...parse(body ?? {}), idempotencyKey, id }, call);
      return { status: 200, body: callToJson(present(res.call, 'call')) };
    },
  });
  return [
    {
      method: 'post',
      path: `${base}/documents`,
      async handle({ body }, { call, idempotencyKey }) {
        const b = parseInput(logDocumentBody, body);
        const res = await desk.logDeskDocument(
          {
            idempotencyKey,
            ...b,
            receivedAt: b.receivedAt ?? '',
            secrecyLevel: b.secrecyLevel ?? '',
            senderOrgId: b.senderOrgId ?? '',
          },
          call,
        );
        const d = deskDocumentToJson(present(res.document, 'document'));
        return { status: 201, body: d, location: `${base}/documents/${encodeURIComponent(d.id)}` };
      },
    },
    {
      method: 'get',
      path: `${base}/documents/:id`,
      async handle({ params }, { call }) {
        const { id } = parseInput(idParams, params);
        const res = await desk.getDeskDocument({ id }, call);
        return { status: 200, body: deskDocumentToJson(present(res.document, 'document')) };
      },
    },
    {
      method: 'post',
      path: `${base}/documents/:id/register`,
      async handle({ params }, { call, idempotencyKey }) {
        const { id } = parseInput(idParams, params);
        const res = await desk.registerDeskDocument({ idempotencyKey, id }, call);
        return { status: 200, body: deskDocumentToJson(present(res.document, 'document')) };
      },
    },
    {
      method: 'post',
      path: `${base}/documents/:id/forward`,
      async handle({ params, body }, { call, idempotencyKey }) {
        const { id } = parseInput(idParams, params);
        const b = parseInput(forwardBody, body);
        const res = await desk.forwardUrgentDocument({ idempotencyKey, id, ...b }, call);
        return { status: 200, body: deskDocumentToJson(present(res.document, 'document')) };
      },
    },
    {
      method: 'get',
      path: `${base}/registration-queue`,
      async handle(_input, { call }) {
        const res = await desk.listRegistrationQueue({}, call);
        return { status: 200, body: { documents: res.documents.map(deskDocumentToJson) } };
      },
    },
    {
      method: 'post',
      path: `${base}/calls`,
      async handle({ body }, { call, idempotencyKey }) {
        const b = parseInput(receiveCallBody, body);
        const res = await desk.receiveCall({ idempotencyKey, ...b }, call);
        const c = callToJson(present(res.call, 'call'));
        return { status: 201, body: c, location: `${base}/calls/${encodeURIComponent(c.id)}` };
      },
    },
    {
      method: 'get',
      path: `${base}/calls/:id`,
      async handle({ params }, { call }) {
        const { id } = parseInput(idParams, params);
        const res = await desk.getCall({ id }, call);
        return { status: 200, body: callToJson(present(res.call, 'call')) };
      },
    },
    callStep('answer', (b) => parseInput(answerBody, b), 'answerCall'),
    callStep('redirect', (b) => parseInput(redirectBody, b), 'redirectCall'),
    callStep('slip', (b) => parseInput(slipBody, b), 'draftHandlingSlip'),
    callStep('instruction', (b) => parseInput(instructionBody, b), 'recordSlipInstruction'),
    callStep('reply', (b) => parseInput(replyBody, b), 'replyCall'),
    callStep('transfer', (b) => parseInput(transferBody, b), 'transferCall'),
    {
      method: 'post',
      path: `${base}/visitors`,
      async handle({ body }, { call, idempotencyKey }) {
        const b = parseInput(visitorBody, body);
        const res = await desk.recordVisitor({ idempotencyKey, ...b }, call);
        return { status: 201, body: visitorToJson(present(res.visitor, 'visitor')) };
      },
    },
    {
      method: 'post',
      path: `${base}/visitors/:id/exit`,
      async handle({ params }, { call, idempotencyKey }) {
        const { id } = parseInput(idParams, params);
        const res = await desk.recordVisitorExit({ idempotencyKey, id }, call);
        return { status: 200, body: visitorToJson(present(res.visitor, 'visitor')) };
      },
    },
    {
      method: 'post',
      path: `${base}/post-leaves`,
      async handle({ body }, { call, idempotencyKey }) {
        const b = parseInput(postLeaveBody, body);
        const res = await desk.requestPostLeave({ idempotencyKey, ...b }, call);
        return { status: 201, body: postLeaveToJson(present(res.leave, 'leave')) };
      },
    },
    {
      method: 'post',
      path: `${base}/petition-visits`,
      async handle({ body }, { call, idempotencyKey }) {
        const b = parseInput(petitionBody, body);
        const res = await desk.recordPetitionVisit({ idempotencyKey, ...b }, call);
        return { status: 201, body: petitionVisitToJson(present(res.visit, 'visit')) };
      },
    },
    {
      method: 'get',
      path: `${base}/shift-plan`,
      async handle({ query }, { call }) {
        const q = parseInput(shiftPlanQuery, query);
        const res = await desk.planDutyShifts({ fromDate: q.from, days: q.days }, call);
        return {
          status: 200,
          body: { driverShifts: res.driverShifts.map(shiftToJson), officeShifts: res.officeShifts.map(shiftToJson) },
        };
      },
    },
  ];
}
