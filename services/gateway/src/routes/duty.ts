import type { DutyPort } from '../clients';
import type { Route } from '../http/route';
import { parseInput } from '../http/validate';
import { present } from './common.mapper';
import { idParams } from './common.schema';
import {
  chronologyRepairToJson,
  contactSheetToJson,
  incidentToJson,
  onDutyToJson,
  severityToProto,
  toPublishRosterRequest,
  toRaiseIncidentRequest,
} from './duty.mapper';
import {
  acknowledgeBody,
  approveDraftBody,
  contactSheetQuery,
  draftBody,
  enquiryBody,
  reclassifyBody,
  receiptsBody,
  rosterBody,
  instructionBody,
  onDutyQuery,
  raiseIncidentBody,
  streamQuery,
  upwardReportBody,
  verificationBody,
  voidBody,
} from './duty.schema';

/** 值班 / 应急信息报送 — emergency intake, acknowledgement and who is on duty, served by the duty service. */
export function dutyRoutes(duty: DutyPort): Route[] {
  return [
    {
      method: 'post',
      path: '/v1/duty/delivery-receipts',
      async handle({ body }, { call }) {
        const b = parseInput(receiptsBody, body);
        const res = await duty.recordDeliveryReceipts(b, call);
        return { status: 200, body: { recorded: res.recorded } };
      },
    },
    {
      method: 'post',
      path: '/v1/duty/rosters',
      async handle({ body }, { call, idempotencyKey }) {
        const b = parseInput(rosterBody, body);
        const res = await duty.publishRoster(toPublishRosterRequest(b, idempotencyKey), call);
        return { status: 201, body: { rosterId: res.rosterId, version: res.version } };
      },
    },
    {
      method: 'post',
      path: '/v1/duty/incidents/:id/reports',
      async handle({ params, body }, { call, idempotencyKey }) {
        const { id } = parseInput(idParams, params);
        const b = parseInput(upwardReportBody, body);
        const res = await duty.recordUpwardReport({ idempotencyKey, incidentId: id, ...b }, call);
        return {
          status: 201,
          body: { reportId: res.reportId, incident: incidentToJson(present(res.incident, 'incident')) },
        };
      },
    },
    {
      method: 'post',
      path: '/v1/duty/incidents/:id/enquiries',
      async handle({ params, body }, { call, idempotencyKey }) {
        const { id } = parseInput(idParams, params);
        const b = parseInput(enquiryBody, body);
        const res = await duty.recordEnquiry({ idempotencyKey, incidentId: id, ...b }, call);
        return {
          status: 201,
          body: { reverseFlow: res.reverseFlow, incident: incidentToJson(present(res.incident, 'incident')) },
        };
      },
    },
    {
      method: 'post',
      path: '/v1/duty/incidents/:id/verification',
      async handle({ params, body }, { call, idempotencyKey }) {
        const { id } = parseInput(idParams, params);
        const b = parseInput(verificationBody, body);
        const res = await duty.setVerification({ idempotencyKey, incidentId: id, ...b }, call);
        return { status: 200, body: incidentToJson(present(res.incident, 'incident')) };
      },
    },
    {
      method: 'post',
      path: '/v1/duty/incidents/:id/drafts',
      async handle({ params, body }, { call, idempotencyKey }) {
        const { id } = parseInput(idParams, params);
        const b = parseInput(draftBody, body);
        const res = await duty.draftWrittenReport({ idempotencyKey, incidentId: id, ...b }, call);
        return {
          status: 201,
          body: { draftId: res.draftId, incident: incidentToJson(present(res.incident, 'incident')) },
        };
      },
    },
    {
      method: 'post',
      path: '/v1/duty/incidents/:id/drafts/:draftId/approve',
      async handle({ params, body }, { call, idempotencyKey }) {
        const { id } = parseInput(idParams, { id: params.id });
        const { id: draftId } = parseInput(idParams, { id: params.draftId });
        const b = parseInput(approveDraftBody, body ?? {});
        const res = await duty.actOnDraft({ idempotencyKey, incidentId: id, draftId, skipReason: b.skipReason }, call);
        return { status: 200, body: incidentToJson(present(res.incident, 'incident')) };
      },
    },
    {
      method: 'post',
      path: '/v1/duty/incidents/:id/reclassify',
      async handle({ params, body }, { call, idempotencyKey }) {
        const { id } = parseInput(idParams, params);
        const b = parseInput(reclassifyBody, body);
        const res = await duty.reclassifyIncident(
          { idempotencyKey, incidentId: id, ...b, severity: severityToProto[b.severity] },
          call,
        );
        return { status: 200, body: incidentToJson(present(res.incident, 'incident')) };
      },
    },
    {
      method: 'post',
      path: '/v1/duty/incidents/:id/resolve',
      async handle({ params }, { call, idempotencyKey }) {
        const { id } = parseInput(idParams, params);
        const res = await duty.resolveIncident({ idempotencyKey, incidentId: id }, call);
        return { status: 200, body: incidentToJson(present(res.incident, 'incident')) };
      },
    },
    {
      method: 'post',
      path: '/v1/duty/incidents/:id/void',
      async handle({ params, body }, { call, idempotencyKey }) {
        const { id } = parseInput(idParams, params);
        const b = parseInput(voidBody, body);
        const res = await duty.voidIncident({ idempotencyKey, incidentId: id, reason: b.reason }, call);
        return { status: 200, body: incidentToJson(present(res.incident, 'incident')) };
      },
    },
    {
      method: 'post',
      path: '/v1/duty/incidents/:id/close',
      async handle({ params }, { call, idempotencyKey }) {
        const { id } = parseInput(idParams, params);
        const res = await duty.closeIncident({ idempotencyKey, incidentId: id }, call);
        return { status: 200, body: incidentToJson(present(res.incident, 'incident')) };
      },
    },
    {
      // LG-3, LG-4: the log custodian rebuilds the steps the record lacks from the stored facts
      method: 'post',
      path: '/v1/duty/incidents/:id/chronology-repairs',
      async handle({ params }, { call, idempotencyKey }) {
        const { id } = parseInput(idParams, params);
        const res = await duty.repairChronology({ idempotencyKey, incidentId: id }, call);
        return { status: 200, body: chronologyRepairToJson(res, present(res.incident, 'incident')) };
      },
    },
    {
      method: 'get',
      path: '/v1/duty/contact-sheet',
      async handle({ query, accepts }, { call }) {
        const { date } = parseInput(contactSheetQuery, query);
        const sheet = contactSheetToJson(await duty.getContactSheet({ date: date ?? '' }, call));
        // NF-8: the printable sheet itself when the caller asks for plain text
        if (accepts?.(['application/json', 'text/plain']) === 'text/plain')
          return { status: 200, body: null, text: sheet.text };
        return { status: 200, body: sheet };
      },
    },
    {
      method: 'get',
      path: '/v1/duty/stream',
      async handle({ query }, { call }) {
        const q = parseInput(streamQuery, query);
        const { messages, cancel } = duty.watchConsole({ recipientId: q.recipientId ?? '' }, call);
        async function* items() {
          for await (const m of messages)
            yield {
              id: m.messageId,
              event: 'alert',
              data: {
                incidentId: m.incidentId,
                recipientId: m.recipientId,
                text: m.text,
                dueAt: m.dueAt,
                sentAt: m.sentAt,
              },
            };
        }
        return { status: 200, body: null, events: { items: items(), close: cancel } };
      },
    },
    {
      method: 'post',
      path: '/v1/duty/incidents',
      async handle({ body }, { call, idempotencyKey }) {
        const input = parseInput(raiseIncidentBody, body);
        const res = await duty.raiseIncident(toRaiseIncidentRequest(input, idempotencyKey), call);
        const incident = incidentToJson(present(res.incident, 'incident'));
        return { status: 201, body: incident, location: `/v1/duty/incidents/${encodeURIComponent(incident.id)}` };
      },
    },
    {
      method: 'post',
      path: '/v1/duty/incidents/:id/ack',
      async handle({ params, body }, { call, idempotencyKey }) {
        const { id } = parseInput(idParams, params);
        const input = parseInput(acknowledgeBody, body ?? {});
        const res = await duty.acknowledgeIncident(
          { idempotencyKey, incidentId: id, personId: input.personId ?? '' },
          call,
        );
        return { status: 200, body: incidentToJson(present(res.incident, 'incident')) };
      },
    },
    {
      method: 'post',
      path: '/v1/duty/incidents/:id/instructions',
      async handle({ params, body }, { call, idempotencyKey }) {
        const { id } = parseInput(idParams, params);
        const b = parseInput(instructionBody, body);
        const res = await duty.recordInstruction(
          { idempotencyKey, incidentId: id, ...b, leaderId: b.leaderId ?? '' },
          call,
        );
        return {
          status: 201,
          body: {
            instructionId: res.instructionId,
            followUpDueAt: res.followUpDueAt || null,
            incident: incidentToJson(present(res.incident, 'incident')),
          },
        };
      },
    },
    {
      method: 'get',
      path: '/v1/duty/incidents/:id',
      async handle({ params }, { call }) {
        const { id } = parseInput(idParams, params);
        const res = await duty.getIncident({ id }, call);
        return { status: 200, body: incidentToJson(present(res.incident, 'incident')) };
      },
    },
    {
      method: 'get',
      path: '/v1/duty/on-duty',
      async handle({ query }, { call }) {
        const { at } = parseInput(onDutyQuery, query);
        return { status: 200, body: onDutyToJson(await duty.getOnDuty({ at: at ?? '' }, call)) };
      },
    },
  ];
}
