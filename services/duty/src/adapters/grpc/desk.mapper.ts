import type { dutyDeskV1 } from '@gov/contracts';
import type { PublicCall } from '../../domain/call';
import { allowedActions, inScope, redirectTarget } from '../../domain/call';
import type { DeskDocument } from '../../domain/desk-document';
import type { PlannedShift } from '../../domain/driver-shifts';
import type { PetitionVisit, PostLeave, VisitorEntry } from '../../domain/security';

/** Instants as RFC 3339, empty when unset (proto3 strings have no null). */
const iso = (d: Date | undefined): string => (d ? new Date(d).toISOString() : '');

export const toProtoDeskDocument = (d: DeskDocument): dutyDeskV1.DeskDocument => ({
  id: d.id,
  kind: d.kind,
  addressedTo: d.addressedTo,
  sender: d.sender,
  title: d.title,
  urgency: d.urgency,
  receivedAt: iso(d.receivedAt),
  offHours: d.offHours,
  status: d.status,
  registerBy: iso(d.registerBy),
  registeredAt: iso(d.registeredAt),
  registeredBy: d.registeredBy ?? '',
  forwardedTo: d.forwardedTo ?? '',
  forwardedAt: iso(d.forwardedAt),
  forwardWarnAt: iso(d.forwardWarnAt),
  forwardDueAt: iso(d.forwardDueAt),
  alertedAt: iso(d.alertedAt),
  late: d.late,
  loggedBy: d.loggedBy,
  secrecyLevel: d.secrecyLevel ?? '',
  senderOrgId: d.senderOrgId ?? '',
});

export const toProtoCall = (c: PublicCall): dutyDeskV1.PublicCall => ({
  id: c.id,
  line: c.line,
  channel: c.channel,
  callerName: c.callerName,
  callerPhone: c.callerPhone,
  category: c.category,
  content: c.content,
  receivedAt: iso(c.receivedAt),
  status: c.status,
  outcome: c.outcome ?? '',
  inScope: inScope(c.category),
  redirectTo: redirectTarget(c.category) ?? '',
  allowedActions: allowedActions(c),
  answer: c.answer ?? '',
  slip: c.slip
    ? {
        kind: c.slip.kind,
        proposal: c.slip.proposal,
        leaderId: c.slip.leaderId,
        draftedAt: iso(c.slip.draftedAt),
        instruction: c.slip.instruction ?? '',
        instructedAt: iso(c.slip.instructedAt),
        reply: c.slip.reply ?? '',
        repliedAt: iso(c.slip.repliedAt),
      }
    : undefined,
  transferredUnitId: c.transferredUnitId ?? '',
  important: c.important ?? false,
  multiDepartment: c.multiDepartment ?? false,
  supervisionItemId: c.supervision?.itemId ?? '',
  supervisionOutcome: c.supervision?.outcome ?? '',
  feedbackReceivedAt: iso(c.supervision?.at),
  closedAt: iso(c.closedAt),
});

export const toProtoVisitor = (v: VisitorEntry): dutyDeskV1.VisitorEntry => ({
  id: v.id,
  visitorKind: v.visitorKind,
  name: v.name,
  hostUnitId: v.hostUnitId,
  business: v.business,
  status: v.status,
  denyReasons: v.denyReasons,
  arrivedAt: iso(v.arrivedAt),
  exitedAt: iso(v.exitedAt),
  recordedBy: v.recordedBy,
});

export const toProtoPostLeave = (l: PostLeave): dutyDeskV1.PostLeave => ({
  id: l.id,
  guardId: l.guardId,
  post: l.post,
  approvedBy: l.approvedBy,
  replacementId: l.replacementId,
  from: iso(l.from),
  to: iso(l.to),
  reason: l.reason,
  recordedAt: iso(l.recordedAt),
});

export const toProtoPetitionVisit = (p: PetitionVisit): dutyDeskV1.PetitionVisit => ({
  id: p.id,
  groupSize: p.groupSize,
  matter: p.matter,
  gate: p.gate,
  arrivedAt: iso(p.arrivedAt),
  collective: p.collective,
  largeScale: p.largeScale,
  status: p.status,
  notifications: p.notifications.map((n) => ({ recipient: n.recipient, at: iso(n.at) })),
  recordedBy: p.recordedBy,
});

const shanghaiDate = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

export const toProtoShift = (s: PlannedShift): dutyDeskV1.ShiftWindow => ({
  type: s.type,
  startsAt: iso(s.startsAt),
  endsAt: iso(s.endsAt),
  date: shanghaiDate(s.startsAt),
  workingDay: s.workingDay,
});
