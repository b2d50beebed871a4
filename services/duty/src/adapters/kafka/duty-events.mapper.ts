import { dutyEventsV1, dutyEventTypes, topics } from '@gov/contracts';
import { outboxEntry, type OutboxEntry } from '@gov/platform';
import type { Incident, Obligation } from '../../domain/incident';
import type { ReportingChange } from '../../domain/upward-reporting';
import type { LeaderInstruction } from '../../domain/instruction';
import { toProtoCategory, toProtoObligation, toProtoSeverity, toProtoViolation } from '../grpc/duty.mapper';

/** Events on gov.duty.events.v1, keyed by incident id (read by supervision and document; never on the alert path). */
export function incidentReceived(i: Incident): OutboxEntry {
  return outboxEntry({
    topic: topics.duty,
    key: i.id,
    type: dutyEventTypes.incidentReceived,
    time: i.receivedAt,
    id: `${i.id}:received`,
    payload: dutyEventsV1.IncidentReceived.encode({
      incidentId: i.id,
      category: toProtoCategory(i.category),
      severity: toProtoSeverity(i.severity),
      occurredAt: i.occurredAt.toISOString(),
      receivedAt: i.receivedAt.toISOString(),
      obligations: i.obligations.map(toProtoObligation),
    }).finish(),
  });
}

/** `roundId`: the acknowledgement of an RC-1 upgrade round, which gets an event id of its own. */
export function incidentAcknowledged(id: string, personId: string, at: Date, roundId?: string): OutboxEntry {
  return outboxEntry({
    topic: topics.duty,
    key: id,
    type: dutyEventTypes.incidentAcknowledged,
    time: at,
    id: roundId ? `${roundId}:acknowledged` : `${id}:acknowledged`,
    payload: dutyEventsV1.IncidentAcknowledged.encode({
      incidentId: id,
      personId,
      acknowledgedAt: at.toISOString(),
    }).finish(),
  });
}

export function incidentEscalated(
  id: string,
  e: { recipientId: string; step: string; reason: string; at: Date },
): OutboxEntry {
  return outboxEntry({
    topic: topics.duty,
    key: id,
    type: dutyEventTypes.incidentEscalated,
    time: e.at,
    id: `${id}:escalated:${e.recipientId}:${e.step}`,
    payload: dutyEventsV1.IncidentEscalated.encode({
      incidentId: id,
      recipientId: e.recipientId,
      step: e.step,
      reason: e.reason,
      at: e.at.toISOString(),
    }).finish(),
  });
}

/** instruction.recorded always; instruction.followup_required when it asks for supervision (spec duty §9.9 LI-3). */
export function instructionEvents(i: LeaderInstruction): OutboxEntry[] {
  const out = [
    outboxEntry({
      topic: topics.duty,
      key: i.incidentId,
      type: dutyEventTypes.instructionRecorded,
      time: i.givenAt,
      id: `${i.id}:recorded`,
      payload: dutyEventsV1.InstructionRecorded.encode({
        instructionId: i.id,
        incidentId: i.incidentId,
        leaderId: i.leaderId,
        text: i.text,
        givenAt: i.givenAt.toISOString(),
      }).finish(),
    }),
  ];
  if (i.needsFollowUp)
    out.push(
      outboxEntry({
        topic: topics.duty,
        key: i.incidentId,
        type: dutyEventTypes.instructionFollowUpRequired,
        time: i.givenAt,
        id: `${i.id}:followup`,
        payload: dutyEventsV1.InstructionFollowUpRequired.encode({
          instructionId: i.id,
          incidentId: i.incidentId,
          text: i.text,
          suggestedLeadUnit: i.suggestedLeadUnit,
          dueAt: i.followUpDueAt?.toISOString() ?? '',
        }).finish(),
      }),
    );
  return out;
}

const obligationEvent: Partial<Record<Obligation['status'], keyof typeof dutyEventTypes>> = {
  WARNING: 'reportWarning',
  BREACHED: 'reportBreached',
  FULFILLED_ON_TIME: 'reportFulfilled',
  FULFILLED_LATE: 'reportFulfilled',
};

/**
 * duty.report.warning / breached / fulfilled, incident.resolved and violation candidates of one reporting
 * change (spec duty §16.1); event ids are derived from what happened, so a repeated change repeats its ids.
 */
export function reportingEvents(before: Incident, change: ReportingChange, at: Date): OutboxEntry[] {
  const out: OutboxEntry[] = [];
  const id = before.id;
  for (const o of change.changed) {
    const type = obligationEvent[o.status];
    if (!type) continue;
    out.push(
      outboxEntry({
        topic: topics.duty,
        key: id,
        type: dutyEventTypes[type],
        time: at,
        id: `${id}:${o.id}:${o.status}`,
        payload: dutyEventsV1.ObligationStatusChanged.encode({
          incidentId: id,
          obligation: toProtoObligation(o),
          at: at.toISOString(),
          onTime: o.status === 'FULFILLED_ON_TIME',
        }).finish(),
      }),
    );
  }
  for (const v of change.violations)
    out.push(
      outboxEntry({
        topic: topics.duty,
        key: id,
        type: dutyEventTypes.violationCandidate,
        time: at,
        id: `${v.id}:candidate`,
        payload: dutyEventsV1.ViolationCandidateRaised.encode({
          incidentId: id,
          violation: toProtoViolation(v),
          handoverId: '',
        }).finish(),
      }),
    );
  if (before.status !== 'RESOLVED' && change.incident.status === 'RESOLVED')
    out.push(
      outboxEntry({
        topic: topics.duty,
        key: id,
        type: dutyEventTypes.incidentResolved,
        time: at,
        id: `${id}:resolved`,
        payload: dutyEventsV1.IncidentResolved.encode({ incidentId: id, resolvedAt: at.toISOString() }).finish(),
      }),
    );
  const next = change.incident;
  if (before.status !== 'VOIDED' && next.status === 'VOIDED')
    out.push(
      outboxEntry({
        topic: topics.duty,
        key: id,
        type: dutyEventTypes.incidentVoided,
        time: at,
        id: `${id}:voided`,
        payload: dutyEventsV1.IncidentVoided.encode({
          incidentId: id,
          voidedAt: at.toISOString(),
          voidedBy: next.voidedBy ?? '',
          reason: next.voidReason ?? '',
          corrections: change.created.filter((o) => o.kind === 'CORRECTION').map(toProtoObligation),
        }).finish(),
      }),
    );
  if (before.status !== 'CLOSED' && next.status === 'CLOSED')
    out.push(
      outboxEntry({
        topic: topics.duty,
        key: id,
        type: dutyEventTypes.incidentClosed,
        time: at,
        id: `${id}:closed`,
        payload: dutyEventsV1.IncidentClosed.encode({
          incidentId: id,
          closedAt: at.toISOString(),
          closedBy: next.closedBy ?? '',
          closedFrom: before.status,
        }).finish(),
      }),
    );
  return out;
}
