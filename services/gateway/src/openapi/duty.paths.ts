import { z } from 'zod';
import { amendLogBody, appendLogBody } from '../routes/duty-log';
import {
  acknowledgeBody,
  approveDraftBody,
  draftBody,
  enquiryBody,
  reclassifyBody,
  receiptsBody,
  rosterBody,
  instructionBody,
  raiseIncidentBody,
  upwardReportBody,
  verificationBody,
  voidBody,
} from '../routes/duty.schema';
import { parameterRef, problems, requestIdHeader } from './common';

const json = (schema: z.ZodType, io: 'input' | 'output' = 'output') => ({
  'application/json': { schema: z.toJSONSchema(schema, { io, unrepresentable: 'any' }) },
});
const incident = {
  'application/json': {
    schema: {
      type: 'object',
      description: 'An emergency report with its statutory deadlines (obligations) and notifications',
      properties: {
        id: { type: 'string' },
        status: {
          type: 'string',
          enum: ['ESCALATING', 'COMMANDED', 'FIRST_REPORTED', 'FOLLOWING_UP', 'RESOLVED', 'VOIDED', 'CLOSED'],
        },
        obligations: { type: 'array', items: { type: 'object' } },
        notifications: { type: 'array', items: { type: 'object' } },
      },
    },
  },
};

const logEntry = { 'application/json': { schema: { type: 'object', description: 'A duty log entry' } } };
const anyObject = { 'application/json': { schema: { type: 'object' } } };
const seqParam = { name: 'seq', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } };

const incidentPost = (operationId: string, summary: string, body: z.ZodType | undefined, ok: string) => ({
  post: {
    operationId,
    tags: ['duty'],
    summary,
    parameters: [parameterRef('Id'), parameterRef('IdempotencyKey'), parameterRef('RequestId')],
    ...(body ? { requestBody: { required: true, content: json(body, 'input') } } : {}),
    responses: {
      [ok]: {
        description: 'The incident after the change',
        headers: requestIdHeader,
        content: ok === '201' ? anyObject : incident,
      },
      ...problems('403', '404', '409'),
    },
  },
});

export const dutyPaths = {
  '/v1/duty/delivery-receipts': {
    post: {
      operationId: 'recordDeliveryReceipts',
      tags: ['duty'],
      summary: 'SMS provider callback: delivery reports; an SMS without one in time is followed by a voice call (AK-2)',
      parameters: [parameterRef('IdempotencyKey'), parameterRef('RequestId')],
      requestBody: { required: true, content: json(receiptsBody, 'input') },
      responses: {
        '200': { description: 'How many receipts were new', headers: requestIdHeader, content: anyObject },
        ...problems('403'),
      },
    },
  },
  '/v1/duty/rosters': {
    post: {
      operationId: 'publishRoster',
      tags: ['duty'],
      summary:
        'Publish a duty roster; refused unless every instant has an officer and exactly one leader (spec duty §4.2)',
      parameters: [parameterRef('IdempotencyKey'), parameterRef('RequestId')],
      requestBody: { required: true, content: json(rosterBody, 'input') },
      responses: {
        '201': { description: 'The roster id and version', headers: requestIdHeader, content: anyObject },
        ...problems('403', '409'),
      },
    },
  },
  '/v1/duty/incidents/{id}/reports': incidentPost(
    'recordUpwardReport',
    'Record a phone or written report made to a target; meets its obligation on time or late (spec duty §9.3, ' +
      '§9.8). A target reported via the party office needs the office’s confirmation (PO-1)',
    upwardReportBody,
    '201',
  ),
  '/v1/duty/incidents/{id}/enquiries': incidentPost(
    'recordEnquiry',
    'Log an enquiry from a higher authority; before any report to it the incident is flagged REVERSE_FLOW (PO-2)',
    enquiryBody,
    '201',
  ),
  '/v1/duty/incidents/{id}/verification': incidentPost(
    'setVerification',
    'Set the verification state of the facts (S5); doubtful facts open verification tasks and never block reporting',
    verificationBody,
    '200',
  ),
  '/v1/duty/incidents/{id}/drafts': incidentPost(
    'draftWrittenReport',
    'A written report enters its review and signing chain; substitutes stand in for people away (spec duty §9.7)',
    draftBody,
    '201',
  ),
  '/v1/duty/incidents/{id}/drafts/{draftId}/approve': {
    post: {
      ...incidentPost(
        'actOnDraft',
        'The caller reviews or signs the draft when the chain has come to them (or acts for a silent approver, WR-1)',
        undefined,
        '200',
      ).post,
      requestBody: { required: false, content: json(approveDraftBody, 'input') },
      parameters: [
        parameterRef('Id'),
        { name: 'draftId', in: 'path', required: true, schema: { type: 'string' } },
        parameterRef('IdempotencyKey'),
        parameterRef('RequestId'),
      ],
    },
  },
  '/v1/duty/incidents/{id}/reclassify': incidentPost(
    'reclassifyIncident',
    'A leader changes the severity; obligations are recomputed from occurrence and may be breached at once (RC-1)',
    reclassifyBody,
    '200',
  ),
  '/v1/duty/incidents/{id}/resolve': incidentPost(
    'resolveIncident',
    'Resolve an incident once every target that had a first report got the final report (FR-3)',
    undefined,
    '200',
  ),
  '/v1/duty/incidents/{id}/void': incidentPost(
    'voidIncident',
    'Void an incident before resolution (leaders; reason required): open report clocks are waived, escalation ' +
      'stops, and each target that had a report is owed a CORRECTION report (spec duty §9.10)',
    voidBody,
    '200',
  ),
  '/v1/duty/incidents/{id}/close': incidentPost(
    'closeIncident',
    'Close a RESOLVED or VOIDED incident (LOG_CUSTODIAN); refused with LOG_CHRONOLOGY_INCOMPLETE while the ' +
      'record has gaps (LG-3) and CORRECTION_OPEN while a correction is owed',
    undefined,
    '200',
  ),
  '/v1/duty/incidents/{id}/chronology-repairs': {
    post: {
      operationId: 'repairIncidentChronology',
      tags: ['duty'],
      summary:
        'The log custodian repairs a RESOLVED or VOIDED incident’s chronology (LG-3, LG-4): each step a stored record ' +
        'proves but the record lacks is appended at the step’s own time, marked as rebuilt; gaps nothing stored can ' +
        'fill, such as an altered chain, are returned in `unrepaired` and stay',
      parameters: [parameterRef('Id'), parameterRef('IdempotencyKey'), parameterRef('RequestId')],
      responses: {
        '200': {
          description:
            '{incident, appended, unrepaired, chronology}: the lines appended, the gaps left with the ' +
            'reason, and the whole record in the order the facts happened',
          headers: requestIdHeader,
          content: anyObject,
        },
        ...problems('403', '404', '409'),
      },
    },
  },
  '/v1/duty/contact-sheet': {
    get: {
      operationId: 'getDutyContactSheet',
      tags: ['duty'],
      summary:
        'NF-8 offline contact sheet of a duty day: who is on duty, the chains with substitutes, the upward report ' +
        'targets with their numbers; `text` holds the printable plain-text rendering',
      parameters: [
        {
          name: 'date',
          in: 'query',
          description: 'local date YYYY-MM-DD (Asia/Shanghai); the current duty day when absent',
          schema: { type: 'string', format: 'date' },
        },
        parameterRef('RequestId'),
      ],
      responses: {
        '200': {
          description: 'The sheet as data, with `text` for printing',
          headers: requestIdHeader,
          content: anyObject,
        },
        ...problems('403'),
      },
    },
  },
  '/v1/duty/stream': {
    get: {
      operationId: 'watchDutyConsole',
      tags: ['duty'],
      summary: 'Live alerts for the duty console as server-sent events (event: alert; error ends the stream)',
      parameters: [
        { name: 'recipientId', in: 'query', required: false, schema: { type: 'string' } },
        parameterRef('RequestId'),
      ],
      responses: {
        '200': {
          description: 'An event stream; each `alert` event carries incidentId, recipientId, text, dueAt, sentAt',
          content: { 'text/event-stream': { schema: { type: 'string' } } },
        },
        ...problems('403'),
      },
    },
  },
  '/v1/duty/incidents': {
    post: {
      operationId: 'raiseIncident',
      tags: ['duty'],
      summary: 'Take in an emergency report; the people on duty are alerted at once and the deadlines returned',
      parameters: [parameterRef('IdempotencyKey'), parameterRef('RequestId')],
      requestBody: { required: true, content: json(raiseIncidentBody, 'input') },
      responses: {
        '201': { description: 'The incident with its deadlines', headers: requestIdHeader, content: incident },
        ...problems('403', '409'),
      },
    },
  },
  '/v1/duty/incidents/{id}': {
    get: {
      operationId: 'getIncident',
      tags: ['duty'],
      summary: 'Read one incident with its obligations and notifications',
      parameters: [parameterRef('Id'), parameterRef('RequestId')],
      responses: {
        '200': { description: 'The incident', headers: requestIdHeader, content: incident },
        ...problems('403', '404'),
      },
    },
  },
  '/v1/duty/incidents/{id}/ack': {
    post: {
      operationId: 'acknowledgeIncident',
      tags: ['duty'],
      summary: 'Acknowledge an alert; escalation of the incident stops',
      parameters: [parameterRef('Id'), parameterRef('IdempotencyKey'), parameterRef('RequestId')],
      requestBody: { required: false, content: json(acknowledgeBody, 'input') },
      responses: {
        '200': { description: 'The acknowledged incident', headers: requestIdHeader, content: incident },
        ...problems('403', '404'),
      },
    },
  },
  '/v1/duty/incidents/{id}/instructions': {
    post: {
      operationId: 'recordInstruction',
      tags: ['duty'],
      summary: "Record a leader's instruction; one needing follow-up is sent to supervision",
      parameters: [parameterRef('Id'), parameterRef('IdempotencyKey'), parameterRef('RequestId')],
      requestBody: { required: true, content: json(instructionBody, 'input') },
      responses: {
        '201': {
          description: 'The instruction id and follow-up due time',
          headers: requestIdHeader,
          content: anyObject,
        },
        ...problems('403', '404'),
      },
    },
  },
  '/v1/duty/on-duty': {
    get: {
      operationId: 'getOnDuty',
      tags: ['duty'],
      summary: 'Who is on duty now, or at the instant `at`',
      parameters: [
        { name: 'at', in: 'query', description: 'RFC 3339 instant', schema: { type: 'string', format: 'date-time' } },
        parameterRef('RequestId'),
      ],
      responses: {
        '200': {
          description: 'The people on duty with their shifts',
          headers: requestIdHeader,
          content: { 'application/json': { schema: { type: 'object' } } },
        },
        ...problems(),
      },
    },
  },
  '/v1/duty/log': {
    post: {
      operationId: 'appendDutyLogEntry',
      tags: ['duty'],
      summary: 'Append an entry to the duty log (值班日志); server time, hash-chained',
      parameters: [parameterRef('IdempotencyKey'), parameterRef('RequestId')],
      requestBody: { required: true, content: json(appendLogBody, 'input') },
      responses: {
        '201': { description: 'The entry', headers: requestIdHeader, content: logEntry },
        ...problems('403', '409'),
      },
    },
    get: {
      operationId: 'listDutyLog',
      tags: ['duty'],
      summary: 'The duty log in order, amendments included',
      parameters: [parameterRef('RequestId')],
      responses: {
        '200': { description: 'Every entry', headers: requestIdHeader, content: anyObject },
        ...problems('403'),
      },
    },
  },
  '/v1/duty/log/{seq}': {
    patch: {
      operationId: 'editDutyLogEntry',
      tags: ['duty'],
      summary: 'Always refused with LOG_ENTRY_IMMUTABLE: entries are corrected by amendment only',
      parameters: [seqParam, parameterRef('IdempotencyKey'), parameterRef('RequestId')],
      responses: { ...problems('409') },
    },
  },
  '/v1/duty/log/{seq}/amend': {
    post: {
      operationId: 'amendDutyLogEntry',
      tags: ['duty'],
      summary: 'Record a correction as a new AMENDMENT entry pointing at the original',
      parameters: [seqParam, parameterRef('IdempotencyKey'), parameterRef('RequestId')],
      requestBody: { required: true, content: json(amendLogBody, 'input') },
      responses: {
        '201': { description: 'The amendment entry', headers: requestIdHeader, content: logEntry },
        ...problems('403', '409'),
      },
    },
  },
  '/v1/duty/log/verify': {
    get: {
      operationId: 'verifyDutyLog',
      tags: ['duty'],
      summary: 'Re-compute the hash chain; reports the first entry that does not match',
      parameters: [parameterRef('RequestId')],
      responses: {
        '200': { description: '{ok, brokenAt, entries}', headers: requestIdHeader, content: anyObject },
        ...problems('403'),
      },
    },
  },
};
