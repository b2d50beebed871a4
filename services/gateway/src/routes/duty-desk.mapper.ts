import type { dutyDeskV1 } from '@gov/contracts';
import { orNull } from './common.mapper';

/** proto → JSON for the desk: empty strings (proto3's "unset") become null. */
export const deskDocumentToJson = (d: dutyDeskV1.DeskDocument) => ({
  id: d.id,
  kind: d.kind,
  addressedTo: d.addressedTo,
  sender: d.sender,
  title: d.title,
  urgency: d.urgency,
  receivedAt: d.receivedAt,
  offHours: d.offHours,
  status: d.status,
  registerBy: orNull(d.registerBy),
  registeredAt: orNull(d.registeredAt),
  registeredBy: orNull(d.registeredBy),
  forwardedTo: orNull(d.forwardedTo),
  forwardedAt: orNull(d.forwardedAt),
  forwardWarnAt: orNull(d.forwardWarnAt),
  forwardDueAt: orNull(d.forwardDueAt),
  alertedAt: orNull(d.alertedAt),
  late: d.late,
  loggedBy: d.loggedBy,
  secrecyLevel: orNull(d.secrecyLevel),
  senderOrgId: orNull(d.senderOrgId),
});

export const callToJson = (c: dutyDeskV1.PublicCall) => ({
  id: c.id,
  line: c.line,
  channel: c.channel,
  callerName: orNull(c.callerName),
  callerPhone: orNull(c.callerPhone),
  category: c.category,
  content: c.content,
  receivedAt: c.receivedAt,
  status: c.status,
  outcome: orNull(c.outcome),
  inScope: c.inScope,
  redirectTo: orNull(c.redirectTo),
  allowedActions: c.allowedActions,
  answer: orNull(c.answer),
  slip: c.slip
    ? {
        kind: c.slip.kind,
        proposal: c.slip.proposal,
        leaderId: c.slip.leaderId,
        draftedAt: c.slip.draftedAt,
        instruction: orNull(c.slip.instruction),
        instructedAt: orNull(c.slip.instructedAt),
        reply: orNull(c.slip.reply),
        repliedAt: orNull(c.slip.repliedAt),
      }
    : null,
  transferredUnitId: orNull(c.transferredUnitId),
  important: c.important,
  multiDepartment: c.multiDepartment,
  supervisionItemId: orNull(c.supervisionItemId),
  supervisionOutcome: orNull(c.supervisionOutcome),
  feedbackReceivedAt: orNull(c.feedbackReceivedAt),
  closedAt: orNull(c.closedAt),
});

export const visitorToJson = (v: dutyDeskV1.VisitorEntry) => ({
  ...v,
  hostUnitId: orNull(v.hostUnitId),
  exitedAt: orNull(v.exitedAt),
});

export const postLeaveToJson = (l: dutyDeskV1.PostLeave) => ({ ...l, reason: orNull(l.reason) });

export const petitionVisitToJson = (p: dutyDeskV1.PetitionVisit) => ({
  ...p,
  matter: orNull(p.matter),
  gate: orNull(p.gate),
});

export const shiftToJson = (s: dutyDeskV1.ShiftWindow) => ({
  type: s.type,
  date: s.date,
  startsAt: s.startsAt,
  endsAt: s.endsAt,
  workingDay: s.workingDay,
});
